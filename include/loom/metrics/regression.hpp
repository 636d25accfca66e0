#pragma once
// Regression metrics, as sklearn.metrics: R², mean / median absolute error, (root) mean squared
// error and explained variance. All throw DataError on empty inputs, inputs of different
// lengths, and a NaN or infinite value (naming the input and index).
#include <span>

namespace loom::metrics {

// Coefficient of determination (r2_score). A constant y_true gives 1 for a perfect prediction
// and 0 otherwise (scikit-learn's force_finite); a single sample gives NaN, as scikit-learn.
double r2_score(std::span<const double> y_true, std::span<const double> y_pred);

// Mean of |y_true - y_pred| (mean_absolute_error) and its median (median_absolute_error; the
// mean of the two middle values for an even count).
double mean_absolute_error(std::span<const double> y_true, std::span<const double> y_pred);
double median_absolute_error(std::span<const double> y_true, std::span<const double> y_pred);

// Mean of (y_true - y_pred)² (mean_squared_error) and its square root
// (mean_squared_error(squared=False)).
double mean_squared_error(std::span<const double> y_true, std::span<const double> y_pred);
double root_mean_squared_error(std::span<const double> y_true, std::span<const double> y_pred);

// 1 - Var(y_true - y_pred) / Var(y_true) (explained_variance_score), finite as r2_score.
double explained_variance_score(std::span<const double> y_true, std::span<const double> y_pred);

}  // namespace loom::metrics
