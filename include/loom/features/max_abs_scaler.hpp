#pragma once
// Divides each feature by its largest absolute value at fit, so values land in [-1, 1]; keeps
// sparse input sparse. NaN is ignored at fit and kept at transform. scikit-learn:
// sklearn.preprocessing.MaxAbsScaler. Throws DataError for non-numeric columns, SchemaError
// for columns that differ from fit, NotFittedError before fit.
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::features {

struct MaxAbsScalerParams {
  bool copy = true;  // accepted for scikit-learn compatibility; loom never modifies its input
  static const ParamTable<MaxAbsScalerParams>& table();
};

class MaxAbsScaler : public StepWithParams<MaxAbsScaler, Transformer, MaxAbsScalerParams> {
 public:
  static constexpr std::string_view kTypeName = "MaxAbsScaler";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  const Eigen::VectorXd& max_abs() const { return max_abs_; }
  const Eigen::VectorXd& scale() const { return scale_; }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Eigen::VectorXd max_abs_, scale_;
};

}  // namespace loom::features
