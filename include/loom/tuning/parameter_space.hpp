#pragma once
// The candidates of a hyperparameter search, as scikit-learn's ParameterGrid and
// ParameterSampler. Parameters are named by dotted path ("model.C"); a grid maps each name to
// a list of values (or is a list of such maps); distributions map names to
// {"uniform": [low, high]}, {"loguniform": [low, high]}, {"randint": [low, high)},
// {"choice": [...]} or a plain list (a choice). Candidates come in scikit-learn's order and,
// with the same seed, with scikit-learn's draws (names sorted as scikit-learn sorts
// "model__C"). Malformed grids or distributions throw ParameterError naming the parameter.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "loom/core/params.hpp"

namespace loom::tuning {

// Every combination of a grid, the last name (in sorted order) varying fastest.
std::vector<Json> parameter_grid(const Json& grid);

// n_iter candidates drawn from distributions with numpy's RandomState(random_state). When every
// entry is a list, distinct grid points are sampled without replacement (at most the grid's
// size), as scikit-learn does.
std::vector<Json> parameter_sampler(const Json& distributions, std::size_t n_iter,
                                    std::uint32_t random_state);

}  // namespace loom::tuning
