#pragma once
// numpy's percentile with its default "linear" method, on values already sorted (no NaN):
// the same virtual index and the same two-sided interpolation (numpy's _lerp), so results
// agree bit for bit. Internal to loom::features.
#include <cmath>
#include <cstddef>
#include <span>

namespace loom::features::detail {

// q in [0, 100].
inline double percentile_sorted(std::span<const double> sorted, double q) {
  const std::size_t n = sorted.size();
  const double virtual_index = static_cast<double>(n - 1) * (q / 100.0);
  if (virtual_index >= static_cast<double>(n - 1)) return sorted[n - 1];
  if (virtual_index < 0) return sorted[0];
  const double previous = std::floor(virtual_index);
  const auto index = static_cast<std::size_t>(previous);
  const double gamma = virtual_index - previous;
  const double a = sorted[index], b = sorted[index + 1];
  const double diff = b - a;
  return gamma >= 0.5 ? b - diff * (1.0 - gamma) : a + diff * gamma;
}

// np.median of sorted values: the middle one, or the mean of the middle two.
inline double median_sorted(std::span<const double> sorted) {
  const std::size_t n = sorted.size();
  if (n % 2 == 1) return sorted[n / 2];
  return (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
}

}  // namespace loom::features::detail
