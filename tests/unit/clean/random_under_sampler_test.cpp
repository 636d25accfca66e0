#include "loom/clean/random_under_sampler.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "resample_test_support.hpp"

using loom::Column;
using loom::Dataset;
using loom::clean::RandomUnderSampler;

TEST_CASE("RandomUnderSampler keeps the rows imbalanced-learn keeps, in input order",
          "[clean][resample][random_under_sampler]") {
  for (const auto& item : loom::test::sampler_cases("RandomUnderSampler")) {
    INFO("params " << item["params"].dump());
    const auto data = loom::test::case_data(item);
    RandomUnderSampler sampler;
    sampler.set_params(item["params"]);
    const auto [x, y] = sampler.fit_resample(data.x, data.y);
    CHECK(sampler.sample_indices() == item["sample_indices"].get<std::vector<std::size_t>>());
    CHECK(std::is_sorted(sampler.sample_indices().begin(), sampler.sample_indices().end()));
    CHECK(loom::test::label_counts(y) == loom::test::label_counts(item["y_res"]));
    CHECK(x.to_dense("t") == data.x.take(sampler.sample_indices()).to_matrix());
  }
}

TEST_CASE("RandomUnderSampler carries every column type and refuses an impossible strategy",
          "[clean][resample][random_under_sampler]") {
  const Dataset x({Column::numeric("a", {1, 2, 3, 4, 5}),
                   Column::text("note", {"p", "q", "r", "s", "t"}, {0, 0, 0, 0, 0})});
  const Column y = Column::categorical_from_values("label", {"n", "y", "n", "n", "y"});
  RandomUnderSampler sampler({.random_state = 1});
  const auto [resampled, labels] = sampler.fit_resample(x, y);
  REQUIRE(resampled.n_rows() == 4);
  const auto& rows = sampler.sample_indices();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CHECK(resampled.dataset().column("note").value_string(i) ==
          x.column("note").value_string(rows[i]));
    CHECK(labels.value_string(i) == y.value_string(rows[i]));
  }
  sampler.set_name("rus");
  sampler.set_param("sampling_strategy", {{"y", 3}});
  CHECK_LOOM_THROWS(sampler.fit_resample(x, y), loom::ParameterError,
                    "RandomUnderSampler \"rus\": sampling_strategy[\"y\"] = 3 is above the 2 rows");
}
