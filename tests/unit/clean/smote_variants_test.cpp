// BorderlineSMOTE, ADASYN and TomekLinks against imbalanced-learn.
#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "loom/clean/adasyn.hpp"
#include "loom/clean/borderline_smote.hpp"
#include "loom/clean/tomek_links.hpp"
#include "resample_test_support.hpp"

using loom::Column;
using loom::Dataset;
using loom::clean::ADASYN;
using loom::clean::BorderlineSMOTE;
using loom::clean::TomekLinks;

TEMPLATE_TEST_CASE("over-samplers generate the same rows as imbalanced-learn",
                   "[clean][resample][borderline_smote][adasyn]", BorderlineSMOTE, ADASYN) {
  const std::string method(TestType::kTypeName);
  const auto cases = loom::test::sampler_cases(method);
  REQUIRE(cases.size() >= 2);
  for (const auto& item : cases) {
    INFO(method << " params " << item["params"].dump());
    const auto data = loom::test::case_data(item);
    TestType sampler;
    sampler.set_params(item["params"]);
    const auto [x, y] = sampler.fit_resample(data.x, data.y);
    CHECK(loom::test::label_counts(y) == loom::test::label_counts(item["y_res"]));
    loom::test::check_over_sampled(data, x, y, item);
  }
}

TEST_CASE("TomekLinks removes the rows imbalanced-learn removes", "[clean][resample][tomek]") {
  for (const auto& item : loom::test::sampler_cases("TomekLinks")) {
    INFO("params " << item["params"].dump());
    const auto data = loom::test::case_data(item);
    TomekLinks sampler;
    sampler.set_params(item["params"]);
    const auto [x, y] = sampler.fit_resample(data.x, data.y);
    CHECK(sampler.sample_indices() == item["sample_indices"].get<std::vector<std::size_t>>());
    CHECK(loom::test::label_counts(y) == loom::test::label_counts(item["y_res"]));
    CHECK(x.to_dense("t") == data.x.take(sampler.sample_indices()).to_matrix());
  }
}

TEST_CASE("TomekLinks cleans only the listed classes", "[clean][resample][tomek]") {
  // Rows 1 and 2 are each other's nearest neighbour and of different classes.
  const Dataset x({Column::numeric("a", {0.0, 5.0, 5.1, 10.0, 20.0})});
  const Column y = Column::categorical_from_values("y", {"p", "p", "q", "q", "p"});
  TomekLinks sampler({.sampling_strategy = loom::Json::array({"q"})});
  sampler.fit_resample(x, y);
  CHECK(sampler.sample_indices() == std::vector<std::size_t>{0, 1, 3, 4});
  sampler.set_param("sampling_strategy", "all");
  sampler.fit_resample(x, y);
  CHECK(sampler.sample_indices() == std::vector<std::size_t>{0, 3, 4});
  sampler.set_param("sampling_strategy", 0.5);
  sampler.set_name("tomek");
  CHECK_LOOM_THROWS(sampler.fit_resample(x, y), loom::ParameterError,
                    "TomekLinks \"tomek\": sampling_strategy cannot be a ratio for a cleaning");
}

TEST_CASE("ADASYN and BorderlineSMOTE refuse what imbalanced-learn refuses, naming it",
          "[clean][resample][borderline_smote][adasyn]") {
  // Class 1 sits far from class 0: no neighbour of another class.
  const Dataset x({Column::numeric("a", {0, 1, 2, 3, 4, 5, 100, 101, 102})});
  const Column y = Column::numeric("y", {0, 0, 0, 0, 0, 0, 1, 1, 1});
  ADASYN adasyn({.n_neighbors = 2});
  adasyn.set_name("ada");
  CHECK_LOOM_THROWS(
      adasyn.fit_resample(x, y), loom::DataError,
      "ADASYN \"ada\": no neighbour of a row of class \"1\" belongs to another class");
  BorderlineSMOTE borderline({.random_state = 0, .k_neighbors = 2, .m_neighbors = 20});
  CHECK_LOOM_THROWS(borderline.fit_resample(x, y), loom::DataError,
                    "m_neighbors = 20 needs at least 21 rows, found 9");
  borderline.set_param("kind", "borderline-3");
  CHECK_LOOM_THROWS(borderline.fit_resample(x, y), loom::ParameterError,
                    "parameter kind = \"borderline-3\" must be one of \"borderline-1\"");
  // No row in danger: nothing is generated, as imblearn.
  borderline.set_param("kind", "borderline-1");
  borderline.set_param("m_neighbors", 2);
  CHECK(borderline.fit_resample(x, y).first.n_rows() == 9);
}
