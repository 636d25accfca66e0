#pragma once
// Group fairness of binary predictions, as fairlearn's MetricFrame and its summary metrics:
// per group of a protected attribute, the positive-prediction (selection) rate, true-positive
// rate and false-positive rate; demographic-parity difference (max - min selection rate) and
// ratio (min / max), and equalised-odds difference (the larger of the TPR and FPR spreads).
// A rate without samples to define it is NaN and left out of the summaries. Throws DataError
// on empty or mismatched inputs, and when y_true / y_pred hold more than two labels.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace loom::tuning {

struct GroupRates {
  std::string group;
  std::size_t count = 0;
  double selection_rate = 0.0;
  double true_positive_rate = 0.0;
  double false_positive_rate = 0.0;
};

struct FairnessReport {
  std::vector<GroupRates> groups;  // sorted by group
  double demographic_parity_difference = 0.0;
  double demographic_parity_ratio = 0.0;
  double equalized_odds_difference = 0.0;
};

// pos_label empty: the larger of the labels of y_true and y_pred.
FairnessReport fairness_report(std::span<const std::string> y_true,
                               std::span<const std::string> y_pred,
                               std::span<const std::string> groups,
                               std::string_view pos_label = {});

}  // namespace loom::tuning
