#pragma once
// Over-samples the targeted classes by drawing their rows again at random, with replacement;
// with shrinkage, a smoothed bootstrap (Gaussian noise scaled by the class's spread) on
// numeric features. Output: every input row in order, then the new rows. Any column type is
// carried through. imbalanced-learn: imblearn.over_sampling.RandomOverSampler (same draws
// for the same random_state). Throws ParameterError for a bad sampling_strategy or shrinkage,
// DataError for non-numeric features with shrinkage or a missing label.
#include <cstdint>
#include <optional>

#include "loom/core/step.hpp"

namespace loom::clean {

struct RandomOverSamplerParams {
  Json sampling_strategy = "auto";                          // see sampling_strategy.hpp
  std::optional<std::int64_t> random_state = std::nullopt;  // null: not reproducible
  Json shrinkage = nullptr;  // null | a factor >= 0 | {"label": factor} per resampled class
  static const ParamTable<RandomOverSamplerParams>& table();
};

class RandomOverSampler
    : public StepWithParams<RandomOverSampler, Resampler, RandomOverSamplerParams> {
 public:
  static constexpr std::string_view kTypeName = "RandomOverSampler";
  using StepWithParams::StepWithParams;

  std::pair<Table, Column> fit_resample(const Table& x, const Column& y) override;
};

}  // namespace loom::clean
