#pragma once
// Products of the input features up to `degree`: bias "1", "x0", "x1", "x0^2", "x0 x1", ...
// in scikit-learn's order (combinations with replacement, degree by degree), named with the
// input column names. Sparse input gives sparse output. scikit-learn:
// sklearn.preprocessing.PolynomialFeatures. Throws DataError for non-numeric columns,
// ParameterError for a bad degree, SchemaError for columns that differ from fit,
// NotFittedError before fit.
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::features {

struct PolynomialFeaturesParams {
  Json degree = 2;                // max degree >= 0, or [min_degree, max_degree]
  bool interaction_only = false;  // only products of distinct features
  bool include_bias = true;       // a first column of ones
  std::string order = "C";        // "C" | "F": memory order in scikit-learn; no effect here
  static const ParamTable<PolynomialFeaturesParams>& table();
};

class PolynomialFeatures
    : public StepWithParams<PolynomialFeatures, Transformer, PolynomialFeaturesParams> {
 public:
  static constexpr std::string_view kTypeName = "PolynomialFeatures";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  // The input features of each output column (empty for the bias), as scikit-learn's
  // powers_ lists them by exponent.
  const std::vector<std::vector<int>>& combinations() const { return combinations_; }

 private:
  void build_combinations();

  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  std::vector<std::vector<int>> combinations_;
};

}  // namespace loom::features
