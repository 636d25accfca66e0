#include "loom/metrics/percentage_error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "loom/metrics/detail/checks.hpp"

namespace loom::metrics {

double mean_absolute_percentage_error(std::span<const double> y_true,
                                      std::span<const double> y_pred) {
  constexpr std::string_view kCaller = "mean_absolute_percentage_error";
  detail::check_pair(kCaller, "y_true", y_true.size(), "y_pred", y_pred.size());
  detail::check_finite(kCaller, "y_true", y_true);
  detail::check_finite(kCaller, "y_pred", y_pred);
  constexpr double kEpsilon = std::numeric_limits<double>::epsilon();
  double sum = 0.0;
  for (std::size_t i = 0; i < y_true.size(); ++i)
    sum += std::abs(y_pred[i] - y_true[i]) / std::max(std::abs(y_true[i]), kEpsilon);
  return sum / static_cast<double>(y_true.size());
}

}  // namespace loom::metrics
