// LogisticRegression with L1 and elastic-net penalties and the liblinear / saga semantics,
// against scikit-learn 1.2 run to tol 1e-12 (tests/reference/make_models_linear.py).
#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "loom/models/linear/logistic_regression.hpp"

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

std::vector<std::string> as_strings(const Column& column) {
  std::vector<std::string> result;
  for (std::size_t i = 0; i < column.size(); ++i)
    result.push_back(column.value_string(i));
  return result;
}

std::vector<std::string> as_strings(const nlohmann::json& values) {
  std::vector<std::string> result;
  for (const auto& value : values)
    result.push_back(loom::format_number(value.get<double>()));
  return result;
}
}  // namespace

TEST_CASE("LogisticRegression with L1 penalties reaches scikit-learn's optimum",
          "[models][logistic_regression][l1]") {
  const auto fixture = loom::test::load_fixture("models/logistic_l1.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      const auto& data = fixture["datasets"][test_case["data"].get<std::string>()];
      LogisticRegression model;
      model.set_params(test_case["params"]);
      const Eigen::MatrixXd x = loom::test::to_matrix(data["X"]);
      const auto names = names_for(x.cols());
      const Column y = Column::numeric("y", loom::test::to_vector(data["y"]));
      model.fit(FeatureMatrix(x, names), &y);
      INFO("coef\n" << model.coef() << "\nintercept " << model.intercept().transpose());
      CHECK(loom::test::all_close(model.coef(), loom::test::to_matrix(test_case["coef"]), 1e-4));
      const auto intercept = loom::test::to_vector(test_case["intercept"]);
      for (std::size_t k = 0; k < intercept.size(); ++k)
        CHECK(
            loom::test::close(model.intercept()(static_cast<Eigen::Index>(k)), intercept[k], 1e-4));
      // Exact zeros where scikit-learn has them: the L1 solution is sparse.
      const Eigen::MatrixXd expected_coef = loom::test::to_matrix(test_case["coef"]);
      CHECK((model.coef().array() == 0.0).count() == (expected_coef.array() == 0.0).count());
      const Eigen::MatrixXd x_new = loom::test::to_matrix(data["X_new"]);
      CHECK(loom::test::all_close(model.predict_proba(FeatureMatrix(x_new, names)),
                                  loom::test::to_matrix(test_case["predict_proba_new"]), 1e-4));
      CHECK(as_strings(model.predict(FeatureMatrix(x_new, names))) ==
            as_strings(test_case["predict_new"]));
      LogisticRegression restored;
      restored.load_fitted_state(model.fitted_state());
      CHECK(restored.predict_proba(FeatureMatrix(x_new, names)) ==
            model.predict_proba(FeatureMatrix(x_new, names)));
    }
  }
}

TEST_CASE("LogisticRegression refuses penalties its solver lacks",
          "[models][logistic_regression][errors]") {
  Eigen::MatrixXd x(4, 1);
  x << 0, 1, 2, 3;
  const Column y = Column::numeric("y", {0, 1, 0, 1});
  LogisticRegression lbfgs({.penalty = "l1"});
  lbfgs.set_name("model");
  CHECK_LOOM_THROWS(lbfgs.fit(FeatureMatrix(x, {"a"}), &y), loom::ParameterError,
                    "LogisticRegression \"model\": solver \"lbfgs\" with penalty \"l1\"");
  LogisticRegression liblinear({.penalty = "elasticnet", .solver = "liblinear", .l1_ratio = 0.5});
  CHECK_LOOM_THROWS(liblinear.fit(FeatureMatrix(x, {"a"}), &y), loom::ParameterError,
                    "liblinear supports only");
  LogisticRegression no_ratio({.penalty = "elasticnet", .solver = "saga"});
  CHECK_LOOM_THROWS(no_ratio.fit(FeatureMatrix(x, {"a"}), &y), loom::ParameterError,
                    "l1_ratio must be set");
  LogisticRegression solver;
  solver.set_param("solver", "newton-cg");  // parameters are checked at fit
  CHECK_LOOM_THROWS(solver.fit(FeatureMatrix(x, {"a"}), &y), loom::ParameterError,
                    "solver = \"newton-cg\" must be one of");
  LogisticRegression bad_ratio;
  bad_ratio.set_param("l1_ratio", 2.0);
  CHECK_LOOM_THROWS(bad_ratio.fit(FeatureMatrix(x, {"a"}), &y), loom::ParameterError,
                    "l1_ratio = 2.0 must be in [0, 1]");
}

TEST_CASE("LogisticRegression scores accuracy and ranks features by |coef|",
          "[models][logistic_regression]") {
  Eigen::MatrixXd x(8, 2);
  x << 0, 0.3, 1, 0.1, 2, 0.2, 3, 0.4, 4, 0.1, 5, 0.3, 6, 0.2, 7, 0.4;
  const Column y = Column::numeric("y", {0, 0, 0, 1, 0, 1, 1, 1});
  LogisticRegression model({.C = 0.5, .penalty = "l1", .solver = "saga"});
  model.fit(FeatureMatrix(x, {"a", "b"}), &y);
  CHECK(model.feature_importances()(0) > model.feature_importances()(1));
  const Column predicted = model.predict(FeatureMatrix(x, {"a", "b"}));
  double correct = 0;
  for (std::size_t i = 0; i < 8; ++i)
    correct += predicted.value_string(i) == y.value_string(i) ? 1 : 0;
  CHECK(model.score(FeatureMatrix(x, {"a", "b"}), y) == Approx(correct / 8));
}

TEST_CASE("LogisticRegression with L1 on many features meets the optimality conditions",
          "[models][logistic_regression][l1]") {
  // 420 features: past the size where the Hessian is formed, so the accelerated proximal
  // gradient solver runs. At the optimum the log-loss gradient g satisfies g_j = -sign(w_j) / C
  // where w_j != 0, |g_j| <= 1 / C where w_j = 0, and g = 0 for the intercept.
  const Eigen::Index rows = 200, columns = 420;
  Eigen::MatrixXd x(rows, columns);
  std::vector<double> labels(static_cast<std::size_t>(rows));
  std::uint64_t state = 7;
  auto uniform = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<double>(state >> 11) * 0x1.0p-53;
  };
  for (Eigen::Index i = 0; i < rows; ++i) {
    for (Eigen::Index j = 0; j < columns; ++j)
      x(i, j) = uniform() - 0.5;
    const double score = 3.0 * x(i, 0) - 2.0 * x(i, 1) + x(i, 2);
    labels[static_cast<std::size_t>(i)] = uniform() < 1.0 / (1.0 + std::exp(-score)) ? 1 : 0;
  }
  const Column y = Column::numeric("y", labels);
  const double c = 2.0;
  LogisticRegression model({.C = c, .penalty = "l1", .solver = "saga"});
  const auto names = names_for(columns);
  model.fit(FeatureMatrix(x, names), &y);
  const Eigen::ArrayXd scores =
      (x * model.coef().row(0).transpose()).array() + model.intercept()(0);
  const Eigen::ArrayXd p = (1.0 + (-scores).exp()).inverse();
  const Eigen::VectorXd truth = Eigen::Map<const Eigen::VectorXd>(labels.data(), rows);
  const Eigen::VectorXd residual = p.matrix() - truth;
  const Eigen::VectorXd gradient = x.transpose() * residual;
  CHECK(std::abs(residual.sum()) < 1e-5);
  Eigen::Index nonzero = 0;
  for (Eigen::Index j = 0; j < columns; ++j) {
    const double w = model.coef()(0, j);
    if (w != 0.0) {
      ++nonzero;
      CHECK(std::abs(gradient(j) + (w > 0 ? 1.0 : -1.0) / c) < 1e-5);
    } else {
      CHECK(std::abs(gradient(j)) <= 1.0 / c + 1e-5);
    }
  }
  CHECK(nonzero > 0);
  CHECK(nonzero < columns / 2);  // L1 gives a sparse solution
  CHECK(model.coef()(0, 0) > 0.0);
}
