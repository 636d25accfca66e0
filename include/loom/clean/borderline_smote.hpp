#pragma once
// SMOTE from the rows "in danger" only: a row of the class whose m_neighbors nearest rows (all
// classes) are at least half, but not all, of other classes. borderline-1 interpolates toward
// neighbours of the same class; borderline-2 also toward other classes' rows with steps in
// [0, 0.5), indexing them as imbalanced-learn 0.10 does. Output: input rows, then new ones.
// imbalanced-learn: imblearn.over_sampling.BorderlineSMOTE (same rows for the same
// random_state). Throws ParameterError, or DataError for non-numeric or missing features.
#include <cstdint>
#include <optional>
#include <string>

#include "loom/core/step.hpp"

namespace loom::clean {

struct BorderlineSMOTEParams {
  Json sampling_strategy = "auto";                          // see sampling_strategy.hpp
  std::optional<std::int64_t> random_state = std::nullopt;  // null: not reproducible
  int k_neighbors = 5;
  std::optional<int> n_jobs = std::nullopt;
  int m_neighbors = 10;
  std::string kind = "borderline-1";  // "borderline-1" | "borderline-2"
  static const ParamTable<BorderlineSMOTEParams>& table();
};

class BorderlineSMOTE : public StepWithParams<BorderlineSMOTE, Resampler, BorderlineSMOTEParams> {
 public:
  static constexpr std::string_view kTypeName = "BorderlineSMOTE";
  using StepWithParams::StepWithParams;

  std::pair<Table, Column> fit_resample(const Table& x, const Column& y) override;
};

}  // namespace loom::clean
