#include "loom/tuning/fairness.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "loom/core/error.hpp"
#include "loom/metrics/labels.hpp"

namespace loom::tuning {
namespace {

struct Counts {
  std::size_t count = 0, predicted_positive = 0, positive = 0, true_positive = 0, negative = 0,
              false_positive = 0;
};

double ratio(std::size_t numerator, std::size_t denominator) {
  return denominator == 0 ? std::numeric_limits<double>::quiet_NaN()
                          : static_cast<double>(numerator) / static_cast<double>(denominator);
}

// max - min and min / max over the defined (non-NaN) values; NaN when none.
std::pair<double, double> spread(const std::vector<double>& values) {
  double low = std::numeric_limits<double>::infinity();
  double high = -low;
  for (const double value : values) {
    if (std::isnan(value)) continue;
    low = std::min(low, value);
    high = std::max(high, value);
  }
  if (low > high) return {std::nan(""), std::nan("")};
  return {high - low, high == 0.0 ? std::nan("") : low / high};
}

}  // namespace

FairnessReport fairness_report(std::span<const std::string> y_true,
                               std::span<const std::string> y_pred,
                               std::span<const std::string> groups, std::string_view pos_label) {
  if (y_true.empty()) throw DataError("fairness_report: y_true is empty");
  if (y_pred.size() != y_true.size() || groups.size() != y_true.size()) {
    throw DataError(fmt::format(
        "fairness_report: y_true has {} values, y_pred {} and groups {}; they must match",
        y_true.size(), y_pred.size(), groups.size()));
  }
  const auto labels = metrics::unique_labels(y_true, y_pred);
  if (labels.size() > 2) {
    throw DataError(
        fmt::format("fairness_report: needs binary labels, found {} (\"{}\", \"{}\", \"{}\", ...)",
                    labels.size(), labels[0], labels[1], labels[2]));
  }
  const std::string positive = pos_label.empty() ? labels.back() : std::string(pos_label);
  std::map<std::string, Counts, std::less<>> by_group;
  for (std::size_t i = 0; i < y_true.size(); ++i) {
    Counts& counts = by_group[groups[i]];
    const bool actual = y_true[i] == positive;
    const bool predicted = y_pred[i] == positive;
    ++counts.count;
    counts.predicted_positive += predicted;
    counts.positive += actual;
    counts.true_positive += actual && predicted;
    counts.negative += !actual;
    counts.false_positive += !actual && predicted;
  }
  FairnessReport report;
  std::vector<double> selection, tpr, fpr;
  for (const auto& [group, counts] : by_group) {
    GroupRates rates{group, counts.count, ratio(counts.predicted_positive, counts.count),
                     ratio(counts.true_positive, counts.positive),
                     ratio(counts.false_positive, counts.negative)};
    selection.push_back(rates.selection_rate);
    tpr.push_back(rates.true_positive_rate);
    fpr.push_back(rates.false_positive_rate);
    report.groups.push_back(std::move(rates));
  }
  std::tie(report.demographic_parity_difference, report.demographic_parity_ratio) =
      spread(selection);
  report.equalized_odds_difference = std::max(spread(tpr).first, spread(fpr).first);
  return report;
}

}  // namespace loom::tuning
