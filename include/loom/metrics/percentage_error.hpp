#pragma once
// Mean absolute percentage error, as sklearn.metrics.mean_absolute_percentage_error:
// mean of |y_pred - y_true| / max(|y_true|, machine epsilon) (a fraction, not a percentage).
// Throws DataError on empty or mismatched inputs and non-finite values.
#include <span>

namespace loom::metrics {

double mean_absolute_percentage_error(std::span<const double> y_true,
                                      std::span<const double> y_pred);

}  // namespace loom::metrics
