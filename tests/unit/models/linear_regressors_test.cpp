// LinearRegression, Ridge, Lasso and ElasticNet against scikit-learn 1.2
// (tests/reference/make_models_linear.py).
#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "loom/core/registry.hpp"
#include "loom/models/linear/elastic_net.hpp"
#include "loom/models/linear/lasso.hpp"
#include "loom/models/linear/linear_regression.hpp"
#include "loom/models/linear/ridge.hpp"
#include "loom/pipeline/serialization.hpp"

using loom::Column;
using loom::FeatureMatrix;

namespace {
std::vector<std::string> names_for(Eigen::Index n) {
  std::vector<std::string> names;
  for (Eigen::Index j = 0; j < n; ++j)
    names.push_back("x" + std::to_string(j));
  return names;
}

Eigen::VectorXd to_eigen(const nlohmann::json& values) {
  const auto v = loom::test::to_vector(values);
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}
}  // namespace

TEST_CASE("Linear regressors match scikit-learn's coefficients", "[models][linear_regressors]") {
  const auto fixture = loom::test::load_fixture("models/linear_regressors.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      const auto& data = fixture["datasets"][test_case["data"].get<std::string>()];
      const std::string type = test_case["type"];
      const nlohmann::json params = test_case["params"];
      auto step = loom::Registry::global().create(type, params, "model");
      auto& model = dynamic_cast<loom::Predictor&>(*step);
      const Eigen::MatrixXd x = loom::test::to_matrix(data["X"]);
      const auto names = names_for(x.cols());
      const Column y = Column::numeric("target", loom::test::to_vector(data["y"]));
      model.fit(FeatureMatrix(x, names), &y);
      CHECK_FALSE(model.is_classifier());

      // Closed forms to 1e-8; coordinate descent (same algorithm, same stopping rule) to 1e-5.
      const bool closed_form = type == "LinearRegression" || type == "Ridge";
      const double tolerance = closed_form ? 1e-8 : 1e-5;
      const auto state = model.fitted_state();
      const Eigen::VectorXd coef = to_eigen(state["coef"]);
      INFO("coef " << coef.transpose());
      CHECK(loom::test::all_close(coef, to_eigen(test_case["coef"]), tolerance));
      CHECK(loom::test::close(state["intercept"].get<double>(),
                              test_case["intercept"].get<double>(), tolerance));
      if (test_case.contains("n_iter")) CHECK(state["n_iter"] == test_case["n_iter"]);

      const Eigen::MatrixXd x_new = loom::test::to_matrix(data["X_new"]);
      const Column predicted = model.predict(FeatureMatrix(x_new, names));
      CHECK(predicted.name() == "target");
      const auto expected = loom::test::to_vector(test_case["predict_new"]);
      for (std::size_t i = 0; i < expected.size(); ++i)
        CHECK(loom::test::close(predicted.numeric_values()[i], expected[i], tolerance));

      // The saved state predicts the same.
      auto restored = loom::Registry::global().create(type, params, "model");
      restored->load_fitted_state(state);
      const Column again =
          dynamic_cast<loom::Predictor&>(*restored).predict(FeatureMatrix(x_new, names));
      CHECK(std::equal(again.numeric_values().begin(), again.numeric_values().end(),
                       predicted.numeric_values().begin()));
    }
  }
}

TEST_CASE("Linear regressors score with R^2 and expose coefficients",
          "[models][linear_regressors]") {
  const auto fixture = loom::test::load_fixture("models/linear_regressors.json");
  const auto& data = fixture["datasets"]["diabetes"];
  const Eigen::MatrixXd x = loom::test::to_matrix(data["X"]);
  const Eigen::MatrixXd x_new = loom::test::to_matrix(data["X_new"]);
  const auto names = names_for(x.cols());
  const Column y = Column::numeric("target", loom::test::to_vector(data["y"]));
  const Column y_new = Column::numeric("target", loom::test::to_vector(data["y_new"]));
  const auto& cases = fixture["cases"];
  loom::models::Ridge ridge({.alpha = 1.0});
  ridge.fit(FeatureMatrix(x, names), &y);
  loom::models::LinearRegression ols;
  ols.fit(FeatureMatrix(x, names), &y);
  for (const auto& test_case : cases) {
    if (test_case["name"] == "ridge") {
      CHECK(loom::test::close(ridge.score(FeatureMatrix(x_new, names), y_new),
                              test_case["score_new"].get<double>(), 1e-10));
    }
    if (test_case["name"] == "ols") {
      CHECK(loom::test::close(ols.score(FeatureMatrix(x_new, names), y_new),
                              test_case["score_new"].get<double>(), 1e-10));
      CHECK(ols.rank() == test_case["rank"].get<int>());
    }
  }
  CHECK(ridge.feature_importances().isApprox(ridge.coef().cwiseAbs()));
  // Sparse input gives the same fit as dense.
  loom::models::Lasso dense({.alpha = 0.1});
  dense.fit(FeatureMatrix(x, names), &y);
  loom::models::Lasso sparse({.alpha = 0.1});
  sparse.fit(FeatureMatrix(loom::SparseMatrix(x.sparseView()), names), &y);
  CHECK(loom::test::all_close(sparse.coef(), dense.coef(), 1e-12));
}

TEST_CASE("Linear regressors report bad parameters and data",
          "[models][linear_regressors][errors]") {
  Eigen::MatrixXd x(4, 2);
  x << 0, 1, 1, 0, 2, 2, 3, 1;
  const Column y = Column::numeric("price", {0, 1, 2, 3});
  loom::models::Ridge ridge({.alpha = -1});
  ridge.set_name("model");
  CHECK_LOOM_THROWS(ridge.fit(FeatureMatrix(x, {"a", "b"}), &y), loom::ParameterError,
                    "Ridge \"model\": parameter alpha = -1.0 must be >= 0");
  loom::models::ElasticNet net({.l1_ratio = 1.5});
  CHECK_LOOM_THROWS(net.fit(FeatureMatrix(x, {"a", "b"}), &y), loom::ParameterError,
                    "l1_ratio = 1.5 must be in [0, 1]");
  loom::models::Lasso lasso;
  Eigen::MatrixXd with_nan = x;
  with_nan(1, 1) = std::nan("");
  CHECK_LOOM_THROWS(lasso.fit(FeatureMatrix(with_nan, {"a", "b"}), &y), loom::DataError,
                    "column \"b\" has a missing value");
  loom::models::LinearRegression ols;
  CHECK_LOOM_THROWS(ols.fit(FeatureMatrix(x, {"a", "b"}), nullptr), loom::DataError, "target");
  const Column labels = Column::categorical_from_values("kind", {"a", "b", "a", "b"});
  CHECK_LOOM_THROWS(ols.fit(FeatureMatrix(x, {"a", "b"}), &labels), loom::DataError,
                    "the target \"kind\" is categorical");
  const Column missing_target = Column::numeric("price", {0, std::nan(""), 2, 3});
  CHECK_LOOM_THROWS(ols.fit(FeatureMatrix(x, {"a", "b"}), &missing_target), loom::DataError,
                    "\"price\" has a missing or infinite value at row 1");
  CHECK_LOOM_THROWS(ols.predict(FeatureMatrix(x, {"a", "b"})), loom::NotFittedError, "before fit");
  ols.fit(FeatureMatrix(x, {"a", "b"}), &y);
  CHECK_LOOM_THROWS(ols.predict(FeatureMatrix(with_nan, {"a", "b"})), loom::DataError,
                    "column \"b\"");
  CHECK_LOOM_THROWS(ols.predict(FeatureMatrix(x, {"a", "c"})), loom::SchemaError, "\"b\"");
}

TEST_CASE("Iterative linear fits report progress per iteration", "[models][linear_regressors]") {
  const auto fixture = loom::test::load_fixture("models/linear_regressors.json");
  const auto& data = fixture["datasets"]["diabetes"];
  const Eigen::MatrixXd x = loom::test::to_matrix(data["X"]);
  const auto names = names_for(x.cols());
  const Column y = Column::numeric("target", loom::test::to_vector(data["y"]));
  loom::models::ElasticNet model({.alpha = 0.05, .max_iter = 500});
  std::vector<std::size_t> done;
  model.set_progress([&](const loom::ProgressEvent& event) {
    CHECK(event.stage == "ElasticNet");
    CHECK(event.total == 500);
    done.push_back(event.done);
  });
  model.fit(FeatureMatrix(x, names), &y);
  REQUIRE(static_cast<int>(done.size()) == model.n_iter());
  for (std::size_t i = 0; i < done.size(); ++i)
    CHECK(done[i] == i + 1);
}
