#pragma once
// The random generator of the resamplers: numpy's legacy RandomState (loom/core/random_state.hpp)
// and scikit-learn's check_random_state.
#include <cstdint>
#include <optional>

#include "loom/core/random_state.hpp"

namespace loom::clean::detail {

using RandomState = loom::RandomState;

// scikit-learn's check_random_state for the resamplers: with a seed, a generator freshly
// seeded (as imbalanced-learn rebuilds RandomState(int) at each call); without one, a
// generator seeded from std::random_device. The seed must be in [0, 2^32) (checked with the
// step's parameters: see random_state_check).
RandomState check_random_state(std::optional<std::int64_t> seed);

}  // namespace loom::clean::detail
