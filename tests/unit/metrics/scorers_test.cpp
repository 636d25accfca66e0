#include "loom/metrics/scorers.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "loom/core/error.hpp"
#include "metrics_fixture.hpp"

namespace metrics = loom::metrics;

TEST_CASE("scorers match scikit-learn's get_scorer, signs included", "[metrics][scorers]") {
  for (const auto& item : loom::test::fixture_cases("metrics/scorers.json")) {
    INFO(item["name"].get<std::string>());
    const auto& scores = item["scores"];
    if (item["task"] == "regression") {
      const auto y_true = loom::test::to_vector(item["y_true"]);
      const auto y_pred = loom::test::to_vector(item["y_pred"]);
      for (const auto& [name, expected] : scores.items()) {
        INFO(name);
        CHECK_METRIC(metrics::score(name, y_true, y_pred), expected);
      }
      continue;
    }
    const auto y_true = loom::test::to_labels(item["y_true"]);
    const auto y_pred = loom::test::to_labels(item["y_pred"]);
    const auto classes = loom::test::to_labels(item["classes"]);
    const Eigen::MatrixXd probabilities = loom::test::to_matrix(item["probabilities"]);
    for (const auto& name : metrics::scorer_names()) {
      if (!metrics::is_classification_scorer(name)) continue;
      INFO(name);
      if (scores.contains(name)) {
        CHECK_METRIC(metrics::score(name, y_true, y_pred, &probabilities, classes), scores[name]);
      } else {
        // Undefined in scikit-learn for this target (binary scorer on three classes).
        CHECK_THROWS_AS(metrics::score(name, y_true, y_pred, &probabilities, classes), loom::Error);
      }
    }
  }
}

TEST_CASE("scorer table answers what each scorer needs", "[metrics][scorers]") {
  const auto names = metrics::scorer_names();
  for (const std::string name :
       {"accuracy", "balanced_accuracy", "f1", "f1_macro", "f1_weighted", "precision", "recall",
        "precision_macro", "recall_macro", "roc_auc", "average_precision", "neg_log_loss", "r2",
        "neg_mean_absolute_error", "neg_mean_squared_error", "neg_root_mean_squared_error",
        "neg_median_absolute_error", "explained_variance"}) {
    CHECK(std::find(names.begin(), names.end(), name) != names.end());
    CHECK(metrics::is_scorer(name));
  }
  CHECK(metrics::is_classification_scorer("f1_macro"));
  CHECK_FALSE(metrics::is_classification_scorer("neg_mean_squared_error"));
  CHECK(metrics::scorer_needs_probabilities("neg_log_loss"));
  CHECK(metrics::scorer_needs_probabilities("roc_auc"));
  CHECK_FALSE(metrics::scorer_needs_probabilities("accuracy"));
  CHECK(metrics::scorer_metric_name("neg_log_loss") == "log_loss");
  CHECK(metrics::scorer_metric_name("r2") == "r2");
  CHECK_FALSE(metrics::is_scorer("accuracy_score"));
}

TEST_CASE("probability scorers take an empty y_pred", "[metrics][scorers]") {
  const std::vector<std::string> y_true{"no", "yes", "yes", "no"};
  const std::vector<std::string> classes{"no", "yes"};
  Eigen::MatrixXd probabilities(4, 2);
  probabilities << 0.8, 0.2, 0.3, 0.7, 0.6, 0.4, 0.9, 0.1;
  CHECK(metrics::score("roc_auc", y_true, {}, &probabilities, classes) == 1.0);
  CHECK(metrics::score("neg_log_loss", y_true, {}, &probabilities, classes) < 0.0);
}

TEST_CASE("scorers reject unknown names and mismatched tasks", "[metrics][scorers]") {
  const std::vector<std::string> labels{"0", "1"};
  const std::vector<double> values{0.0, 1.0};
  CHECK_LOOM_THROWS(metrics::score("f2", labels, labels), loom::ParameterError,
                    "unknown scorer \"f2\": expected one of accuracy, balanced_accuracy");
  CHECK_LOOM_THROWS(metrics::scorer_needs_probabilities("auc"), loom::ParameterError,
                    "unknown scorer \"auc\"");
  CHECK_LOOM_THROWS(metrics::is_classification_scorer("mse"), loom::ParameterError, "r2");
  CHECK_LOOM_THROWS(metrics::score("r2", labels, labels), loom::ParameterError,
                    "scorer \"r2\" is a regression scorer");
  CHECK_LOOM_THROWS(metrics::score("accuracy", values, values), loom::ParameterError,
                    "scorer \"accuracy\" is a classification scorer");
  CHECK_LOOM_THROWS(metrics::score("roc_auc", labels, labels), loom::ParameterError,
                    "scorer \"roc_auc\" needs predicted probabilities");
}
