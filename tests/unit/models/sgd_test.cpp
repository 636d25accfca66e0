// SGDClassifier, SGDRegressor and LinearSVC against scikit-learn 1.2 at the quality level:
// test scores averaged over the same seeds within 1 point
// (tests/reference/make_models_linear.py).
#include <catch2/catch.hpp>
#include <numeric>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "loom/core/registry.hpp"
#include "loom/models/linear/linear_svc.hpp"
#include "loom/models/linear/sgd_classifier.hpp"
#include "loom/models/linear/sgd_regressor.hpp"

using loom::Column;
using loom::FeatureMatrix;

namespace {
std::vector<std::string> names_for(Eigen::Index n) {
  std::vector<std::string> names;
  for (Eigen::Index j = 0; j < n; ++j)
    names.push_back("x" + std::to_string(j));
  return names;
}

double score_of(const loom::Predictor& model, const FeatureMatrix& x, const Column& y) {
  if (const auto* sgd = dynamic_cast<const loom::models::SGDClassifier*>(&model))
    return sgd->score(x, y);
  if (const auto* svc = dynamic_cast<const loom::models::LinearSVC*>(&model))
    return svc->score(x, y);
  return dynamic_cast<const loom::models::SGDRegressor&>(model).score(x, y);
}
}  // namespace

TEST_CASE("SGD models and LinearSVC score as scikit-learn's", "[models][sgd]") {
  const auto fixture = loom::test::load_fixture("models/sgd.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      const auto& data = fixture["datasets"][test_case["data"].get<std::string>()];
      const std::string type = test_case["type"];
      const Eigen::MatrixXd x = loom::test::to_matrix(data["X"]);
      const Eigen::MatrixXd x_test = loom::test::to_matrix(data["X_test"]);
      const auto names = names_for(x.cols());
      const Column y = Column::numeric("y", loom::test::to_vector(data["y"]));
      const Column y_test = Column::numeric("y", loom::test::to_vector(data["y_test"]));
      double total = 0.0;
      for (const auto& seed : test_case["seeds"]) {
        nlohmann::json params = test_case["params"];
        params["random_state"] = seed;
        auto step = loom::Registry::global().create(type, params, "model");
        auto& model = dynamic_cast<loom::Predictor&>(*step);
        if (test_case.contains("partial_fit")) {
          auto& sgd = dynamic_cast<loom::models::SGDClassifier&>(model);
          const int n_chunks = test_case["partial_fit"]["chunks"];
          const int epochs = test_case["partial_fit"]["epochs"];
          const Column classes = Column::numeric("y", {0, 1});
          for (int epoch = 0; epoch < epochs; ++epoch) {
            // numpy.array_split: the first rows % chunks chunks get one row more.
            const auto n = static_cast<std::size_t>(x.rows());
            std::size_t begin = 0;
            for (int c = 0; c < n_chunks; ++c) {
              const std::size_t size =
                  n / static_cast<std::size_t>(n_chunks) +
                  (static_cast<std::size_t>(c) < n % static_cast<std::size_t>(n_chunks) ? 1 : 0);
              std::vector<std::size_t> rows(size);
              std::iota(rows.begin(), rows.end(), begin);
              begin += size;
              const FeatureMatrix chunk = FeatureMatrix(x, names).take(rows);
              sgd.partial_fit(chunk, y.take(rows), epoch == 0 && c == 0 ? &classes : nullptr);
            }
          }
          CHECK(sgd.n_iter() == 1);
        } else {
          model.fit(FeatureMatrix(x, names), &y);
        }
        total += score_of(model, FeatureMatrix(x_test, names), y_test);
      }
      const double mean = total / static_cast<double>(test_case["seeds"].size());
      INFO("loom " << mean << ", scikit-learn " << test_case["mean_score"].get<double>());
      CHECK(std::abs(mean - test_case["mean_score"].get<double>()) <= 0.01);
    }
  }
}

TEST_CASE("SGDClassifier predicts probabilities and round-trips its state", "[models][sgd]") {
  const auto fixture = loom::test::load_fixture("models/sgd.json");
  const auto& data = fixture["datasets"]["cancer"];
  const Eigen::MatrixXd x = loom::test::to_matrix(data["X"]);
  const auto names = names_for(x.cols());
  const Column y = Column::numeric("y", loom::test::to_vector(data["y"]));
  loom::models::SGDClassifier model({.loss = "log_loss", .random_state = 3});
  model.fit(FeatureMatrix(x, names), &y);
  REQUIRE(model.has_predict_proba());
  const Eigen::MatrixXd proba = model.predict_proba(FeatureMatrix(x, names));
  const Eigen::MatrixXd scores = model.decision_function(FeatureMatrix(x, names));
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    CHECK(proba.row(i).sum() == Approx(1.0));
    CHECK(proba(i, 1) == Approx(1.0 / (1.0 + std::exp(-scores(i, 0)))));
  }
  // Same seed, same model.
  loom::models::SGDClassifier again({.loss = "log_loss", .random_state = 3});
  again.fit(FeatureMatrix(x, names), &y);
  CHECK(again.coef() == model.coef());
  loom::models::SGDClassifier restored;
  restored.set_param("loss", "log_loss");
  restored.load_fitted_state(model.fitted_state());
  CHECK(restored.predict_proba(FeatureMatrix(x, names)) == proba);
  CHECK(restored.t() == model.t());
  // Sparse input fits too.
  loom::models::SGDClassifier sparse({.random_state = 3});
  sparse.fit(FeatureMatrix(loom::SparseMatrix(x.sparseView()), names), &y);
  CHECK(sparse.score(FeatureMatrix(x, names), y) > 0.9);
  loom::models::SGDClassifier hinge;
  hinge.fit(FeatureMatrix(x, names), &y);
  CHECK_FALSE(hinge.has_predict_proba());
  CHECK_LOOM_THROWS(hinge.predict_proba(FeatureMatrix(x, names)), loom::Error, "log_loss");
}

TEST_CASE("SGD models and LinearSVC report bad parameters and data", "[models][sgd][errors]") {
  Eigen::MatrixXd x(6, 2);
  x << 0, 1, 1, 0, 2, 2, 3, 1, 4, 0, 5, 1;
  const Column y = Column::numeric("y", {0, 0, 1, 1, 0, 1});
  loom::models::SGDClassifier constant({.learning_rate = "constant"});
  constant.set_name("sgd");
  CHECK_LOOM_THROWS(constant.fit(FeatureMatrix(x, {"a", "b"}), &y), loom::ParameterError,
                    "SGDClassifier \"sgd\": parameter eta0 = 0 must be > 0");
  loom::models::SGDClassifier loss;
  loss.set_param("loss", "squared_error");  // a regression loss: refused at fit
  CHECK_LOOM_THROWS(loss.fit(FeatureMatrix(x, {"a", "b"}), &y), loom::ParameterError, "loss");
  loom::models::SGDClassifier partial;
  CHECK_LOOM_THROWS(partial.partial_fit(FeatureMatrix(x, {"a", "b"}), y), loom::DataError,
                    "needs classes");
  const Column classes = Column::numeric("y", {0, 1});
  partial.partial_fit(FeatureMatrix(x, {"a", "b"}), y, &classes);
  const Column unknown = Column::numeric("y", {0, 0, 7, 1, 0, 1});
  CHECK_LOOM_THROWS(partial.partial_fit(FeatureMatrix(x, {"a", "b"}), unknown), loom::DataError,
                    "7");
  loom::models::SGDClassifier early({.early_stopping = true, .validation_fraction = 0.99});
  CHECK_LOOM_THROWS(early.fit(FeatureMatrix(x, {"a", "b"}), &y), loom::DataError,
                    "validation_fraction");
  Eigen::MatrixXd with_nan = x;
  with_nan(3, 0) = std::nan("");
  loom::models::SGDRegressor regressor;
  CHECK_LOOM_THROWS(regressor.fit(FeatureMatrix(with_nan, {"a", "b"}), &y), loom::DataError,
                    "column \"a\"");
  loom::models::LinearSVC svc({.C = 0});
  CHECK_LOOM_THROWS(svc.fit(FeatureMatrix(x, {"a", "b"}), &y), loom::ParameterError,
                    "C = 0.0 must be > 0");
  loom::models::LinearSVC unfitted;
  CHECK_LOOM_THROWS(unfitted.predict(FeatureMatrix(x, {"a", "b"})), loom::NotFittedError,
                    "before fit");
}
