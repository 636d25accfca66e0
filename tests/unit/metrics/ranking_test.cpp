#include "loom/metrics/ranking.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "check_throws.hpp"
#include "loom/core/error.hpp"
#include "metrics_fixture.hpp"

namespace metrics = loom::metrics;

TEST_CASE("roc_auc_score and average_precision_score match scikit-learn", "[metrics][ranking]") {
  for (const std::string fixture : {"core/metrics.json", "metrics/classification.json"}) {
    for (const auto& item : loom::test::cases_with(fixture, "labels")) {
      if (item["y_score"].is_null()) continue;
      INFO(item["name"].get<std::string>());
      const auto y_true = loom::test::to_labels(item["y_true"]);
      const auto y_score = loom::test::to_vector(item["y_score"]);
      const auto& values = item["values"];
      const std::string positive = loom::test::label_string(values["pos_label"]);
      CHECK_METRIC(metrics::roc_auc_score(y_true, y_score), values["roc_auc"]);
      CHECK_METRIC(metrics::roc_auc_score(y_true, y_score, positive), values["roc_auc"]);
      CHECK_METRIC(metrics::average_precision_score(y_true, y_score), values["average_precision"]);
      CHECK_METRIC(metrics::average_precision_score(y_true, y_score, positive),
                   values["average_precision"]);
    }
  }
}

TEST_CASE("roc_auc_score of the other class is the complement", "[metrics][ranking]") {
  const std::vector<std::string> y_true{"no", "yes", "yes", "no", "yes"};
  const std::vector<double> y_score{0.1, 0.8, 0.3, 0.3, 0.9};
  const double auc = metrics::roc_auc_score(y_true, y_score);
  CHECK(auc == Approx(5.5 / 6.0));
  CHECK(metrics::roc_auc_score(y_true, y_score, "no") == Approx(1.0 - auc));
}

TEST_CASE("average_precision_score is 0 without positive samples", "[metrics][ranking]") {
  const std::vector<std::string> y_true{"0", "0", "0"};
  const std::vector<double> y_score{0.2, 0.5, 0.9};
  CHECK(metrics::average_precision_score(y_true, y_score, "1") == 0.0);
  CHECK(metrics::average_precision_score(y_true, y_score, "0") == 1.0);
}

TEST_CASE("ranking metrics reject bad inputs", "[metrics][ranking]") {
  const std::vector<std::string> one_class{"a", "a", "a"};
  const std::vector<std::string> two_classes{"a", "b", "a"};
  const std::vector<std::string> three_classes{"a", "b", "c"};
  const std::vector<double> scores{0.1, 0.2, 0.3};
  const std::vector<double> with_nan{0.1, std::numeric_limits<double>::quiet_NaN(), 0.3};
  const std::vector<double> short_scores{0.1};
  CHECK_LOOM_THROWS(metrics::roc_auc_score(one_class, scores), loom::DataError,
                    "roc_auc_score: only one class present in y_true (\"a\")");
  CHECK_LOOM_THROWS(metrics::roc_auc_score(one_class, scores, "a"), loom::DataError,
                    "ROC AUC is not defined");
  CHECK_LOOM_THROWS(metrics::roc_auc_score(three_classes, scores), loom::DataError,
                    "y_true has more than two classes");
  CHECK_LOOM_THROWS(metrics::roc_auc_score(two_classes, with_nan), loom::DataError,
                    "roc_auc_score: y_score[1] is NaN");
  CHECK_LOOM_THROWS(metrics::roc_auc_score(two_classes, short_scores), loom::DataError,
                    "y_true has 3 values but y_score has 1");
  CHECK_LOOM_THROWS(metrics::roc_auc_score(two_classes, scores, "z"), loom::ParameterError,
                    "pos_label \"z\" is not a label of y_true");
  CHECK_LOOM_THROWS(metrics::average_precision_score(one_class, scores), loom::DataError,
                    "average_precision_score: y_true holds only one class (\"a\")");
}
