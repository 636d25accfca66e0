#pragma once
// Over-samples each targeted class by interpolating between a random row of the class and one
// of its k_neighbors nearest rows of the same class (SMOTE). Output: every input row in
// order, then the new rows. Numeric features only (SMOTENC handles categorical ones).
// imbalanced-learn: imblearn.over_sampling.SMOTE (the same rows for the same random_state).
// Throws ParameterError for bad parameters, DataError for non-numeric or missing features or a
// class with fewer than k_neighbors + 1 rows.
#include <cstdint>
#include <optional>

#include "loom/core/step.hpp"

namespace loom::clean {

struct SMOTEParams {
  Json sampling_strategy = "auto";                          // see sampling_strategy.hpp
  std::optional<std::int64_t> random_state = std::nullopt;  // null: not reproducible
  int k_neighbors = 5;
  std::optional<int> n_jobs = std::nullopt;  // threads of the neighbour search
  static const ParamTable<SMOTEParams>& table();
};

class SMOTE : public StepWithParams<SMOTE, Resampler, SMOTEParams> {
 public:
  static constexpr std::string_view kTypeName = "SMOTE";
  using StepWithParams::StepWithParams;

  std::pair<Table, Column> fit_resample(const Table& x, const Column& y) override;
};

}  // namespace loom::clean
