#pragma once
// Adaptive synthetic over-sampling: like SMOTE, but each row of a targeted class gets new
// samples in proportion to how many of its n_neighbors nearest rows (all classes) belong to
// other classes. Output: input rows, then new ones. Numeric features only. imbalanced-learn:
// imblearn.over_sampling.ADASYN (the same rows for the same random_state). Throws
// ParameterError, or DataError for non-numeric or missing features, or a class none of whose
// neighbours are of another class.
#include <cstdint>
#include <optional>

#include "loom/core/step.hpp"

namespace loom::clean {

struct ADASYNParams {
  Json sampling_strategy = "auto";                          // see sampling_strategy.hpp
  std::optional<std::int64_t> random_state = std::nullopt;  // null: not reproducible
  int n_neighbors = 5;
  std::optional<int> n_jobs = std::nullopt;
  static const ParamTable<ADASYNParams>& table();
};

class ADASYN : public StepWithParams<ADASYN, Resampler, ADASYNParams> {
 public:
  static constexpr std::string_view kTypeName = "ADASYN";
  using StepWithParams::StepWithParams;

  std::pair<Table, Column> fit_resample(const Table& x, const Column& y) override;
};

}  // namespace loom::clean
