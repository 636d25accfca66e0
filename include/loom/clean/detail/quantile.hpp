#pragma once
// numpy's default ("linear") quantile of sorted values, with numpy 1.24's interpolation
// formula so results agree to the last bit. Internal to loom::clean.
#include <cmath>
#include <cstddef>
#include <span>

namespace loom::clean::detail {

// q in [0, 1]; sorted holds at least one value.
inline double quantile_linear(std::span<const double> sorted, double q) {
  const double virtual_index = static_cast<double>(sorted.size() - 1) * q;
  const double floor_index = std::floor(virtual_index);
  const auto below = static_cast<std::size_t>(floor_index);
  const std::size_t above = below + 1 < sorted.size() ? below + 1 : below;
  const double t = virtual_index - floor_index;
  const double a = sorted[below];
  const double b = sorted[above];
  const double difference = b - a;
  // numpy's _lerp: from the nearer end, so that t = 1 gives b exactly.
  return t >= 0.5 ? b - difference * (1.0 - t) : a + difference * t;
}

// np.percentile(values, percent) of sorted values.
inline double percentile_linear(std::span<const double> sorted, double percent) {
  return quantile_linear(sorted, percent / 100.0);
}

}  // namespace loom::clean::detail
