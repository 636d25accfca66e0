// KNNImputer, IterativeImputer, MissingIndicator and SimpleImputer on categorical columns
// against scikit-learn 1.2 (tests/reference/make_clean_outliers.py, imputers.json).
#include <catch2/catch.hpp>
#include <cmath>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "loom/clean/iterative_imputer.hpp"
#include "loom/clean/knn_imputer.hpp"
#include "loom/clean/missing_indicator.hpp"
#include "loom/clean/simple_imputer.hpp"
#include "loom/core/registry.hpp"
#include "loom/pipeline/pipeline.hpp"
#include "loom/pipeline/serialization.hpp"

using loom::Column;
using loom::Dataset;
using loom::Json;

namespace {

const std::vector<std::string> kNames = {"a", "b", "c", "d"};

Dataset numeric_dataset(const Eigen::MatrixXd& x) {
  std::vector<Column> columns;
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    columns.push_back(Column::numeric(kNames[static_cast<std::size_t>(j)],
                                      std::vector<double>(x.col(j).begin(), x.col(j).end())));
  }
  return Dataset(std::move(columns));
}

std::vector<Json> cases_of(const std::string& type) {
  static const Json fixture = loom::test::load_fixture("clean_outliers/imputers.json");
  std::vector<Json> found;
  for (const auto& test_case : fixture["cases"]) {
    if (test_case["type"] == type) found.push_back(test_case);
  }
  REQUIRE(!found.empty());
  return found;
}

// Fits a step of the case's type and params (through the registry, as a spec would) and checks
// fit_transform, transform of new rows, and the same after a save / load round trip.
void check_numeric_case(const Json& test_case, double tolerance) {
  const Dataset x = numeric_dataset(loom::test::to_matrix(test_case["X"]));
  const Dataset x_new = numeric_dataset(loom::test::to_matrix(test_case["X_new"]));
  loom::pipeline::Pipeline pipeline;
  pipeline.add("imputer", loom::Registry::global().create(test_case["type"].get<std::string>(),
                                                          test_case["params"], "imputer"));
  const auto transformed = pipeline.fit_transform(x, nullptr);
  CHECK(loom::test::all_close(transformed.to_dense("test"),
                              loom::test::to_matrix(test_case["transformed"]), tolerance));
  CHECK(loom::test::all_close(pipeline.transform_features(x_new).to_dense("test"),
                              loom::test::to_matrix(test_case["transformed_new"]), tolerance));
  if (test_case.contains("feature_names_out") &&
      !test_case["params"].contains("keep_empty_features")) {
    CHECK(transformed.column_names() ==
          test_case["feature_names_out"].get<std::vector<std::string>>());
  }
  const auto loaded =
      loom::pipeline::from_document(loom::pipeline::to_document(pipeline), "memory");
  CHECK(loaded.transform_features(x_new).to_dense("test") ==
        pipeline.transform_features(x_new).to_dense("test"));
}

}  // namespace

TEST_CASE("KNNImputer matches scikit-learn (uniform and distance weights, empty columns)",
          "[clean][knn_imputer]") {
  for (const auto& test_case : cases_of("KNNImputer")) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      check_numeric_case(test_case, 1e-12);
    }
  }
}

TEST_CASE("MissingIndicator matches scikit-learn (missing-only and all)",
          "[clean][missing_indicator]") {
  for (const auto& test_case : cases_of("MissingIndicator")) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      check_numeric_case(test_case, 0.0);
      loom::clean::MissingIndicator indicator;
      indicator.set_params(test_case["params"]);
      indicator.fit(numeric_dataset(loom::test::to_matrix(test_case["X"])));
      CHECK(indicator.features() == test_case["features"].get<std::vector<std::size_t>>());
    }
  }
}

TEST_CASE("IterativeImputer matches scikit-learn with BayesianRidge and Ridge",
          "[clean][iterative_imputer]") {
  for (const auto& test_case : cases_of("IterativeImputer")) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      check_numeric_case(test_case, 1e-6);
      loom::clean::IterativeImputer imputer;
      imputer.set_params(test_case["params"]);
      imputer.fit(numeric_dataset(loom::test::to_matrix(test_case["X"])));
      CHECK(imputer.n_iter() == test_case["n_iter"].get<int>());
    }
  }
}

TEST_CASE("SimpleImputer fills categorical columns as scikit-learn, with indicators",
          "[clean][simple_imputer]") {
  for (const auto& test_case : cases_of("SimpleImputer")) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      auto to_dataset = [](const Json& rows) {
        std::vector<Column> columns;
        for (std::size_t j = 0; j < 2; ++j) {
          std::vector<std::optional<std::string>> values;
          for (const auto& row : rows) {
            values.push_back(row[j].is_null()
                                 ? std::nullopt
                                 : std::optional<std::string>(row[j].get<std::string>()));
          }
          columns.push_back(Column::categorical_from_values(j == 0 ? "city" : "size", values));
        }
        return Dataset(std::move(columns));
      };
      loom::clean::SimpleImputer imputer;
      imputer.set_params(test_case["params"]);
      const auto transformed = imputer.fit_transform(to_dataset(test_case["X"]), nullptr);
      CHECK(imputer.feature_names_out() ==
            test_case["feature_names_out"].get<std::vector<std::string>>());
      CHECK(Json(imputer.statistics()) == test_case["statistics"]);
      auto check = [](const Dataset& actual, const Json& expected) {
        for (std::size_t i = 0; i < expected.size(); ++i) {
          for (std::size_t j = 0; j < expected[i].size(); ++j) {
            const Column& column = actual.column(j);
            if (expected[i][j].is_string()) {
              CHECK(column.value_string(i) == expected[i][j].get<std::string>());
            } else {
              CHECK(column.numeric_values()[i] == expected[i][j].get<double>());
            }
          }
        }
      };
      check(transformed.dataset(), test_case["transformed"]);
      check(imputer.transform(to_dataset(test_case["X_new"])).dataset(),
            test_case["transformed_new"]);
    }
  }
}

TEST_CASE("IterativeImputer predicts a missing height from age and weight",
          "[clean][iterative_imputer]") {
  // height = 100 + 5 age + 0.5 weight exactly: a linear regressor recovers it.
  std::vector<double> age, weight, height;
  for (int i = 0; i < 30; ++i) {
    age.push_back(5 + i % 13);
    weight.push_back(20 + (i * 7) % 31);
    height.push_back(i % 5 == 0 ? NAN : 100 + 5 * age.back() + 0.5 * weight.back());
  }
  const Dataset data({Column::numeric("age", age), Column::numeric("weight", weight),
                      Column::numeric("height", height)});
  loom::clean::IterativeImputer imputer(
      {.estimator = {{"type", "Ridge"}, {"params", {{"alpha", 1e-9}}}}});
  const Eigen::MatrixXd out = imputer.fit_transform(data, nullptr).to_dense("test");
  for (int i = 0; i < 30; i += 5)
    CHECK(out(i, 2) == Approx(100 + 5 * age[static_cast<std::size_t>(i)] +
                              0.5 * weight[static_cast<std::size_t>(i)])
                           .epsilon(1e-6));
}

TEST_CASE("The imputers name the culprit of bad parameters and input",
          "[clean][imputers][errors]") {
  const Dataset mixed({Column::numeric("age", {1, NAN, 3}),
                       Column::categorical_from_values("city", {"a", "b", std::nullopt})});
  loom::clean::KNNImputer knn;
  knn.set_name("knn");
  CHECK_LOOM_THROWS(knn.fit(mixed), loom::DataError, "\"city\"");
  loom::clean::KNNImputer weights({.weights = "gaussian"});
  CHECK_LOOM_THROWS(weights.fit(mixed.drop({"city"})), loom::ParameterError, "weights");
  loom::clean::KNNImputer zero({.n_neighbors = 0});
  CHECK_LOOM_THROWS(zero.fit(mixed.drop({"city"})), loom::ParameterError, "n_neighbors = 0");

  loom::clean::IterativeImputer iterative;
  iterative.set_name("iterative");
  CHECK_LOOM_THROWS(iterative.fit(mixed), loom::DataError, "\"city\"");
  loom::clean::IterativeImputer lasso({.estimator = {{"type", "Lasso"}}});
  CHECK_LOOM_THROWS(lasso.fit(mixed.drop({"city"})), loom::ParameterError,
                    "parameter estimator = {\"type\":\"Lasso\"} must be null or {\"type\": "
                    "\"BayesianRidge\" | \"Ridge\"");
  loom::clean::IterativeImputer ridge_typo(
      {.estimator = {{"type", "Ridge"}, {"params", {{"alpah", 1.0}}}}});
  CHECK_LOOM_THROWS(
      ridge_typo.fit(mixed.drop({"city"})), loom::ParameterError,
      "has unknown Ridge parameter \"alpah\" (parameters: alpha, copy_X, fit_intercept)");
  loom::clean::IterativeImputer negative(
      {.estimator = {{"type", "Ridge"}, {"params", {{"alpha", -1.0}}}}});
  CHECK_LOOM_THROWS(negative.fit(mixed.drop({"city"})), loom::ParameterError,
                    "Ridge parameter alpha = -1.0, expected a number >= 0");
  loom::clean::IterativeImputer bounds({.min_value = 5.0, .max_value = 1.0});
  CHECK_LOOM_THROWS(bounds.fit(mixed.drop({"city"})), loom::ParameterError,
                    "min_value = 5 must be <= max_value = 1");

  loom::clean::MissingIndicator indicator;
  indicator.set_name("flags");
  indicator.fit(Dataset({Column::numeric("age", {1, NAN}), Column::numeric("height", {1, 2})}));
  CHECK_LOOM_THROWS(indicator.transform(Dataset(
                        {Column::numeric("age", {1, 2}), Column::numeric("height", {NAN, 2})})),
                    loom::DataError,
                    "MissingIndicator \"flags\": columns \"height\" have missing values at "
                    "transform but had none "
                    "at fit");
  loom::clean::MissingIndicator bad({.features = "some"});
  CHECK_LOOM_THROWS(bad.fit(mixed), loom::ParameterError, "features");
  loom::clean::KNNImputer unfitted;
  CHECK_LOOM_THROWS(unfitted.transform(mixed), loom::NotFittedError, "KNNImputer");
}
