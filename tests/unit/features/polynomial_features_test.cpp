#include "loom/features/polynomial_features.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "encoding_fixtures.hpp"
#include "loom/core/registry.hpp"

using loom::FeatureMatrix;
using loom::features::PolynomialFeatures;

TEST_CASE("PolynomialFeatures matches scikit-learn's values and names", "[features][polynomial]") {
  const auto fixture = loom::test::load_fixture("features_encoding/polynomial_features.json");
  const auto& cases = fixture["cases"];
  const std::vector<std::string> names{"age", "bmi", "bp"};
  for (const auto& test_case : cases) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      auto step = loom::make_step(
          {{"name", "poly"}, {"type", "PolynomialFeatures"}, {"params", test_case["params"]}});
      auto& poly = dynamic_cast<PolynomialFeatures&>(*step);
      const Eigen::MatrixXd x = loom::test::to_matrix(test_case["X"]);
      const loom::Table output = poly.fit_transform(FeatureMatrix(x, names), nullptr);
      CHECK(output.column_names() == loom::test::to_strings(test_case["feature_names_out"]));
      CHECK(loom::test::all_close(output.matrix().dense(),
                                  loom::test::to_matrix(test_case["transformed"]), 1e-12));
      const Eigen::MatrixXd x_new = loom::test::to_matrix(test_case["X_new"]);
      CHECK(loom::test::all_close(poly.transform(FeatureMatrix(x_new, names)).matrix().dense(),
                                  loom::test::to_matrix(test_case["transformed_new"]), 1e-12));
      PolynomialFeatures restored(poly.params());
      restored.load_fitted_state(poly.fitted_state());
      CHECK(restored.feature_names_out() == poly.feature_names_out());
      const Eigen::MatrixXd sparse_output =
          poly.transform(FeatureMatrix(loom::SparseMatrix(x.sparseView()), names))
              .matrix()
              .to_dense();
      CHECK(loom::test::all_close(sparse_output, loom::test::to_matrix(test_case["transformed"]),
                                  1e-12));
    }
  }
}

TEST_CASE("PolynomialFeatures names the problem in bad input", "[features][polynomial][errors]") {
  Eigen::MatrixXd x(2, 2);
  x << 1, 2, 3, std::nan("");
  PolynomialFeatures poly;
  poly.set_name("poly");
  CHECK_LOOM_THROWS(poly.fit(FeatureMatrix(x, {"p", "q"})), loom::DataError,
                    "column \"q\" has a missing value (NaN) at row 1");
  PolynomialFeatures negative({.degree = -1});
  CHECK_LOOM_THROWS(negative.fit(FeatureMatrix(Eigen::MatrixXd::Ones(2, 1), {"p"})),
                    loom::ParameterError, "degree");
  PolynomialFeatures reversed({.degree = {3, 2}});
  CHECK_LOOM_THROWS(reversed.fit(FeatureMatrix(Eigen::MatrixXd::Ones(2, 1), {"p"})),
                    loom::ParameterError, "degree");
  PolynomialFeatures empty({.degree = 0, .include_bias = false});
  CHECK_LOOM_THROWS(empty.fit(FeatureMatrix(Eigen::MatrixXd::Ones(2, 1), {"p"})),
                    loom::ParameterError, "no output features");
  CHECK_LOOM_THROWS(poly.fit(loom::Dataset({loom::Column::categorical_from_values("city", {"a"})})),
                    loom::DataError, "\"city\"");
}
