#pragma once
// Makes each feature more Gaussian with a power transform whose lambda maximises the
// log-likelihood (scipy's Brent search from the bracket (-2, 2)): Yeo-Johnson for any values,
// Box-Cox for strictly positive ones; then standardises (zero mean, unit variance) unless
// standardize is false. NaN is ignored at fit and kept at transform. scikit-learn:
// sklearn.preprocessing.PowerTransformer. Throws DataError for non-numeric columns, sparse
// input or non-positive values with box-cox (naming the column), SchemaError for columns that
// differ from fit, NotFittedError before fit.
#include <string>
#include <vector>

#include "loom/core/step.hpp"
#include "loom/features/standard_scaler.hpp"

namespace loom::features {

struct PowerTransformerParams {
  std::string method = "yeo-johnson";  // "yeo-johnson" | "box-cox"
  bool standardize = true;             // zero mean, unit variance after the transform
  bool copy = true;                    // accepted for scikit-learn compatibility
  static const ParamTable<PowerTransformerParams>& table();
};

class PowerTransformer
    : public StepWithParams<PowerTransformer, Transformer, PowerTransformerParams> {
 public:
  static constexpr std::string_view kTypeName = "PowerTransformer";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  const Eigen::VectorXd& lambdas() const { return lambdas_; }

 private:
  // The power transform alone (before standardising).
  Eigen::MatrixXd apply_power(const Table& x) const;

  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Eigen::VectorXd lambdas_;
  StandardScaler scaler_;
};

}  // namespace loom::features
