#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>

#include "check_throws.hpp"
#include "loom/models/tree/decision_tree_classifier.hpp"
#include "loom/models/tree/decision_tree_regressor.hpp"
#include "tree_test_support.hpp"

using loom::Column;
using loom::FeatureMatrix;
using loom::models::DecisionTreeClassifier;
using loom::models::DecisionTreeRegressor;
namespace test = loom::test;

TEST_CASE("DecisionTreeClassifier scores within 1 point of scikit-learn on real data",
          "[models][tree][decision_tree]") {
  for (const char* name : {"breast_cancer", "wine", "iris"}) {
    DYNAMIC_SECTION(name) {
      const auto& test_case = test::tree_case(name);
      const auto split = test::split_case(test_case);
      const auto& scores = test_case["scores"];
      for (const char* criterion : {"gini", "entropy"}) {
        const double score = test::mean_score(split, true, [&](int seed) {
          return DecisionTreeClassifier({.criterion = criterion, .random_state = seed});
        });
        CHECK(score >= scores[std::string("tree_") + criterion].get<double>() - 0.01);
      }
      const double shallow = test::mean_score(split, true, [](int seed) {
        return DecisionTreeClassifier({.max_depth = 3, .random_state = seed});
      });
      CHECK(shallow >= scores["tree_depth3"].get<double>() - 0.01);
    }
  }
}

TEST_CASE("DecisionTreeRegressor scores within 1 point of scikit-learn on diabetes",
          "[models][tree][decision_tree]") {
  const auto& test_case = test::tree_case("diabetes");
  const auto split = test::split_case(test_case);
  const double shallow = test::mean_score(split, false, [](int seed) {
    return DecisionTreeRegressor({.max_depth = 4, .random_state = seed});
  });
  CHECK(shallow >= test_case["scores"]["tree_depth4"].get<double>() - 0.01);
}

TEST_CASE("DecisionTreeClassifier grows scikit-learn's tree where no two splits tie",
          "[models][tree][decision_tree]") {
  const auto& test_case = test::tree_case("exact");
  const Eigen::MatrixXd x = test::to_matrix(test_case["X"]);
  const auto names = test::feature_names(x.cols());
  const Column y = Column::numeric("y", test::to_vector(test_case["y"]));
  const FeatureMatrix x_new(test::to_matrix(test_case["X_new"]), names);

  DecisionTreeClassifier full({.random_state = 0});
  full.fit(FeatureMatrix(x, names), &y);
  CHECK(full.tree().node_count() == test_case["node_count"].get<std::size_t>());
  CHECK(full.get_depth() == test_case["depth"].get<int>());
  const Column fitted = full.predict(FeatureMatrix(x, names));
  CHECK(test::accuracy(fitted, y) == 1.0);

  DecisionTreeClassifier shallow({.max_depth = 4, .random_state = 0});
  shallow.fit(FeatureMatrix(x, names), &y);
  std::vector<double> ours = shallow.tree().threshold;
  std::vector<double> theirs = test::to_vector(test_case["threshold_depth4"]);
  std::sort(ours.begin(), ours.end());
  std::sort(theirs.begin(), theirs.end());
  CHECK(ours == theirs);
  const auto importances = test::to_vector(test_case["importances_depth4"]);
  for (std::size_t j = 0; j < importances.size(); ++j)
    CHECK(shallow.feature_importances()[j] == Approx(importances[j]).margin(1e-12));
  CHECK(test::all_close(shallow.predict_proba(x_new),
                        test::to_matrix(test_case["proba_new_depth4"]), 1e-12));

  DecisionTreeClassifier entropy({.criterion = "entropy", .max_depth = 4, .random_state = 0});
  entropy.fit(FeatureMatrix(x, names), &y);
  CHECK(test::all_close(entropy.predict_proba(x_new),
                        test::to_matrix(test_case["proba_new_entropy4"]), 1e-12));
}

TEST_CASE("DecisionTreeRegressor grows scikit-learn's tree on continuous data",
          "[models][tree][decision_tree]") {
  const auto& test_case = test::tree_case("exact");
  const Eigen::MatrixXd x = test::to_matrix(test_case["X_reg"]);
  const auto names = test::feature_names(x.cols());
  const Column y = Column::numeric("y", test::to_vector(test_case["y_reg"]));
  DecisionTreeRegressor model({.random_state = 0});
  model.fit(FeatureMatrix(x, names), &y);
  CHECK(model.tree().node_count() == test_case["reg_node_count"].get<std::size_t>());
  // Fully grown: every training row is its own leaf's mean (rows are distinct).
  const Column fitted = model.predict(FeatureMatrix(x, names));
  const auto values = y.numeric_values();
  for (std::size_t i = 0; i < values.size(); ++i)
    CHECK(fitted.numeric_values()[i] == Approx(values[i]).epsilon(1e-12));

  DecisionTreeRegressor shallow({.max_depth = 3, .random_state = 0});
  shallow.fit(FeatureMatrix(x, names), &y);
  CHECK(shallow.get_depth() == 3);
  CHECK(shallow.get_n_leaves() == 8);
  const Column prediction3 = shallow.predict(FeatureMatrix(x, names));
  const auto depth3 = prediction3.numeric_values();
  const auto expected3 = test::to_vector(test_case["predict_reg_depth3"]);
  for (std::size_t i = 0; i < expected3.size(); ++i)
    CHECK(depth3[i] == Approx(expected3[i]).epsilon(1e-12));
  const auto importances = test::to_vector(test_case["reg_depth3_importances"]);
  for (std::size_t j = 0; j < importances.size(); ++j)
    CHECK(shallow.feature_importances()[j] == Approx(importances[j]).margin(1e-10));
}

TEST_CASE("DecisionTreeClassifier round-trips through its fitted state",
          "[models][tree][decision_tree]") {
  const auto split = test::split_case(test::tree_case("wine"));
  DecisionTreeClassifier model({.max_features = "sqrt", .random_state = 3});
  model.fit(split.x_train, &split.y_train);
  DecisionTreeClassifier loaded;
  loaded.load_fitted_state(nlohmann::json::parse(model.fitted_state().dump()));
  CHECK(loaded.predict_proba(split.x_test) == model.predict_proba(split.x_test));
  CHECK(loaded.feature_importances() == model.feature_importances());
  CHECK(std::accumulate(model.feature_importances().begin(), model.feature_importances().end(),
                        0.0) == Approx(1.0));
  // The same seed grows the same tree.
  DecisionTreeClassifier again({.max_features = "sqrt", .random_state = 3});
  again.fit(split.x_train, &split.y_train);
  CHECK(again.tree().threshold == model.tree().threshold);

  nlohmann::json broken = model.fitted_state();
  broken["tree"]["children_left"][0] = 0;  // a cycle
  CHECK_LOOM_THROWS(loaded.load_fitted_state(broken), loom::ParseError, "children out of range");
  broken = model.fitted_state();
  broken["tree"]["feature"][0] = 99;
  CHECK_LOOM_THROWS(loaded.load_fitted_state(broken), loom::ParseError, "feature 99");
}

TEST_CASE("DecisionTreeClassifier class_weight balanced gives each class the same root weight",
          "[models][tree][decision_tree]") {
  Eigen::MatrixXd x(8, 1);
  x << 0, 1, 2, 3, 4, 5, 6, 7;
  const Column y = Column::numeric("y", {0, 0, 0, 0, 0, 0, 1, 1});
  DecisionTreeClassifier model({.max_depth = 1, .class_weight = "balanced"});
  model.fit(FeatureMatrix(x, {"a"}), &y);
  CHECK(model.tree().node_value(0)[0] == Approx(4.0));
  CHECK(model.tree().node_value(0)[1] == Approx(4.0));
  CHECK(model.tree().threshold[0] == 5.5);
}

TEST_CASE("Decision trees reject bad input with messages naming the culprit",
          "[models][tree][decision_tree]") {
  Eigen::MatrixXd x(4, 2);
  x << 1, 2, 3, 4, 5, 6, 7, 8;
  const Column y = Column::numeric("y", {0, 1, 0, 1});
  SECTION("parameters") {
    DecisionTreeClassifier model({.criterion = "mse"});
    CHECK_LOOM_THROWS(model.fit(FeatureMatrix(x, {"a", "b"}), &y), loom::ParameterError,
                      "criterion");
    DecisionTreeClassifier shallow({.max_depth = 0});
    CHECK_LOOM_THROWS(shallow.fit(FeatureMatrix(x, {"a", "b"}), &y), loom::ParameterError,
                      "max_depth = 0");
    DecisionTreeRegressor features({.max_features = 1.5});
    CHECK_LOOM_THROWS(features.fit(FeatureMatrix(x, {"a", "b"}), &y), loom::ParameterError,
                      "max_features = 1.5");
    DecisionTreeRegressor leaf({.min_samples_leaf = 0});
    CHECK_LOOM_THROWS(leaf.fit(FeatureMatrix(x, {"a", "b"}), &y), loom::ParameterError,
                      "min_samples_leaf = 0");
  }
  SECTION("data") {
    Eigen::MatrixXd holes = x;
    holes(2, 1) = std::nan("");
    DecisionTreeClassifier model;
    CHECK_LOOM_THROWS(model.fit(FeatureMatrix(holes, {"a", "b"}), &y), loom::DataError,
                      "column \"b\" has a missing value");
    const Column one = Column::numeric("y", {1, 1, 1, 1});
    CHECK_LOOM_THROWS(model.fit(FeatureMatrix(x, {"a", "b"}), &one), loom::DataError,
                      "single class");
    CHECK_LOOM_THROWS(model.predict(FeatureMatrix(x, {"a", "b"})), loom::NotFittedError,
                      "DecisionTreeClassifier");
    model.fit(FeatureMatrix(x, {"a", "b"}), &y);
    CHECK_LOOM_THROWS(model.predict(FeatureMatrix(x, {"a", "c"})), loom::SchemaError, "\"b\"");
    const loom::Dataset text(
        {Column::categorical_from_values("colour", {"red", "blue", "red", "blue"})});
    DecisionTreeRegressor regressor;
    CHECK_LOOM_THROWS(regressor.fit(text, &y), loom::DataError, "\"colour\" is categorical");
    const Column labels = Column::categorical_from_values("label", {"a", "b", "a", "b"});
    CHECK_LOOM_THROWS(regressor.fit(FeatureMatrix(x, {"a", "b"}), &labels), loom::DataError,
                      "numeric target");
  }
}
