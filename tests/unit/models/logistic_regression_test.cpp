#include "loom/models/linear/logistic_regression.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "fixtures.hpp"

using loom::Column;
using loom::FeatureMatrix;
using loom::models::LogisticRegression;

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

TEST_CASE("LogisticRegression reaches scikit-learn's optimum", "[models][logistic_regression]") {
  const auto fixture = loom::test::load_fixture("core/logistic_regression.json");
  for (const auto& test_case : fixture["cases"]) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      const auto& params = test_case["params"];
      LogisticRegression model;
      model.set_param("C", params["C"]);
      model.set_param("penalty", params["penalty"]);
      model.set_param("fit_intercept", params["fit_intercept"]);
      const Eigen::MatrixXd x = loom::test::to_matrix(test_case["X"]);
      const auto names = names_for(x.cols());
      const Column y = labels_from(test_case["y"]);
      model.fit(FeatureMatrix(x, names), &y);

      CHECK(as_strings(model.classes()) == as_strings(test_case["classes"]));
      // The refined optimum (gradient ~1e-13) is matched tightly, scikit-learn's own looser
      // lbfgs answer to 1e-4 as the issue asks.
      CHECK(
          loom::test::all_close(model.coef(), loom::test::to_matrix(test_case["coef_opt"]), 1e-7));
      CHECK(loom::test::all_close(model.coef(), loom::test::to_matrix(test_case["coef"]), 1e-4));
      const Eigen::VectorXd intercept_opt = Eigen::Map<const Eigen::VectorXd>(
          loom::test::to_vector(test_case["intercept_opt"]).data(), model.intercept().size());
      CHECK(loom::test::all_close(model.intercept(), intercept_opt, 1e-7));

      const Eigen::MatrixXd proba = model.predict_proba(FeatureMatrix(x, names));
      CHECK(loom::test::all_close(proba, loom::test::to_matrix(test_case["predict_proba_opt"]),
                                  1e-7));
      CHECK(as_strings(model.predict(FeatureMatrix(x, names))) == as_strings(test_case["predict"]));
      const Eigen::MatrixXd x_new = loom::test::to_matrix(test_case["X_new"]);
      CHECK(as_strings(model.predict(FeatureMatrix(x_new, names))) ==
            as_strings(test_case["predict_new"]));
      CHECK(loom::test::all_close(model.predict_proba(FeatureMatrix(x_new, names)),
                                  loom::test::to_matrix(test_case["predict_proba_new_opt"]), 1e-7));
    }
  }
}

TEST_CASE("LogisticRegression reports bad parameters and data",
          "[models][logistic_regression][errors]") {
  Eigen::MatrixXd x(4, 1);
  x << 0, 1, 2, 3;
  const Column y = Column::numeric("y", {0, 0, 1, 1});
  LogisticRegression model({.C = -1});
  model.set_name("model");
  CHECK_LOOM_THROWS(model.fit(FeatureMatrix(x, {"a"}), &y), loom::ParameterError,
                    "LogisticRegression \"model\": parameter C = -1.0 must be > 0");
  LogisticRegression penalty;
  CHECK_LOOM_THROWS(penalty.set_param("penalty", 3), loom::ParameterError, "penalty");
  CHECK_LOOM_THROWS(penalty.set_param("gamma", 3), loom::ParameterError,
                    "unknown parameter \"gamma\"");
  LogisticRegression fine;
  Eigen::MatrixXd with_nan = x;
  with_nan(2, 0) = std::nan("");
  CHECK_LOOM_THROWS(fine.fit(FeatureMatrix(with_nan, {"a"}), &y), loom::DataError, "\"a\"");
  const Column one_class = Column::numeric("y", {1, 1, 1, 1});
  CHECK_LOOM_THROWS(fine.fit(FeatureMatrix(x, {"a"}), &one_class), loom::DataError, "single class");
  CHECK_LOOM_THROWS(fine.predict(FeatureMatrix(x, {"a"})), loom::NotFittedError, "before fit");
  CHECK_LOOM_THROWS(fine.fit(FeatureMatrix(x, {"a"}), nullptr), loom::DataError, "target");
}

TEST_CASE("LogisticRegression with balanced class weights favours the rare class",
          "[models][logistic_regression]") {
  Eigen::MatrixXd x(10, 1);
  x << 0, 1, 2, 3, 4, 5, 6, 7, 8, 9;
  const Column y = Column::numeric("y", {0, 0, 0, 0, 0, 0, 0, 1, 0, 1});
  LogisticRegression plain;
  plain.fit(FeatureMatrix(x, {"a"}), &y);
  LogisticRegression balanced({.class_weight = "balanced"});
  balanced.fit(FeatureMatrix(x, {"a"}), &y);
  const auto p_plain = plain.predict_proba(FeatureMatrix(x, {"a"}))(9, 1);
  const auto p_balanced = balanced.predict_proba(FeatureMatrix(x, {"a"}))(9, 1);
  CHECK(p_balanced > p_plain);
}
