#include "loom/clean/random_over_sampler.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "loom/pipeline/pipeline.hpp"
#include "resample_test_support.hpp"

using loom::Column;
using loom::Dataset;
using loom::clean::RandomOverSampler;

TEST_CASE("RandomOverSampler draws the same rows as imbalanced-learn for the same random_state",
          "[clean][resample][random_over_sampler]") {
  for (const auto& item : loom::test::sampler_cases("RandomOverSampler")) {
    INFO("params " << item["params"].dump());
    const auto data = loom::test::case_data(item);
    RandomOverSampler sampler;
    sampler.set_params(item["params"]);
    const auto [x, y] = sampler.fit_resample(data.x, data.y);
    CHECK(loom::test::label_counts(y) == loom::test::label_counts(item["y_res"]));
    loom::test::check_over_sampled(data, x, y, item);
  }
}

TEST_CASE("RandomOverSampler carries categorical and text columns through",
          "[clean][resample][random_over_sampler]") {
  const Dataset x(
      {Column::numeric("a", {1, 2, 3, 4, 5}),
       Column::categorical_from_values("colour", {"red", "blue", "red", "green", "blue"}),
       Column::text("note", {"one", "two", "three", "four", "five"}, {0, 0, 0, 0, 1})});
  const Column y = Column::categorical_from_values("label", {"n", "n", "n", "y", "y"});
  RandomOverSampler sampler({.random_state = 0});
  const auto [resampled, labels] = sampler.fit_resample(x, y);
  REQUIRE(resampled.n_rows() == 6);
  const Dataset& out = resampled.dataset();
  CHECK(out.column_names() == x.column_names());
  // The new row is a copy of row 3 or 4 (class "y"), every column included.
  const std::size_t source = out.column("a").numeric_values()[5] == 4.0 ? 3 : 4;
  CHECK(out.column("colour").value_string(5) == x.column("colour").value_string(source));
  CHECK(out.column("note").value_string(5) == x.column("note").value_string(source));
  CHECK(out.column("note").is_missing(5) == (source == 4));
  CHECK(labels.value_string(5) == "y");
  for (std::size_t row = 0; row < 5; ++row)
    CHECK(out.column("colour").value_string(row) == x.column("colour").value_string(row));
}

TEST_CASE("RandomOverSampler is reproducible with a seed and applies only while fitting",
          "[clean][resample][random_over_sampler]") {
  const auto item = loom::test::sampler_cases("RandomOverSampler").front();
  const auto data = loom::test::case_data(item);
  RandomOverSampler first({.random_state = 42});
  RandomOverSampler second({.random_state = 42});
  CHECK(first.fit_resample(data.x, data.y).first.to_dense("t") ==
        second.fit_resample(data.x, data.y).first.to_dense("t"));

  loom::pipeline::Pipeline pipeline;
  pipeline.add<RandomOverSampler>("balance", {.random_state = 0});
  const loom::Table fitted = pipeline.fit_transform(data.x, &data.y);
  CHECK(fitted.n_rows() == item["y_res"].size());
  CHECK(pipeline.transform(data.x).n_rows() == data.x.n_rows());
}

TEST_CASE("RandomOverSampler refuses bad parameters and data, naming them",
          "[clean][resample][random_over_sampler]") {
  const Dataset x({Column::numeric("a", {1, 2, 3, 4}),
                   Column::categorical_from_values("colour", {"r", "b", "r", "g"})});
  const Column y = Column::numeric("y", {0, 0, 0, 1});
  RandomOverSampler sampler;
  sampler.set_name("ros");
  sampler.set_param("shrinkage", 1.0);
  CHECK_LOOM_THROWS(sampler.fit_resample(x, y), loom::DataError,
                    "RandomOverSampler \"ros\": column \"colour\" is categorical, expected numeric "
                    "features when shrinkage is set");
  sampler.set_param("shrinkage", -1.0);
  CHECK_LOOM_THROWS(sampler.fit_resample(x, y), loom::ParameterError,
                    "parameter shrinkage = -1.0 must be null, a number >= 0");
  sampler.set_param("shrinkage", {{"0", 1.0}});
  CHECK_LOOM_THROWS(sampler.fit_resample(x.select({"a"}), y), loom::ParameterError,
                    "shrinkage has no factor for class \"1\", which is resampled");
  sampler.set_param("shrinkage", nullptr);
  sampler.set_param("random_state", -3);
  CHECK_LOOM_THROWS(sampler.fit_resample(x, y), loom::ParameterError,
                    "parameter random_state = -3 must be null or an integer in [0, 4294967295]");
  sampler.set_param("random_state", 0);
  CHECK_LOOM_THROWS(sampler.fit_resample(x, Column::numeric("y", {0, 1})), loom::DataError,
                    "the features have 4 rows but the target \"y\" has 2");
  CHECK_LOOM_THROWS(sampler.fit_resample(x, Column::numeric("y", {0, 1, NAN, 1})), loom::DataError,
                    "target \"y\" is missing at row 2");
}
