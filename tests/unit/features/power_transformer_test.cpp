#include "loom/features/power_transformer.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "loom/core/registry.hpp"

using loom::FeatureMatrix;
using loom::features::PowerTransformer;

TEST_CASE("PowerTransformer matches scikit-learn's lambdas and values", "[features][power]") {
  const auto fixture = loom::test::load_fixture("features_encoding/power_transformer.json");
  const auto& cases = fixture["cases"];
  const std::vector<std::string> names{"a", "b", "c", "d"};
  for (const auto& test_case : cases) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      auto step = loom::make_step(
          {{"name", "power"}, {"type", "PowerTransformer"}, {"params", test_case["params"]}});
      auto& power = dynamic_cast<PowerTransformer&>(*step);
      const Eigen::MatrixXd x = loom::test::to_matrix(test_case["X"]);
      const loom::Table output = power.fit_transform(FeatureMatrix(x, names), nullptr);
      const auto lambdas = loom::test::to_vector(test_case["lambdas"]);
      for (std::size_t j = 0; j < lambdas.size(); ++j)
        CHECK(loom::test::close(power.lambdas()(static_cast<Eigen::Index>(j)), lambdas[j], 1e-9));
      CHECK(loom::test::all_close(output.matrix().dense(),
                                  loom::test::to_matrix(test_case["transformed"]), 1e-9));
      const Eigen::MatrixXd x_new = loom::test::to_matrix(test_case["X_new"]);
      CHECK(loom::test::all_close(power.transform(FeatureMatrix(x_new, names)).matrix().dense(),
                                  loom::test::to_matrix(test_case["transformed_new"]), 1e-9));
      PowerTransformer restored(power.params());
      restored.load_fitted_state(nlohmann::json::parse(power.fitted_state().dump()));
      CHECK(restored.transform(FeatureMatrix(x_new, names)).matrix().dense() ==
            power.transform(FeatureMatrix(x_new, names)).matrix().dense());
    }
  }
}

TEST_CASE("PowerTransformer names the problem in bad input", "[features][power][errors]") {
  Eigen::MatrixXd x(3, 2);
  x << 1, 2, 3, -1, 4, 5;
  PowerTransformer box({.method = "box-cox"});
  box.set_name("power");
  CHECK_LOOM_THROWS(box.fit(FeatureMatrix(x, {"p", "q"})), loom::DataError,
                    "column \"q\" has the value -1 at row 1");
  CHECK_LOOM_THROWS(box.transform(FeatureMatrix(x, {"p", "q"})), loom::NotFittedError,
                    "PowerTransformer \"power\"");
  PowerTransformer bad_method({.method = "log"});
  CHECK_LOOM_THROWS(bad_method.fit(FeatureMatrix(x, {"p", "q"})), loom::ParameterError, "method");
  Eigen::MatrixXd empty(2, 1);
  empty << std::nan(""), std::nan("");
  CHECK_LOOM_THROWS(PowerTransformer().fit(FeatureMatrix(empty, {"p"})), loom::DataError,
                    "column \"p\" has no values");
  PowerTransformer fitted({.method = "box-cox"});
  fitted.fit(FeatureMatrix(x.cwiseAbs(), {"p", "q"}));
  CHECK_LOOM_THROWS(fitted.transform(FeatureMatrix(x, {"p", "q"})), loom::DataError,
                    "box-cox needs strictly positive data");
}
