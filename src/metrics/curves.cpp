#include "loom/metrics/curves.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "loom/core/error.hpp"
#include "loom/metrics/detail/checks.hpp"
#include "loom/metrics/labels.hpp"

namespace loom::metrics {
namespace {

// scikit-learn's _binary_clf_curve: per distinct score, from the highest down, the cumulative
// false and true positives at that threshold.
struct ClfCurve {
  std::vector<double> fps;
  std::vector<double> tps;
  std::vector<double> thresholds;
};

ClfCurve binary_clf_curve(std::string_view caller, std::span<const std::string> y_true,
                          std::span<const double> y_score, std::string_view pos_label) {
  detail::check_pair(caller, "y_true", y_true.size(), "y_score", y_score.size());
  detail::check_finite(caller, "y_score", y_score);
  std::vector<std::string> labels = unique_labels(y_true);
  if (labels.size() > 2) {
    throw DataError(fmt::format(
        "{}: y_true has {} classes (\"{}\", \"{}\", \"{}\", ...); only binary targets are "
        "supported",
        caller, labels.size(), labels[0], labels[1], labels[2]));
  }
  std::string positive(pos_label);
  if (positive.empty()) {
    positive = labels.back();
  } else if (labels.size() == 2 &&
             std::find(labels.begin(), labels.end(), positive) == labels.end()) {
    throw ParameterError(
        fmt::format("{}: pos_label \"{}\" is not a label of y_true (\"{}\", \"{}\")", caller,
                    pos_label, labels[0], labels[1]));
  }
  std::vector<std::size_t> order(y_score.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return y_score[a] > y_score[b]; });
  ClfCurve curve;
  double tps = 0.0;
  double fps = 0.0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const std::size_t row = order[k];
    (y_true[row] == positive ? tps : fps) += 1.0;
    if (k + 1 == order.size() || y_score[order[k + 1]] != y_score[row]) {
      curve.fps.push_back(fps);
      curve.tps.push_back(tps);
      curve.thresholds.push_back(y_score[row]);
    }
  }
  return curve;
}

}  // namespace

RocCurve roc_curve(std::span<const std::string> y_true, std::span<const double> y_score,
                   std::string_view pos_label, bool drop_intermediate) {
  ClfCurve curve = binary_clf_curve("roc_curve", y_true, y_score, pos_label);
  if (drop_intermediate && curve.fps.size() > 2) {
    // Keep the corners: points where the second difference of fps or tps is non-zero.
    ClfCurve kept;
    const std::size_t n = curve.fps.size();
    for (std::size_t i = 0; i < n; ++i) {
      bool keep = i == 0 || i + 1 == n;
      if (!keep) {
        const double fps2 = curve.fps[i + 1] - 2.0 * curve.fps[i] + curve.fps[i - 1];
        const double tps2 = curve.tps[i + 1] - 2.0 * curve.tps[i] + curve.tps[i - 1];
        keep = fps2 != 0.0 || tps2 != 0.0;
      }
      if (keep) {
        kept.fps.push_back(curve.fps[i]);
        kept.tps.push_back(curve.tps[i]);
        kept.thresholds.push_back(curve.thresholds[i]);
      }
    }
    curve = std::move(kept);
  }
  RocCurve roc;
  roc.thresholds.push_back(curve.thresholds.front() + 1.0);
  roc.thresholds.insert(roc.thresholds.end(), curve.thresholds.begin(), curve.thresholds.end());
  const double last_fps = curve.fps.back();
  const double last_tps = curve.tps.back();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  roc.fpr.push_back(last_fps > 0.0 ? 0.0 : nan);
  roc.tpr.push_back(last_tps > 0.0 ? 0.0 : nan);
  for (std::size_t i = 0; i < curve.fps.size(); ++i) {
    roc.fpr.push_back(last_fps > 0.0 ? curve.fps[i] / last_fps : nan);
    roc.tpr.push_back(last_tps > 0.0 ? curve.tps[i] / last_tps : nan);
  }
  return roc;
}

PrecisionRecallCurve precision_recall_curve(std::span<const std::string> y_true,
                                            std::span<const double> y_score,
                                            std::string_view pos_label) {
  const ClfCurve curve = binary_clf_curve("precision_recall_curve", y_true, y_score, pos_label);
  PrecisionRecallCurve result;
  const double last_tps = curve.tps.back();
  for (std::size_t i = curve.tps.size(); i-- > 0;) {
    const double predicted = curve.tps[i] + curve.fps[i];
    result.precision.push_back(predicted != 0.0 ? curve.tps[i] / predicted : 0.0);
    result.recall.push_back(last_tps == 0.0 ? 1.0 : curve.tps[i] / last_tps);
    result.thresholds.push_back(curve.thresholds[i]);
  }
  result.precision.push_back(1.0);
  result.recall.push_back(0.0);
  return result;
}

}  // namespace loom::metrics
