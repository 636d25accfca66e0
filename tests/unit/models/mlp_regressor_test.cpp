// MLPRegressor against scikit-learn 1.2 (tests/reference/make_models_mlp.py): the same
// Glorot draws and shuffles from numpy's RandomState, so the loss curve follows
// scikit-learn's; test R^2 averaged over the seeds within 0.01.
#include <catch2/catch.hpp>
#include <cmath>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "loom/core/registry.hpp"
#include "loom/models/neural/mlp_regressor.hpp"

using loom::Column;
using loom::FeatureMatrix;
using loom::models::MLPRegressor;

namespace {
std::vector<std::string> names_for(Eigen::Index n) {
  std::vector<std::string> names;
  for (Eigen::Index j = 0; j < n; ++j)
    names.push_back("x" + std::to_string(j));
  return names;
}
}  // namespace

TEST_CASE("MLPRegressor scores as scikit-learn's", "[models][mlp]") {
  const auto fixture = loom::test::load_fixture("models/mlp.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    if (test_case["estimator"] != "MLPRegressor") continue;
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      const auto& data = fixture["datasets"][test_case["dataset"].get<std::string>()];
      const Eigen::MatrixXd x = loom::test::to_matrix(data["X"]);
      const Eigen::MatrixXd x_test = loom::test::to_matrix(data["X_test"]);
      const auto names = names_for(x.cols());
      const Column y = Column::numeric("target", loom::test::to_vector(data["y"]));
      const Column y_test = Column::numeric("target", loom::test::to_vector(data["y_test"]));
      double total = 0.0;
      for (const auto& seed : test_case["seeds"]) {
        nlohmann::json params = test_case["params"];
        params["random_state"] = seed;
        auto step = loom::Registry::global().create("MLPRegressor", params, "model");
        auto& model = dynamic_cast<MLPRegressor&>(*step);
        model.fit(FeatureMatrix(x, names), &y);
        total += model.score(FeatureMatrix(x_test, names), y_test);
        if (seed == test_case["seeds"][0]) {
          const auto expected = loom::test::to_vector(test_case["loss_curve"]);
          REQUIRE(model.loss_curve().size() == expected.size());
          CHECK(model.n_iter() == test_case["n_iter"].get<int>());
          for (std::size_t epoch = 0; epoch < expected.size(); ++epoch)
            CHECK(model.loss_curve()[epoch] == Approx(expected[epoch]).epsilon(1e-6));
          if (test_case.contains("validation_scores")) {
            const auto scores = loom::test::to_vector(test_case["validation_scores"]);
            REQUIRE(model.validation_scores().size() == scores.size());
            for (std::size_t epoch = 0; epoch < scores.size(); ++epoch)
              CHECK(model.validation_scores()[epoch] == Approx(scores[epoch]).margin(1e-6));
          }
        }
      }
      const double mean = total / static_cast<double>(test_case["seeds"].size());
      CHECK(std::abs(mean - test_case["mean_score"].get<double>()) <= 0.01);
    }
  }
}

TEST_CASE("MLPRegressor learns, stops early and round-trips its state", "[models][mlp]") {
  const auto fixture = loom::test::load_fixture("models/mlp.json");
  const auto& data = fixture["datasets"]["diabetes"];
  const Eigen::MatrixXd x = loom::test::to_matrix(data["X"]);
  const auto names = names_for(x.cols());
  const Column y = Column::numeric("target", loom::test::to_vector(data["y"]));
  MLPRegressor model({.hidden_layer_sizes = {16},
                      .learning_rate_init = 0.01,
                      .max_iter = 200,
                      .random_state = 1,
                      .early_stopping = true,
                      .validation_fraction = 0.2,
                      .n_iter_no_change = 5});
  model.fit(FeatureMatrix(x, names), &y);
  CHECK(model.n_iter() < 200);  // stopped on the validation R^2
  CHECK(model.validation_scores().size() == static_cast<std::size_t>(model.n_iter()));
  CHECK(model.best_validation_score().value() > 0.2);
  CHECK(model.loss_curve().back() < model.loss_curve().front());
  const Column predicted = model.predict(FeatureMatrix(x, names));
  CHECK(predicted.name() == "target");
  CHECK(model.score(FeatureMatrix(x, names), y) > 0.3);

  MLPRegressor restored;
  restored.load_fitted_state(model.fitted_state());
  const Column again = restored.predict(FeatureMatrix(x, names));
  for (std::size_t i = 0; i < again.size(); ++i)
    CHECK(again.numeric_values()[i] == predicted.numeric_values()[i]);
  CHECK(restored.validation_scores() == model.validation_scores());
  CHECK(restored.best_validation_score() == model.best_validation_score());

  // Same seed, same network; no shuffling still learns.
  MLPRegressor twin({.hidden_layer_sizes = {16},
                     .learning_rate_init = 0.01,
                     .max_iter = 200,
                     .random_state = 1,
                     .early_stopping = true,
                     .validation_fraction = 0.2,
                     .n_iter_no_change = 5});
  twin.fit(FeatureMatrix(x, names), &y);
  CHECK(twin.coefs() == model.coefs());
  MLPRegressor ordered(
      {.hidden_layer_sizes = {8}, .max_iter = 30, .shuffle = false, .random_state = 0});
  ordered.fit(FeatureMatrix(x, names), &y);
  CHECK(ordered.loss_curve().back() < ordered.loss_curve().front());
}

TEST_CASE("MLPRegressor reports bad parameters and data", "[models][mlp][errors]") {
  Eigen::MatrixXd x(6, 2);
  x << 0, 1, 1, 0, 2, 2, 3, 1, 4, 0, 5, 1;
  const Column y = Column::numeric("y", {0.5, 0.1, 1.2, 1.0, 0.3, 1.1});
  const FeatureMatrix features(x, {"a", "b"});
  MLPRegressor model;
  model.set_name("mlp");
  model.set_param("epsilon", 0.0);
  CHECK_LOOM_THROWS(model.fit(features, &y), loom::ParameterError,
                    "MLPRegressor \"mlp\": parameter epsilon = 0.0 must be > 0");
  model.set_param("epsilon", 1e-8);
  model.set_param("learning_rate", "optimal");
  CHECK_LOOM_THROWS(model.fit(features, &y), loom::ParameterError, "parameter learning_rate");
  CHECK_LOOM_THROWS(model.set_param("shuffle", 1), loom::ParameterError,
                    "parameter shuffle = 1 must be a boolean");
  CHECK_LOOM_THROWS(model.set_param("hidden_units", 3), loom::ParameterError,
                    "unknown parameter \"hidden_units\"");
  MLPRegressor plain({.max_iter = 2});
  CHECK_LOOM_THROWS(plain.fit(features, nullptr), loom::DataError, "fit needs a target");
  const Column text =
      Column::text("y", {"a", "b", "c", "d", "e", "f"}, std::vector<std::uint8_t>(6, 0));
  CHECK_LOOM_THROWS(plain.fit(features, &text), loom::DataError, "needs a numeric target");
  // A learning rate far too high makes the loss overflow: refused with a hint.
  MLPRegressor wild({.hidden_layer_sizes = {4},
                     .activation = "identity",
                     .solver = "sgd",
                     .learning_rate_init = 1e6,
                     .max_iter = 50,
                     .random_state = 0});
  Eigen::MatrixXd big = x * 1e3;
  CHECK_LOOM_THROWS(wild.fit(FeatureMatrix(big, {"a", "b"}), &y), loom::DataError,
                    "lower learning_rate_init");
  CHECK_LOOM_THROWS(plain.fitted_state(), loom::NotFittedError, "fitted_state called before fit");
  const nlohmann::json broken = nlohmann::json::parse(R"({
    "network": {"activation": "relu", "out_activation": "identity",
                "coefs": [[[1.0, 2.0]], [[1.0], [2.0], [3.0]]], "intercepts": [[0.0, 0.0], [0.0]]},
    "loss_curve": [1.0], "validation_scores": [], "feature_names_in": ["a"],
    "target_name": "y"})");
  CHECK_LOOM_THROWS(plain.load_fitted_state(broken), loom::ParseError, "layer 1 does not chain");
}
