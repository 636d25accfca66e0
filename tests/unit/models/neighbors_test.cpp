// KNeighborsClassifier and KNeighborsRegressor against scikit-learn 1.2: identical
// predictions (tests/reference/make_models_neighbors.py).
#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "loom/core/registry.hpp"
#include "loom/models/neighbors/kneighbors_classifier.hpp"
#include "loom/models/neighbors/kneighbors_regressor.hpp"

using loom::Column;
using loom::FeatureMatrix;

namespace {
std::vector<std::string> names_for(Eigen::Index n) {
  std::vector<std::string> names;
  for (Eigen::Index j = 0; j < n; ++j)
    names.push_back("x" + std::to_string(j));
  return names;
}

Column labels_from(const nlohmann::json& values) {
  if (values[0].is_string()) {
    std::vector<std::optional<std::string>> strings;
    for (const auto& value : values)
      strings.emplace_back(value.get<std::string>());
    return Column::categorical_from_values("y", strings);
  }
  return Column::numeric("y", loom::test::to_vector(values));
}

std::vector<std::string> as_strings(const Column& column) {
  std::vector<std::string> result;
  for (std::size_t i = 0; i < column.size(); ++i)
    result.push_back(column.value_string(i));
  return result;
}

std::vector<std::string> as_strings(const nlohmann::json& values) {
  std::vector<std::string> result;
  for (const auto& value : values) {
    result.push_back(value.is_string() ? value.get<std::string>()
                                       : loom::format_number(value.get<double>()));
  }
  return result;
}
}  // namespace

TEST_CASE("k-neighbours models predict as scikit-learn's", "[models][neighbors]") {
  const auto fixture = loom::test::load_fixture("models/neighbors.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      const auto& data = fixture["datasets"][test_case["data"].get<std::string>()];
      const std::string type = test_case["type"];
      auto step = loom::Registry::global().create(type, test_case["params"], "knn");
      auto& model = dynamic_cast<loom::Predictor&>(*step);
      const Eigen::MatrixXd x = loom::test::to_matrix(data["X"]);
      const auto names = names_for(x.cols());
      const Eigen::MatrixXd x_new = loom::test::to_matrix(data["X_new"]);
      const bool classifier = type == "KNeighborsClassifier";
      const Column y = classifier
                           ? labels_from(data["y"])
                           : Column::numeric("target", loom::test::to_vector(data["target"]));
      model.fit(FeatureMatrix(x, names), &y);
      CHECK(model.is_classifier() == classifier);
      const Column predicted = model.predict(FeatureMatrix(x_new, names));
      if (classifier) {
        CHECK(as_strings(model.classes()) == as_strings(test_case["classes"]));
        CHECK(as_strings(predicted) == as_strings(test_case["predict_new"]));
        CHECK(loom::test::all_close(model.predict_proba(FeatureMatrix(x_new, names)),
                                    loom::test::to_matrix(test_case["predict_proba_new"]), 1e-12));
      } else {
        const auto expected = loom::test::to_vector(test_case["predict_new"]);
        for (std::size_t i = 0; i < expected.size(); ++i)
          CHECK(loom::test::close(predicted.numeric_values()[i], expected[i], 1e-12));
      }
      auto restored = loom::Registry::global().create(type, test_case["params"], "knn");
      restored->load_fitted_state(model.fitted_state());
      CHECK(as_strings(dynamic_cast<loom::Predictor&>(*restored).predict(
                FeatureMatrix(x_new, names))) == as_strings(predicted));
    }
  }
}

TEST_CASE("k-neighbours models report bad parameters and data", "[models][neighbors][errors]") {
  Eigen::MatrixXd x(4, 2);
  x << 0, 1, 1, 0, 2, 2, 3, 1;
  const Column y = Column::numeric("y", {0, 0, 1, 1});
  loom::models::KNeighborsClassifier too_many;  // n_neighbors 5 > 4 rows
  too_many.set_name("knn");
  CHECK_LOOM_THROWS(too_many.fit(FeatureMatrix(x, {"a", "b"}), &y), loom::DataError,
                    "KNeighborsClassifier \"knn\": n_neighbors = 5 but only 4 training rows");
  loom::models::KNeighborsClassifier manhattan({.n_neighbors = 1, .p = 1});
  CHECK_LOOM_THROWS(manhattan.fit(FeatureMatrix(x, {"a", "b"}), &y), loom::ParameterError, "p = 1");
  loom::models::KNeighborsRegressor weights;
  weights.set_param("weights", "gaussian");  // parameters are checked at fit
  CHECK_LOOM_THROWS(weights.fit(FeatureMatrix(x, {"a", "b"}), &y), loom::ParameterError,
                    "weights = \"gaussian\" must be one of");
  loom::models::KNeighborsRegressor regressor({.n_neighbors = 2});
  Eigen::MatrixXd with_nan = x;
  with_nan(1, 1) = std::nan("");
  CHECK_LOOM_THROWS(regressor.fit(FeatureMatrix(with_nan, {"a", "b"}), &y), loom::DataError,
                    "column \"b\"");
  CHECK_LOOM_THROWS(regressor.predict(FeatureMatrix(x, {"a", "b"})), loom::NotFittedError,
                    "before fit");
  regressor.fit(FeatureMatrix(x, {"a", "b"}), &y);
  CHECK(regressor.score(FeatureMatrix(x, {"a", "b"}), y) > 0.0);
  CHECK_LOOM_THROWS(regressor.predict(FeatureMatrix(with_nan, {"a", "b"})), loom::DataError,
                    "column \"b\"");
  const Column labels = Column::categorical_from_values("kind", {"a", "b", "a", "b"});
  CHECK_LOOM_THROWS(regressor.fit(FeatureMatrix(x, {"a", "b"}), &labels), loom::DataError,
                    "numeric target");
}
