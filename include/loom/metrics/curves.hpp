#pragma once
// Threshold curves of a binary score, as scikit-learn 1.2's roc_curve (with
// drop_intermediate, and a first threshold of max score + 1) and precision_recall_curve
// (every threshold kept, recall decreasing, ending at precision 1, recall 0). pos_label
// empty: the larger of the two labels. Throws as roc_auc_score: DataError on empty or
// mismatched inputs, a non-finite score or more than two classes; ParameterError for a
// pos_label that is not a label.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace loom::metrics {

struct RocCurve {
  std::vector<double> fpr;
  std::vector<double> tpr;  // NaN everywhere when y_true has no positive, as scikit-learn
  std::vector<double> thresholds;
};
RocCurve roc_curve(std::span<const std::string> y_true, std::span<const double> y_score,
                   std::string_view pos_label = {}, bool drop_intermediate = true);

struct PrecisionRecallCurve {
  std::vector<double> precision;
  std::vector<double> recall;
  std::vector<double> thresholds;  // increasing; one fewer than precision and recall
};
PrecisionRecallCurve precision_recall_curve(std::span<const std::string> y_true,
                                            std::span<const double> y_score,
                                            std::string_view pos_label = {});

}  // namespace loom::metrics
