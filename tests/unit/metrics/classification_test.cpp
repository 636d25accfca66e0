#include "loom/metrics/classification.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "check_throws.hpp"
#include "loom/core/error.hpp"
#include "metrics_fixture.hpp"

namespace metrics = loom::metrics;
using metrics::Average;

namespace {
std::vector<nlohmann::json> all_classification_cases() {
  auto cases = loom::test::cases_with("core/metrics.json", "labels");
  for (auto& item : loom::test::cases_with("metrics/classification.json", "labels"))
    cases.push_back(std::move(item));
  return cases;
}
}  // namespace

TEST_CASE("label metrics match scikit-learn on the fixtures", "[metrics][classification]") {
  for (const auto& item : all_classification_cases()) {
    INFO(item["name"].get<std::string>());
    const auto y_true = loom::test::to_labels(item["y_true"]);
    const auto y_pred = loom::test::to_labels(item["y_pred"]);
    const auto& values = item["values"];
    const auto matrix = metrics::confusion_matrix(y_true, y_pred);

    CHECK_METRIC(metrics::accuracy_score(y_true, y_pred), values["accuracy"]);
    CHECK_METRIC(metrics::accuracy_score(matrix), values["accuracy"]);
    CHECK_METRIC(metrics::balanced_accuracy_score(y_true, y_pred), values["balanced_accuracy"]);
    CHECK_METRIC(metrics::precision_score(y_true, y_pred, Average::macro),
                 values["precision_macro"]);
    CHECK_METRIC(metrics::recall_score(y_true, y_pred, Average::macro), values["recall_macro"]);
    CHECK_METRIC(metrics::f1_score(y_true, y_pred, Average::macro), values["f1_macro"]);
    CHECK_METRIC(metrics::f1_score(matrix, Average::weighted), values["f1_weighted"]);
    CHECK_METRIC(metrics::cohen_kappa_score(y_true, y_pred), values["cohen_kappa"]);
    CHECK_METRIC(metrics::matthews_corrcoef(y_true, y_pred), values["matthews_corrcoef"]);
    if (values.contains("pos_label")) {
      const std::string positive = loom::test::label_string(values["pos_label"]);
      CHECK_METRIC(metrics::precision_score(y_true, y_pred, Average::binary, positive),
                   values["precision"]);
      CHECK_METRIC(metrics::recall_score(y_true, y_pred, Average::binary, positive),
                   values["recall"]);
      CHECK_METRIC(metrics::f1_score(y_true, y_pred, Average::binary, positive), values["f1"]);
    }
    if (values.contains("precision_micro")) {
      CHECK_METRIC(metrics::precision_score(matrix, Average::micro), values["precision_micro"]);
      CHECK_METRIC(metrics::recall_score(matrix, Average::micro), values["recall_micro"]);
      CHECK_METRIC(metrics::f1_score(matrix, Average::micro), values["f1_micro"]);
      CHECK_METRIC(metrics::precision_score(matrix, Average::weighted),
                   values["precision_weighted"]);
      CHECK_METRIC(metrics::recall_score(matrix, Average::weighted), values["recall_weighted"]);
      const auto per_class = metrics::precision_recall_fscore_support(matrix);
      const auto& expected = values["per_class"];
      for (std::size_t index = 0; index < per_class.labels.size(); ++index) {
        CHECK_METRIC(per_class.precision[index], expected["precision"][index]);
        CHECK_METRIC(per_class.recall[index], expected["recall"][index]);
        CHECK_METRIC(per_class.f1[index], expected["f1"][index]);
        CHECK(per_class.support[index] == expected["support"][index].get<std::int64_t>());
      }
    }
  }
}

TEST_CASE("binary scores default to pos_label 1 and score an absent one as 0",
          "[metrics][classification]") {
  const std::vector<std::string> y_true{"0", "1", "1", "0"};
  const std::vector<std::string> y_pred{"1", "1", "0", "0"};
  CHECK(metrics::precision_score(y_true, y_pred) == 0.5);
  CHECK(metrics::recall_score(y_true, y_pred, Average::binary, "0") == 0.5);
  const std::vector<std::string> only_zero{"0", "0"};
  CHECK(metrics::f1_score(only_zero, only_zero) == 0.0);
}

TEST_CASE("Average names round-trip", "[metrics][classification]") {
  for (const Average average :
       {Average::binary, Average::micro, Average::macro, Average::weighted}) {
    CHECK(metrics::average_from_string(metrics::to_string(average)) == average);
  }
  CHECK_LOOM_THROWS(metrics::average_from_string("samples"), loom::ParameterError,
                    "unknown average \"samples\"");
}

TEST_CASE("classification metrics reject bad inputs naming the metric",
          "[metrics][classification]") {
  const std::vector<std::string> three{"a", "b", "c"};
  const std::vector<std::string> two{"a", "b"};
  const std::vector<std::string> none;
  CHECK_LOOM_THROWS(metrics::accuracy_score(three, two), loom::DataError,
                    "accuracy_score: y_true has 3 values but y_pred has 2");
  CHECK_LOOM_THROWS(metrics::f1_score(two, three, Average::macro), loom::DataError,
                    "f1_score: y_true has 2 values but y_pred has 3");
  CHECK_LOOM_THROWS(metrics::matthews_corrcoef(none, none), loom::DataError,
                    "matthews_corrcoef: y_true is empty");
  CHECK_LOOM_THROWS(metrics::f1_score(three, three), loom::ParameterError,
                    "average=binary needs at most two labels but found 3 (\"a\", \"b\", \"c\")");
  CHECK_LOOM_THROWS(metrics::precision_score(two, two, Average::binary, "maybe"),
                    loom::ParameterError, "pos_label \"maybe\" is not a valid label");
}
