#include "loom/tuning/robustness.hpp"

#include <fmt/format.h>

#include <cmath>

#include "loom/core/error.hpp"
#include "loom/tuning/random_state.hpp"

namespace loom::tuning {

RobustnessCurve robustness_curve(const pipeline::Pipeline& fitted, const Dataset& x,
                                 const Column& y, std::span<const double> noise_levels,
                                 const std::string& scoring, double threshold,
                                 std::uint32_t random_state) {
  if (!fitted.is_fitted()) {
    throw NotFittedError(
        "robustness_curve: the pipeline must be fitted before its robustness "
        "is measured");
  }
  for (const double level : noise_levels) {
    if (!(level >= 0.0)) {
      throw ParameterError(fmt::format("robustness_curve: noise level {} must be >= 0", level));
    }
  }
  const std::vector<std::string> scorers{scoring.empty() ? default_scoring(fitted) : scoring};
  check_scoring(fitted, scorers);
  RobustnessCurve curve;
  RandomState rng(random_state);
  for (const double level : noise_levels) {
    Dataset noisy = x;
    if (level > 0.0) {
      for (const auto& name : x.names_of_type(ColumnType::numeric)) {
        std::vector<double>& values = noisy.column_mut(name).numeric_values_mut();
        double sum = 0.0;
        std::size_t count = 0;
        for (const double v : values) {
          if (!std::isnan(v)) sum += v, ++count;
        }
        if (count == 0) continue;
        const double mean = sum / static_cast<double>(count);
        double squares = 0.0;
        for (const double v : values) {
          if (!std::isnan(v)) squares += (v - mean) * (v - mean);
        }
        const double scale = level * std::sqrt(squares / static_cast<double>(count));
        for (double& v : values) {
          // Box-Muller: one standard normal from two uniform draws.
          const double u = 1.0 - rng.random_sample();
          const double normal =
              std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * rng.random_sample());
          if (!std::isnan(v)) v += scale * normal;
        }
      }
    }
    const double score = score_fitted(fitted, noisy, y, scorers)[0];
    curve.noise_levels.push_back(level);
    curve.scores.push_back(score);
    if (!curve.breaking_level && score < threshold) curve.breaking_level = level;
  }
  return curve;
}

}  // namespace loom::tuning
