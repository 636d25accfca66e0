#pragma once
// Binary ranking metrics over a score per sample (higher = more likely positive): area under
// the ROC curve and average precision, as sklearn.metrics roc_auc_score and
// average_precision_score. Tied scores form one threshold.
#include <span>
#include <string>
#include <string_view>

namespace loom::metrics {

// Area under the ROC curve (trapezoids; scikit-learn's roc_auc_score for binary y_true).
// pos_label empty: the larger of the two labels in y_true. Throws DataError on empty or
// mismatched inputs, a non-finite score, more than two classes in y_true or only one ("ROC AUC
// is not defined"), ParameterError when pos_label is not a label of y_true.
double roc_auc_score(std::span<const std::string> y_true, std::span<const double> y_score,
                     std::string_view pos_label = {});

// Average precision: sum over thresholds of (recall step) * precision, no interpolation
// (average_precision_score). 0 when y_true has no positive sample. pos_label empty: the larger
// of two labels in y_true. Throws as roc_auc_score, and DataError when y_true holds one label
// and no pos_label is given.
double average_precision_score(std::span<const std::string> y_true, std::span<const double> y_score,
                               std::string_view pos_label = {});

}  // namespace loom::metrics
