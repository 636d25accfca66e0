#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>

#include "check_throws.hpp"
#include "loom/models/ensemble/random_forest_classifier.hpp"
#include "loom/models/ensemble/random_forest_regressor.hpp"
#include "tree_test_support.hpp"

using loom::Column;
using loom::FeatureMatrix;
using loom::models::RandomForestClassifier;
using loom::models::RandomForestRegressor;
namespace test = loom::test;

TEST_CASE("RandomForestClassifier scores within 1 point of scikit-learn on real data",
          "[models][forest][random_forest]") {
  for (const char* name : {"breast_cancer", "wine", "iris"}) {
    DYNAMIC_SECTION(name) {
      const auto& test_case = test::tree_case(name);
      const auto split = test::split_case(test_case);
      const double score = test::mean_score(
          split, true, [](int seed) { return RandomForestClassifier({.random_state = seed}); });
      CHECK(score >= test_case["scores"]["forest"].get<double>() - 0.01);
    }
  }
}

TEST_CASE("RandomForestRegressor scores within 1 point of scikit-learn on diabetes",
          "[models][forest][random_forest]") {
  const auto& test_case = test::tree_case("diabetes");
  const auto split = test::split_case(test_case);
  const double score = test::mean_score(
      split, false, [](int seed) { return RandomForestRegressor({.random_state = seed}); });
  CHECK(score == Approx(test_case["scores"]["forest"].get<double>()).margin(0.01));
}

TEST_CASE("RandomForestClassifier is reproducible whatever the thread count and round-trips",
          "[models][forest][random_forest]") {
  const auto split = test::split_case(test::tree_case("wine"));
  RandomForestClassifier one(
      {.n_estimators = 20, .oob_score = true, .n_jobs = 1, .random_state = 7});
  RandomForestClassifier many(
      {.n_estimators = 20, .oob_score = true, .n_jobs = 3, .random_state = 7});
  std::vector<std::size_t> reports;
  many.set_progress([&](const loom::ProgressEvent& event) { reports.push_back(event.done); });
  one.fit(split.x_train, &split.y_train);
  many.fit(split.x_train, &split.y_train);
  CHECK(reports.size() == 20);
  CHECK(reports.back() == 20);
  CHECK(one.predict_proba(split.x_test) == many.predict_proba(split.x_test));
  CHECK(one.oob_score() == many.oob_score());
  CHECK(one.oob_score() > 0.85);
  CHECK(one.oob_score() <= 1.0);
  const auto& importances = one.feature_importances();
  CHECK(std::accumulate(importances.begin(), importances.end(), 0.0) == Approx(1.0));

  RandomForestClassifier loaded;
  loaded.load_fitted_state(nlohmann::json::parse(one.fitted_state().dump()));
  CHECK(loaded.predict_proba(split.x_test) == one.predict_proba(split.x_test));
  CHECK(loaded.feature_importances() == one.feature_importances());
  CHECK(loaded.oob_score() == one.oob_score());

  // Without bootstrap and with every feature, each tree sees the same data: the forest's
  // probabilities are those of one fully grown tree up to feature-order ties.
  RandomForestClassifier whole(
      {.n_estimators = 3, .max_features = nullptr, .bootstrap = false, .random_state = 1});
  whole.fit(split.x_train, &split.y_train);
  CHECK(test::accuracy(whole.predict(split.x_train), split.y_train) == 1.0);
}

TEST_CASE("RandomForest parameters and data are checked", "[models][forest][random_forest]") {
  Eigen::MatrixXd x(4, 2);
  x << 1, 2, 3, 4, 5, 6, 7, 8;
  const Column y = Column::numeric("y", {0, 1, 0, 1});
  const FeatureMatrix features(x, {"a", "b"});
  RandomForestClassifier zero({.n_estimators = 0});
  CHECK_LOOM_THROWS(zero.fit(features, &y), loom::ParameterError, "n_estimators = 0");
  RandomForestClassifier oob({.bootstrap = false, .oob_score = true});
  CHECK_LOOM_THROWS(oob.fit(features, &y), loom::ParameterError, "oob_score");
  RandomForestClassifier jobs({.n_jobs = 0});
  CHECK_LOOM_THROWS(jobs.fit(features, &y), loom::ParameterError, "n_jobs = 0");
  RandomForestRegressor samples({.max_samples = 2.0});
  CHECK_LOOM_THROWS(samples.fit(features, &y), loom::ParameterError, "max_samples = 2.0");
  RandomForestClassifier weights({.class_weight = "equal"});
  CHECK_LOOM_THROWS(weights.fit(features, &y), loom::ParameterError, "class_weight");
  Eigen::MatrixXd holes = x;
  holes(0, 0) = std::nan("");
  RandomForestRegressor regressor;
  CHECK_LOOM_THROWS(regressor.fit(FeatureMatrix(holes, {"a", "b"}), &y), loom::DataError,
                    "column \"a\" has a missing value");
  CHECK_LOOM_THROWS(regressor.predict(features), loom::NotFittedError, "RandomForestRegressor");
  nlohmann::json broken = {{"feature_names_in", {"a", "b"}},
                           {"estimators", nlohmann::json::array()}};
  CHECK_LOOM_THROWS(regressor.load_fitted_state(broken), loom::ParseError, "non-empty");
}
