#pragma once
// Marks missing values: one 0/1 column `missingindicator_<column>` per column that had missing
// values at fit (features "missing-only") or per column ("all"). Missing means NaN in numeric
// columns and the missing marker in categorical and text ones. scikit-learn:
// sklearn.impute.MissingIndicator (missing_values=np.nan, dense output). Throws DataError for
// sparse input and, with error_on_new, for a column missing values at transform that had none
// at fit; SchemaError for columns that differ from fit; NotFittedError before fit.
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::clean {

struct MissingIndicatorParams {
  std::string features = "missing-only";  // "missing-only" | "all"
  bool error_on_new = true;
  static const ParamTable<MissingIndicatorParams>& table();
};

class MissingIndicator
    : public StepWithParams<MissingIndicator, Transformer, MissingIndicatorParams> {
 public:
  static constexpr std::string_view kTypeName = "MissingIndicator";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  // The input columns that get an indicator, as scikit-learn's features_.
  const std::vector<std::size_t>& features() const { return features_; }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  std::vector<std::size_t> features_;
};

// Per row, whether column j of x is missing (NaN, or a categorical / text missing cell).
std::vector<std::uint8_t> missing_mask(const Table& x, std::size_t column);

}  // namespace loom::clean
