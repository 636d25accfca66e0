// The metrics issue 6 adds (F-beta, weighted kappa, ROC / PR curves, one-vs-rest ROC AUC, MAPE,
// calibration_curve) against scikit-learn 1.2 to 1e-12 (tests/reference/make_tuning.py).
#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "loom/core/error.hpp"
#include "loom/metrics/calibration.hpp"
#include "loom/metrics/curves.hpp"
#include "loom/metrics/fbeta.hpp"
#include "loom/metrics/multiclass_roc_auc.hpp"
#include "loom/metrics/percentage_error.hpp"
#include "loom/metrics/weighted_kappa.hpp"

using namespace loom;
using namespace loom::metrics;
using nlohmann::json;

namespace {
constexpr double kTolerance = 1e-12;

void check_vector(const std::vector<double>& actual, const json& expected) {
  const auto wanted = loom::test::to_vector(expected);
  REQUIRE(actual.size() == wanted.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    INFO("index " << i);
    CHECK(loom::test::close(actual[i], wanted[i], kTolerance));
  }
}

std::vector<std::string> strings(const json& values) {
  return values.get<std::vector<std::string>>();
}
}  // namespace

TEST_CASE("fbeta_score and weighted cohen_kappa_score match scikit-learn", "[metrics][fbeta]") {
  const json fixture = loom::test::load_fixture("tuning/metrics.json");
  const json& cases = fixture["cases"];
  int checked = 0;
  for (const auto& item : cases) {
    if (item["kind"] != "labels") continue;
    const auto y_true = strings(item["y_true"]);
    const auto y_pred = strings(item["y_pred"]);
    for (const auto& entry : item["fbeta"]) {
      INFO(item["name"] << " beta " << entry["beta"] << " " << entry["average"]);
      const double value = fbeta_score(y_true, y_pred, entry["beta"].get<double>(),
                                       average_from_string(entry["average"].get<std::string>()),
                                       entry["pos_label"].get<std::string>());
      CHECK(loom::test::close(value, entry["value"].get<double>(), kTolerance));
      ++checked;
    }
    for (const auto& [weights, expected] : item["kappa"].items()) {
      INFO(item["name"] << " kappa " << weights);
      CHECK(loom::test::close(cohen_kappa_score(y_true, y_pred, kappa_weights_from_string(weights)),
                              expected.get<double>(), kTolerance));
    }
  }
  CHECK(checked == 44);
  CHECK_LOOM_THROWS(fbeta_score(std::vector<std::string>{"1"}, std::vector<std::string>{"1"}, -1.0),
                    ParameterError, "beta = -1");
  CHECK_LOOM_THROWS(kappa_weights_from_string("cubic"), ParameterError, "weights \"cubic\"");
}

TEST_CASE("roc_curve, precision_recall_curve and calibration_curve match scikit-learn",
          "[metrics][curves]") {
  const json fixture = loom::test::load_fixture("tuning/metrics.json");
  const json& cases = fixture["cases"];
  int checked = 0;
  for (const auto& item : cases) {
    if (item["kind"] != "curves") continue;
    INFO(item["name"]);
    const auto y_true = strings(item["y_true"]);
    const auto y_score = item["y_score"].get<std::vector<double>>();
    const auto roc = roc_curve(y_true, y_score, "b");
    check_vector(roc.fpr, item["roc"]["fpr"]);
    check_vector(roc.tpr, item["roc"]["tpr"]);
    check_vector(roc.thresholds, item["roc"]["thresholds"]);
    const auto all = roc_curve(y_true, y_score, "b", false);
    check_vector(all.fpr, item["roc_all"]["fpr"]);
    check_vector(all.thresholds, item["roc_all"]["thresholds"]);
    const auto pr = precision_recall_curve(y_true, y_score);  // "b" is the larger label
    check_vector(pr.precision, item["pr"]["precision"]);
    check_vector(pr.recall, item["pr"]["recall"]);
    check_vector(pr.thresholds, item["pr"]["thresholds"]);
    for (const auto& entry : item["calibration"]) {
      INFO(entry["strategy"] << " n_bins " << entry["n_bins"]);
      const auto curve = calibration_curve(y_true, y_score, entry["n_bins"].get<int>(),
                                           entry["strategy"].get<std::string>(), "b");
      check_vector(curve.prob_true, entry["prob_true"]);
      check_vector(curve.prob_pred, entry["prob_pred"]);
    }
    ++checked;
  }
  CHECK(checked == 2);
  const std::vector<std::string> three = {"a", "b", "c"};
  const std::vector<double> scores = {0.1, 0.2, 0.3};
  CHECK_LOOM_THROWS(roc_curve(three, scores), DataError, "only binary targets");
  const std::vector<std::string> two = {"a", "b", "a"};
  CHECK_LOOM_THROWS(roc_curve(two, scores, "z"), ParameterError, "pos_label \"z\"");
  const std::vector<double> outside = {0.1, 1.5, 0.3};
  CHECK_LOOM_THROWS(calibration_curve(two, outside), DataError, "y_prob[1] = 1.5");
  CHECK_LOOM_THROWS(calibration_curve(two, scores, 0), ParameterError, "n_bins = 0");
  CHECK_LOOM_THROWS(calibration_curve(two, scores, 5, "kmeans"), ParameterError,
                    "strategy \"kmeans\"");
}

TEST_CASE("one-vs-rest ROC AUC and MAPE match scikit-learn", "[metrics][roc_auc_ovr]") {
  const json fixture = loom::test::load_fixture("tuning/metrics.json");
  const json& cases = fixture["cases"];
  int checked = 0;
  for (const auto& item : cases) {
    if (item["kind"] == "ovr") {
      const auto y_true = strings(item["y_true"]);
      const auto classes = strings(item["classes"]);
      const Eigen::MatrixXd proba = loom::test::to_matrix(item["proba"]);
      CHECK(loom::test::close(roc_auc_ovr_score(y_true, proba, classes, Average::macro),
                              item["macro"].get<double>(), kTolerance));
      CHECK(loom::test::close(roc_auc_ovr_score(y_true, proba, classes, Average::weighted),
                              item["weighted"].get<double>(), kTolerance));
      Eigen::MatrixXd unnormalised = proba;
      unnormalised(2, 0) += 0.5;
      CHECK_LOOM_THROWS(roc_auc_ovr_score(y_true, unnormalised, classes), DataError,
                        "row 2 sum to");
      CHECK_LOOM_THROWS(roc_auc_ovr_score(y_true, proba, classes, Average::micro), ParameterError,
                        "average \"micro\"");
      ++checked;
    } else if (item["kind"] == "mape") {
      const auto y_true = item["y_true"].get<std::vector<double>>();
      const auto y_pred = item["y_pred"].get<std::vector<double>>();
      CHECK(loom::test::close(mean_absolute_percentage_error(y_true, y_pred),
                              item["value"].get<double>(), kTolerance));
      ++checked;
    }
  }
  CHECK(checked == 2);
}
