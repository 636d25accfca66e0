#pragma once
// scikit-learn's _handle_zeros_in_scale: a scale below 10 machine epsilons (a constant
// feature) becomes 1, so dividing by it leaves values unchanged. NaN stays NaN. Internal.
#include <limits>

namespace loom::features::detail {

inline double nonzero_scale(double scale) {
  return scale < 10.0 * std::numeric_limits<double>::epsilon() ? 1.0 : scale;
}

}  // namespace loom::features::detail
