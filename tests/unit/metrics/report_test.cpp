#include "loom/metrics/report.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "check_throws.hpp"
#include "loom/core/error.hpp"
#include "metrics_fixture.hpp"

namespace metrics = loom::metrics;

namespace {
std::set<std::string> keys_of(const nlohmann::json& object) {
  std::set<std::string> keys;
  for (const auto& [key, value] : object.items())
    keys.insert(key);
  return keys;
}

const std::set<std::string> kLabelKeys{"accuracy",     "balanced_accuracy", "precision_macro",
                                       "recall_macro", "f1_macro",          "f1_weighted",
                                       "cohen_kappa",  "matthews_corrcoef", "confusion_matrix"};

std::set<std::string> binary_keys() {
  std::set<std::string> keys = kLabelKeys;
  keys.insert({"roc_auc", "average_precision", "log_loss", "precision", "recall", "f1"});
  return keys;
}

Eigen::MatrixXd two_columns(const std::vector<double>& positive) {
  Eigen::MatrixXd probabilities(static_cast<Eigen::Index>(positive.size()), 2);
  for (std::size_t row = 0; row < positive.size(); ++row) {
    probabilities(static_cast<Eigen::Index>(row), 0) = 1.0 - positive[row];
    probabilities(static_cast<Eigen::Index>(row), 1) = positive[row];
  }
  return probabilities;
}
}  // namespace

TEST_CASE("label_to_json writes numbers as numbers", "[metrics][report]") {
  CHECK(metrics::label_to_json("3") == nlohmann::json(3));
  CHECK(metrics::label_to_json("3").is_number_integer());
  CHECK(metrics::label_to_json("-1").dump() == "-1");
  CHECK(metrics::label_to_json("2.5") == nlohmann::json(2.5));
  CHECK(metrics::label_to_json("yes") == nlohmann::json("yes"));
  CHECK(metrics::label_to_json("") == nlohmann::json(""));
}

TEST_CASE("classification_report_json matches the fixtures with CLI.md's keys",
          "[metrics][report]") {
  for (const std::string fixture : {"core/metrics.json", "metrics/classification.json"}) {
    for (const auto& item : loom::test::cases_with(fixture, "labels")) {
      INFO(item["name"].get<std::string>());
      const auto y_true = loom::test::to_labels(item["y_true"]);
      const auto y_pred = loom::test::to_labels(item["y_pred"]);
      const auto labels = loom::test::to_labels(item["labels"]);
      const auto& values = item["values"];
      nlohmann::json report;
      Eigen::MatrixXd probabilities;
      if (item["y_score"].is_null()) {
        report = metrics::classification_report_json(y_true, y_pred);
        CHECK(keys_of(report) == kLabelKeys);
      } else {
        probabilities = two_columns(loom::test::to_vector(item["y_score"]));
        report = metrics::classification_report_json(y_true, y_pred, &probabilities, labels);
        CHECK(keys_of(report) == binary_keys());
        for (const std::string key :
             {"precision", "recall", "f1", "roc_auc", "average_precision", "log_loss"}) {
          CHECK_METRIC(report[key].get<double>(), values[key]);
        }
      }
      for (const std::string key :
           {"accuracy", "balanced_accuracy", "precision_macro", "recall_macro", "f1_macro",
            "f1_weighted", "cohen_kappa", "matthews_corrcoef"}) {
        CHECK_METRIC(loom::test::number_or_nan(report[key]), values[key]);
      }
      CHECK(report["confusion_matrix"]["labels"] == item["labels"]);
      CHECK(report["confusion_matrix"]["matrix"] == values["confusion_matrix"]);
    }
  }
}

TEST_CASE("classification_report_json leaves probability metrics out when not binary",
          "[metrics][report]") {
  const std::vector<std::string> y_true{"a", "b", "c", "a"};
  const std::vector<std::string> y_pred{"a", "b", "b", "a"};
  const std::vector<std::string> classes{"a", "b", "c"};
  const Eigen::MatrixXd probabilities = Eigen::MatrixXd::Constant(4, 3, 1.0 / 3.0);
  const auto report = metrics::classification_report_json(y_true, y_pred, &probabilities, classes);
  CHECK(keys_of(report) == kLabelKeys);
  CHECK(report["confusion_matrix"]["labels"] == nlohmann::json({"a", "b", "c"}));
}

TEST_CASE("classification_report_json writes null for an undefined roc_auc", "[metrics][report]") {
  const std::vector<std::string> y_true{"1", "1", "1"};
  const std::vector<std::string> y_pred{"1", "0", "1"};
  const std::vector<std::string> classes{"0", "1"};
  const Eigen::MatrixXd probabilities = two_columns({0.9, 0.4, 0.8});
  const auto report = metrics::classification_report_json(y_true, y_pred, &probabilities, classes);
  CHECK(report["roc_auc"].is_null());
  CHECK(report["recall"].get<double>() == Approx(2.0 / 3.0));
  CHECK(report["average_precision"].get<double>() == 1.0);
  CHECK(report["confusion_matrix"]["labels"] == nlohmann::json({0, 1}));
}

TEST_CASE("classification_report_json rejects probabilities without classes", "[metrics][report]") {
  const std::vector<std::string> y_true{"0", "1"};
  const Eigen::MatrixXd probabilities = two_columns({0.2, 0.7});
  CHECK_LOOM_THROWS(metrics::classification_report_json(y_true, y_true, &probabilities),
                    loom::ParameterError, "probabilities have 2 columns but 0 classes");
  const Eigen::MatrixXd three_rows = two_columns({0.2, 0.7, 0.5});
  const std::vector<std::string> classes{"0", "1"};
  CHECK_LOOM_THROWS(metrics::classification_report_json(y_true, y_true, &three_rows, classes),
                    loom::DataError, "y_true has 2 values but probabilities has 3");
}

TEST_CASE("regression_report_json matches the fixtures", "[metrics][report]") {
  for (const auto& item : loom::test::fixture_cases("core/metrics.json")) {
    if (item.contains("labels")) continue;
    INFO(item["name"].get<std::string>());
    const auto report = metrics::regression_report_json(loom::test::to_vector(item["y_true"]),
                                                        loom::test::to_vector(item["y_pred"]));
    CHECK(keys_of(report) == keys_of(item["values"]));
    for (const auto& [key, expected] : item["values"].items())
      CHECK_METRIC(report[key].get<double>(), expected);
  }
}
