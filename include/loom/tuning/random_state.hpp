#pragma once
// The random generator of the splitters and searches: numpy's legacy RandomState, shared with
// the resamplers (loom/core/random_state.hpp).
#include "loom/core/random_state.hpp"

namespace loom::tuning {

using RandomState = loom::RandomState;

}  // namespace loom::tuning
