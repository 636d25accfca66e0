#pragma once
// The confusion matrix of a classifier's predictions, from which the label-based
// classification metrics are computed (scikit-learn's sklearn.metrics.confusion_matrix).
#include <Eigen/Core>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace loom::metrics {

using CountMatrix = Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic>;

// counts(i, j) = number of samples whose true label is labels[i] and predicted label labels[j]
// (rows = true class, columns = predicted class), as scikit-learn.
struct ConfusionMatrix {
  std::vector<std::string> labels;
  CountMatrix counts;

  // Number of samples counted.
  std::int64_t total() const { return counts.sum(); }
  // Position of label in labels, or -1 when absent.
  std::ptrdiff_t index_of(std::string_view label) const;
};

// Counts (true, predicted) pairs. labels empty: the sorted union of y_true and y_pred (see
// labels.hpp); otherwise that order, and samples with other labels are left out, as
// scikit-learn. Throws DataError on empty or mismatched inputs and when no label of the list
// occurs in y_true, ParameterError on a repeated label.
ConfusionMatrix confusion_matrix(std::span<const std::string> y_true,
                                 std::span<const std::string> y_pred,
                                 std::span<const std::string> labels = {});

// The same from integer codes into labels (as a categorical column or a model's classes_ index
// its values). Throws DataError on empty or mismatched inputs and on a code outside labels.
ConfusionMatrix confusion_matrix(std::span<const std::int32_t> true_codes,
                                 std::span<const std::int32_t> pred_codes,
                                 std::vector<std::string> labels);

}  // namespace loom::metrics
