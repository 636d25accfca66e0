#pragma once
// SMOTE for mixed numeric and categorical features: neighbours are found on the numeric
// columns plus the categories one-hot encoded at half the median standard deviation of the
// minority class's numeric columns; a new row's numbers are interpolated as SMOTE, and each of
// its categorical values is the most frequent among the k neighbours (ties broken at random
// as imbalanced-learn). categorical_features: null for the Dataset's categorical and text
// columns, or a list of column names (or indices). Output: input rows, then new ones, every
// column in its type. imbalanced-learn: imblearn.over_sampling.SMOTENC (same rows for the same
// random_state). Throws ParameterError, SchemaError for an unknown column, DataError for
// missing values or a non-numeric column left out of categorical_features.
#include <cstdint>
#include <optional>

#include "loom/core/step.hpp"

namespace loom::clean {

struct SMOTENCParams {
  Json categorical_features = nullptr;                      // null | ["name", ...] | [index, ...]
  Json sampling_strategy = "auto";                          // see sampling_strategy.hpp
  std::optional<std::int64_t> random_state = std::nullopt;  // null: not reproducible
  int k_neighbors = 5;
  std::optional<int> n_jobs = std::nullopt;
  static const ParamTable<SMOTENCParams>& table();
};

class SMOTENC : public StepWithParams<SMOTENC, Resampler, SMOTENCParams> {
 public:
  static constexpr std::string_view kTypeName = "SMOTENC";
  using StepWithParams::StepWithParams;

  std::pair<Table, Column> fit_resample(const Table& x, const Column& y) override;

  // The median of the minority class's numeric standard deviations (imblearn's median_std_)
  // from the last fit_resample.
  double median_std() const { return median_std_; }

 private:
  double median_std_ = 0.0;
};

}  // namespace loom::clean
