#pragma once
// Robustness of a fitted pipeline to noisy inputs: the score as Gaussian noise of growing level
// (level x each numeric column's standard deviation, ddof 0) is added to the numeric columns,
// and the first level at which the score falls below a threshold. Seeded (numpy's
// RandomState draws, Box-Muller normals), so a curve is reproducible. No scikit-learn
// counterpart. Throws ParameterError for a negative level or a bad scorer, NotFittedError for
// an unfitted pipeline, and what scoring throws.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "loom/tuning/cross_validate.hpp"

namespace loom::tuning {

struct RobustnessCurve {
  std::vector<double> noise_levels;
  std::vector<double> scores;
  std::optional<double> breaking_level;  // first level scoring below the threshold
};

RobustnessCurve robustness_curve(const pipeline::Pipeline& fitted, const Dataset& x,
                                 const Column& y, std::span<const double> noise_levels,
                                 const std::string& scoring, double threshold,
                                 std::uint32_t random_state = 0);

}  // namespace loom::tuning
