#include "loom/metrics/regression.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <vector>

#include "loom/metrics/detail/checks.hpp"

namespace loom::metrics {
namespace {

void check_inputs(std::string_view caller, std::span<const double> y_true,
                  std::span<const double> y_pred) {
  detail::check_pair(caller, "y_true", y_true.size(), "y_pred", y_pred.size());
  detail::check_finite(caller, "y_true", y_true);
  detail::check_finite(caller, "y_pred", y_pred);
}

double mean(std::span<const double> values) {
  double sum = 0.0;
  for (const double value : values)
    sum += value;
  return sum / static_cast<double>(values.size());
}

// 1 - numerator / denominator, kept finite as scikit-learn's force_finite=True does: a zero
// denominator gives 1 for a zero numerator and 0 otherwise.
double one_minus_ratio(double numerator, double denominator) {
  if (denominator == 0.0) return numerator == 0.0 ? 1.0 : 0.0;
  return 1.0 - numerator / denominator;
}

double sum_squared_deviation(std::span<const double> values, double center) {
  double sum = 0.0;
  for (const double value : values)
    sum += (value - center) * (value - center);
  return sum;
}

}  // namespace

double r2_score(std::span<const double> y_true, std::span<const double> y_pred) {
  check_inputs("r2_score", y_true, y_pred);
  // scikit-learn: "R^2 score is not well-defined with less than two samples".
  if (y_true.size() < 2) return std::numeric_limits<double>::quiet_NaN();
  double residual_sum = 0.0;
  for (std::size_t index = 0; index < y_true.size(); ++index)
    residual_sum += (y_true[index] - y_pred[index]) * (y_true[index] - y_pred[index]);
  return one_minus_ratio(residual_sum, sum_squared_deviation(y_true, mean(y_true)));
}

double mean_absolute_error(std::span<const double> y_true, std::span<const double> y_pred) {
  check_inputs("mean_absolute_error", y_true, y_pred);
  double sum = 0.0;
  for (std::size_t index = 0; index < y_true.size(); ++index)
    sum += std::abs(y_true[index] - y_pred[index]);
  return sum / static_cast<double>(y_true.size());
}

double median_absolute_error(std::span<const double> y_true, std::span<const double> y_pred) {
  check_inputs("median_absolute_error", y_true, y_pred);
  std::vector<double> errors(y_true.size());
  for (std::size_t index = 0; index < y_true.size(); ++index)
    errors[index] = std::abs(y_true[index] - y_pred[index]);
  const std::size_t middle = errors.size() / 2;
  std::nth_element(errors.begin(), errors.begin() + static_cast<std::ptrdiff_t>(middle),
                   errors.end());
  const double upper = errors[middle];
  if (errors.size() % 2 == 1) return upper;
  const double lower =
      *std::max_element(errors.begin(), errors.begin() + static_cast<std::ptrdiff_t>(middle));
  return 0.5 * (lower + upper);
}

double mean_squared_error(std::span<const double> y_true, std::span<const double> y_pred) {
  check_inputs("mean_squared_error", y_true, y_pred);
  double sum = 0.0;
  for (std::size_t index = 0; index < y_true.size(); ++index)
    sum += (y_true[index] - y_pred[index]) * (y_true[index] - y_pred[index]);
  return sum / static_cast<double>(y_true.size());
}

double root_mean_squared_error(std::span<const double> y_true, std::span<const double> y_pred) {
  check_inputs("root_mean_squared_error", y_true, y_pred);
  return std::sqrt(mean_squared_error(y_true, y_pred));
}

double explained_variance_score(std::span<const double> y_true, std::span<const double> y_pred) {
  check_inputs("explained_variance_score", y_true, y_pred);
  std::vector<double> residuals(y_true.size());
  for (std::size_t index = 0; index < y_true.size(); ++index)
    residuals[index] = y_true[index] - y_pred[index];
  const double n = static_cast<double>(y_true.size());
  const double residual_variance = sum_squared_deviation(residuals, mean(residuals)) / n;
  const double true_variance = sum_squared_deviation(y_true, mean(y_true)) / n;
  return one_minus_ratio(residual_variance, true_variance);
}

}  // namespace loom::metrics
