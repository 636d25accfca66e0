#include "loom/models/cluster/dbscan.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "cluster_test_support.hpp"
#include "loom/core/error.hpp"

using loom::models::DBSCAN;
using loom::test::cluster_table;

TEST_CASE("DBSCAN labels are scikit-learn's, numbering included", "[models][cluster][dbscan]") {
  const auto fixture = loom::test::load_fixture("models_cluster/dbscan.json");
  const auto& cases = fixture["cases"];
  REQUIRE(cases.size() == 6);
  for (const auto& test_case : cases) {
    const std::string name = test_case["name"].get<std::string>() +
                             " eps=" + test_case["eps"].dump() +
                             " min_samples=" + test_case["min_samples"].dump();
    DYNAMIC_SECTION(name) {
      const Eigen::MatrixXd x = loom::test::to_matrix(test_case["x"]);
      DBSCAN model({.eps = test_case["eps"].get<double>(),
                    .min_samples = test_case["min_samples"].get<int>()});
      const std::vector<int> labels = model.fit_predict(cluster_table(x));
      CHECK(labels == loom::test::to_ints(test_case["labels"]));
      std::vector<int> core;
      for (const auto index : model.core_sample_indices())
        core.push_back(static_cast<int>(index));
      CHECK(core == loom::test::to_ints(test_case["core_sample_indices"]));
    }
  }
}

TEST_CASE("DBSCAN counts a row in its own neighbourhood and eps inclusively",
          "[models][cluster][dbscan]") {
  Eigen::MatrixXd x(6, 1);
  x << 0.0, 1.0, 2.0, 10.0, 11.0, 30.0;
  // eps = 1 reaches the next row exactly: rows 0-2 and 3-4 form clusters, 5 is noise.
  DBSCAN model({.eps = 1.0, .min_samples = 2});
  CHECK(model.fit_predict(cluster_table(x)) == std::vector<int>{0, 0, 0, 1, 1, -1});
  // min_samples = 3: only row 1 has three rows within eps; rows 0 and 2 are its border.
  DBSCAN strict({.eps = 1.0, .min_samples = 3});
  CHECK(strict.fit_predict(cluster_table(x)) == std::vector<int>{0, 0, 0, -1, -1, -1});
  CHECK(strict.core_sample_indices() == std::vector<Eigen::Index>{1});
  // min_samples = 1: every row is core, noise disappears.
  DBSCAN every({.eps = 1.0, .min_samples = 1});
  CHECK(every.fit_predict(cluster_table(x)) == std::vector<int>{0, 0, 0, 1, 1, 2});
}

TEST_CASE("DBSCAN round-trips its state and refuses predict and bad input",
          "[models][cluster][dbscan]") {
  Eigen::MatrixXd x(4, 2);
  x << 0, 0, 0, 1, 5, 5, 5, 6;
  DBSCAN model({.eps = 1.5, .min_samples = 2});
  model.set_name("db");
  CHECK_LOOM_THROWS(model.labels(), loom::NotFittedError, "labels");
  model.fit(cluster_table(x), nullptr);
  DBSCAN loaded;
  loaded.load_fitted_state(nlohmann::json::parse(model.fitted_state().dump()));
  CHECK(loaded.labels() == model.labels());
  CHECK(loaded.core_sample_indices() == model.core_sample_indices());
  auto corrupt = model.fitted_state();
  corrupt["labels"][0] = -2;
  CHECK_LOOM_THROWS(loaded.load_fitted_state(corrupt), loom::ParseError, "labels");
  CHECK_LOOM_THROWS(model.predict(cluster_table(x)), loom::Error, "no predict");
  for (const auto& [name, value] : std::vector<std::pair<std::string, nlohmann::json>>{
           {"eps", 0.0}, {"min_samples", 0}, {"metric", "cosine"}, {"n_jobs", 0}}) {
    DBSCAN bad;
    bad.set_name("db");
    bad.set_param(name, value);
    CHECK_LOOM_THROWS(bad.fit(cluster_table(x), nullptr), loom::ParameterError,
                      "DBSCAN \"db\": parameter " + name);
  }
  x(1, 0) = std::nan("");
  CHECK_LOOM_THROWS(model.fit(cluster_table(x), nullptr), loom::DataError, "x0");
}
