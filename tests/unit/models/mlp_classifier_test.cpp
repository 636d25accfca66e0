// MLPClassifier against scikit-learn 1.2 (tests/reference/make_models_mlp.py): the same
// Glorot draws and shuffles from numpy's RandomState, so the loss curve follows
// scikit-learn's; test accuracy averaged over the seeds within 1 point. Early stopping of a
// binary classifier holds out other (stratified) rows than scikit-learn, so that case is
// compared more loosely.
#include <catch2/catch.hpp>
#include <cmath>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "loom/core/json_state.hpp"
#include "loom/core/registry.hpp"
#include "loom/models/neural/mlp_classifier.hpp"

using loom::Column;
using loom::FeatureMatrix;
using loom::models::MLPClassifier;

namespace {
std::vector<std::string> names_for(Eigen::Index n) {
  std::vector<std::string> names;
  for (Eigen::Index j = 0; j < n; ++j)
    names.push_back("x" + std::to_string(j));
  return names;
}
}  // namespace

TEST_CASE("MLPClassifier scores as scikit-learn's", "[models][mlp]") {
  const auto fixture = loom::test::load_fixture("models/mlp.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    if (test_case["estimator"] != "MLPClassifier") continue;
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      const auto& data = fixture["datasets"][test_case["dataset"].get<std::string>()];
      const Eigen::MatrixXd x = loom::test::to_matrix(data["X"]);
      const Eigen::MatrixXd x_test = loom::test::to_matrix(data["X_test"]);
      const auto names = names_for(x.cols());
      const Column y = Column::numeric("y", loom::test::to_vector(data["y"]));
      const Column y_test = Column::numeric("y", loom::test::to_vector(data["y_test"]));
      const bool early = test_case["params"].value("early_stopping", false);
      const bool exact = test_case["exact"];
      double total = 0.0;
      for (const auto& seed : test_case["seeds"]) {
        nlohmann::json params = test_case["params"];
        params["random_state"] = seed;
        auto step = loom::Registry::global().create("MLPClassifier", params, "model");
        auto& model = dynamic_cast<MLPClassifier&>(*step);
        model.fit(FeatureMatrix(x, names), &y);
        total += model.score(FeatureMatrix(x_test, names), y_test);
        if (seed == test_case["seeds"][0] && exact) {
          // Same initial weights and batches: the loss curve is scikit-learn's.
          const auto expected = loom::test::to_vector(test_case["loss_curve"]);
          REQUIRE(model.loss_curve().size() == expected.size());
          CHECK(model.n_iter() == test_case["n_iter"].get<int>());
          for (std::size_t epoch = 0; epoch < expected.size(); ++epoch)
            CHECK(model.loss_curve()[epoch] == Approx(expected[epoch]).epsilon(1e-6));
          if (early) {
            CHECK(model.validation_scores() ==
                  loom::test::to_vector(test_case["validation_scores"]));
          }
        }
        if (early) {
          CHECK(model.validation_scores().size() == model.loss_curve().size());
          CHECK(model.n_iter() < test_case["params"]["max_iter"].get<int>());
          CHECK(*model.best_validation_score() ==
                *std::max_element(model.validation_scores().begin(),
                                  model.validation_scores().end()));
          CHECK_FALSE(model.best_loss().has_value());
        }
      }
      const double mean = total / static_cast<double>(test_case["seeds"].size());
      CHECK(std::abs(mean - test_case["mean_score"].get<double>()) <= (exact ? 0.01 : 0.05));
    }
  }
}

TEST_CASE("MLPClassifier fits, predicts probabilities and round-trips its state", "[models][mlp]") {
  const auto fixture = loom::test::load_fixture("models/mlp.json");
  const auto& data = fixture["datasets"]["iris"];
  const Eigen::MatrixXd x = loom::test::to_matrix(data["X"]);
  const auto names = names_for(x.cols());
  const std::vector<std::string> flowers{"setosa", "versicolor", "virginica"};
  std::vector<std::int32_t> codes;
  for (const auto& value : data["y"])
    codes.push_back(static_cast<std::int32_t>(value.get<double>()));
  const Column y = Column::categorical("species", codes, flowers);
  MLPClassifier model({.hidden_layer_sizes = {8, 6},
                       .activation = "tanh",
                       .learning_rate_init = 0.02,
                       .max_iter = 80,
                       .random_state = 4});
  std::size_t events = 0;
  model.set_progress([&](const loom::ProgressEvent& event) {
    ++events;
    CHECK(event.total == 80);
  });
  model.fit(FeatureMatrix(x, names), &y);
  CHECK(events == static_cast<std::size_t>(model.n_iter()));
  CHECK(model.out_activation() == "softmax");
  REQUIRE(model.coefs().size() == 3);
  CHECK(model.coefs()[0].rows() == 4);
  CHECK(model.coefs()[2].cols() == 3);
  // The training loss goes down.
  CHECK(model.loss_curve().back() < 0.5 * model.loss_curve().front());
  CHECK(model.best_loss().value() <= model.loss_curve().back());
  const Eigen::MatrixXd proba = model.predict_proba(FeatureMatrix(x, names));
  for (Eigen::Index i = 0; i < proba.rows(); ++i)
    CHECK(proba.row(i).sum() == Approx(1.0));
  const Column predicted = model.predict(FeatureMatrix(x, names));
  CHECK(predicted.name() == "species");
  CHECK(model.score(FeatureMatrix(x, names), y) > 0.9);
  CHECK(model.classes().value_string(2) == "virginica");

  MLPClassifier restored;
  restored.load_fitted_state(model.fitted_state());
  CHECK(restored.predict_proba(FeatureMatrix(x, names)) == proba);
  CHECK(restored.loss_curve() == model.loss_curve());
  CHECK(restored.n_iter() == model.n_iter());
  const Column again = restored.predict(FeatureMatrix(x, names));
  for (std::size_t i = 0; i < again.size(); ++i)
    CHECK(again.value_string(i) == predicted.value_string(i));

  // Binary: one logistic output, predict_proba has two columns.
  const auto cancer = fixture["datasets"]["cancer"];
  const Eigen::MatrixXd xc = loom::test::to_matrix(cancer["X"]);
  const Column yc = Column::numeric("y", loom::test::to_vector(cancer["y"]));
  MLPClassifier binary({.hidden_layer_sizes = {5}, .max_iter = 20, .random_state = 0});
  binary.fit(FeatureMatrix(xc, names_for(xc.cols())), &yc);
  CHECK(binary.out_activation() == "logistic");
  CHECK(binary.coefs().back().cols() == 1);
  const Eigen::MatrixXd p = binary.predict_proba(FeatureMatrix(xc, names_for(xc.cols())));
  CHECK(p.cols() == 2);
  CHECK((p.rowwise().sum().array() - 1.0).abs().maxCoeff() < 1e-12);
}

TEST_CASE("MLPClassifier reports bad parameters and data", "[models][mlp][errors]") {
  Eigen::MatrixXd x(6, 2);
  x << 0, 1, 1, 0, 2, 2, 3, 1, 4, 0, 5, 1;
  const Column y = Column::numeric("y", {0, 0, 1, 1, 0, 1});
  const FeatureMatrix features(x, {"a", "b"});
  const auto fails_with = [&](const char* name, nlohmann::json value, const char* message) {
    MLPClassifier model;
    model.set_name("mlp");
    model.set_param(name, value);
    CHECK_LOOM_THROWS(model.fit(features, &y), loom::ParameterError, message);
  };
  fails_with("hidden_layer_sizes", nlohmann::json::array({10, 0}),
             "MLPClassifier \"mlp\": parameter hidden_layer_sizes = [10,0] must be a non-empty");
  fails_with("hidden_layer_sizes", nlohmann::json::array(), "parameter hidden_layer_sizes");
  fails_with("activation", "softplus", "parameter activation = \"softplus\" must be one of");
  fails_with("solver", "lbfgs", "parameter solver = \"lbfgs\" must be one of");
  fails_with("batch_size", 0, "parameter batch_size = 0 must be an integer >= 1 or \"auto\"");
  fails_with("batch_size", "all", "parameter batch_size");
  fails_with("learning_rate_init", 0.0, "parameter learning_rate_init = 0.0 must be > 0");
  fails_with("alpha", -1.0, "parameter alpha");
  fails_with("max_iter", 0, "parameter max_iter = 0 must be >= 1");
  fails_with("momentum", 1.5, "parameter momentum");
  fails_with("beta_2", 1.0, "parameter beta_2 = 1.0 must be in [0, 1)");
  fails_with("validation_fraction", 1.0, "parameter validation_fraction");
  fails_with("n_iter_no_change", 0, "parameter n_iter_no_change");
  MLPClassifier model;
  CHECK_LOOM_THROWS(model.set_param("hidden_layer_sizes", 5), loom::ParameterError,
                    "parameter hidden_layer_sizes = 5 must be a list");
  CHECK_LOOM_THROWS(model.predict(features), loom::NotFittedError, "predict called before fit");
  CHECK_LOOM_THROWS(model.fit(features, nullptr), loom::DataError, "needs a target");
  const Column single = Column::numeric("y", {1, 1, 1, 1, 1, 1});
  CHECK_LOOM_THROWS(model.fit(features, &single), loom::DataError, "single class");
  Eigen::MatrixXd with_nan = x;
  with_nan(2, 1) = std::nan("");
  CHECK_LOOM_THROWS(model.fit(FeatureMatrix(with_nan, {"a", "b"}), &y), loom::DataError, "b");
  MLPClassifier tiny(
      {.max_iter = 5, .random_state = 0, .early_stopping = true, .validation_fraction = 0.01});
  const Column y4 = Column::numeric("y", {0, 1, 0, 1, 0, 1});
  CHECK_LOOM_THROWS(tiny.fit(features, &y4), loom::DataError,
                    "early stopping: train_test_split: 5 training and 1 test rows");
  model.set_param("max_iter", 3);
  model.fit(features, &y);
  CHECK_LOOM_THROWS(model.predict(FeatureMatrix(x, {"a", "c"})), loom::SchemaError, "c");
  nlohmann::json broken = model.fitted_state();
  broken["classes"] = loom::state::from_column(Column::numeric("y", {0, 1, 2}));
  MLPClassifier loaded;
  CHECK_LOOM_THROWS(loaded.load_fitted_state(broken), loom::ParseError,
                    "does not match 2 features and 3 classes");
}
