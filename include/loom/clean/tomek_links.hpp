#pragma once
// Cleans the data by removing the rows of the targeted classes that form a Tomek link: two
// rows of different classes that are each other's nearest neighbour. Output: the kept rows in
// input order. Numeric features only. imbalanced-learn: imblearn.under_sampling.TomekLinks
// (sampling_strategy "auto" cleans every class but the minority; a list of labels names the
// classes). Throws ParameterError for a bad strategy, DataError for non-numeric or missing
// features.
#include <optional>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::clean {

struct TomekLinksParams {
  Json sampling_strategy = "auto";  // a name (see sampling_strategy.hpp) or a list of labels
  std::optional<int> n_jobs = std::nullopt;
  static const ParamTable<TomekLinksParams>& table();
};

class TomekLinks : public StepWithParams<TomekLinks, Resampler, TomekLinksParams> {
 public:
  static constexpr std::string_view kTypeName = "TomekLinks";
  using StepWithParams::StepWithParams;

  std::pair<Table, Column> fit_resample(const Table& x, const Column& y) override;

  // The input rows the last fit_resample kept, in input order (imblearn's sample_indices_).
  const std::vector<std::size_t>& sample_indices() const { return sample_indices_; }

 private:
  std::vector<std::size_t> sample_indices_;
};

}  // namespace loom::clean
