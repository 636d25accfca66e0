#pragma once
// Scales each row to unit norm (l2, l1 or max); zero rows stay zero, sparse input stays
// sparse. Stateless: fit only records the columns. scikit-learn:
// sklearn.preprocessing.Normalizer. Throws DataError for non-numeric columns or NaN (naming
// the column), SchemaError for columns that differ from fit, NotFittedError before fit.
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::features {

struct NormalizerParams {
  std::string norm = "l2";  // "l2" | "l1" | "max"
  bool copy = true;         // accepted for scikit-learn compatibility
  static const ParamTable<NormalizerParams>& table();
};

class Normalizer : public StepWithParams<Normalizer, Transformer, NormalizerParams> {
 public:
  static constexpr std::string_view kTypeName = "Normalizer";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
};

}  // namespace loom::features
