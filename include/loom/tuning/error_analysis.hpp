#pragma once
// Where a classifier's errors concentrate: the most frequent (true, predicted) confusions, and
// the error rate per slice of a column (per value of a categorical or text column, per
// equal-width bin of a numeric one; missing cells form their own slice). No scikit-learn
// counterpart. Throws DataError on empty or mismatched inputs, ParameterError for n_bins < 1.
#include <span>
#include <string>
#include <vector>

#include "loom/core/column.hpp"

namespace loom::tuning {

struct Confusion {
  std::string true_label;
  std::string predicted_label;
  std::size_t count = 0;
};
// The k most frequent wrong (true, predicted) pairs, most frequent first (ties by labels).
std::vector<Confusion> top_confusions(std::span<const std::string> y_true,
                                      std::span<const std::string> y_pred, std::size_t k = 10);

struct SliceError {
  std::string slice;  // the value, "[low, high)" for a bin (the last bin closed), or "missing"
  std::size_t count = 0;
  std::size_t errors = 0;
  double error_rate = 0.0;
};
// Slices in value order (bins in increasing order, missing last).
std::vector<SliceError> error_rate_by_slice(const Column& column,
                                            std::span<const std::string> y_true,
                                            std::span<const std::string> y_pred, int n_bins = 5);

}  // namespace loom::tuning
