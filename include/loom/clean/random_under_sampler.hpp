#pragma once
// Under-samples the targeted classes by keeping a random subset of their rows (with or
// without replacement). Output: the kept rows in input order. Any column type is carried
// through. imbalanced-learn: imblearn.under_sampling.RandomUnderSampler (the same rows for
// the same random_state). Throws ParameterError for a bad sampling_strategy, DataError for a
// missing label.
#include <cstdint>
#include <optional>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::clean {

struct RandomUnderSamplerParams {
  Json sampling_strategy = "auto";                          // see sampling_strategy.hpp
  std::optional<std::int64_t> random_state = std::nullopt;  // null: not reproducible
  bool replacement = false;
  static const ParamTable<RandomUnderSamplerParams>& table();
};

class RandomUnderSampler
    : public StepWithParams<RandomUnderSampler, Resampler, RandomUnderSamplerParams> {
 public:
  static constexpr std::string_view kTypeName = "RandomUnderSampler";
  using StepWithParams::StepWithParams;

  std::pair<Table, Column> fit_resample(const Table& x, const Column& y) override;

  // The input rows the last fit_resample kept, in output order (imblearn's sample_indices_).
  const std::vector<std::size_t>& sample_indices() const { return sample_indices_; }

 private:
  std::vector<std::size_t> sample_indices_;
};

}  // namespace loom::clean
