#pragma once
// Standardises features to zero mean and unit variance: (x - mean_) / scale_. NaN is ignored at
// fit and kept at transform; sparse input is scaled without centering. scikit-learn:
// sklearn.preprocessing.StandardScaler. Throws DataError for non-numeric columns or centering
// sparse input, SchemaError for columns that differ from fit, NotFittedError before fit.
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::features {

struct StandardScalerParams {
  bool with_mean = true;  // subtract the mean (not allowed for sparse input)
  bool with_std = true;   // divide by the standard deviation
  static const ParamTable<StandardScalerParams>& table();
};

class StandardScaler : public StepWithParams<StandardScaler, Transformer, StandardScalerParams> {
 public:
  static constexpr std::string_view kTypeName = "StandardScaler";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override { return feature_names_in_; }
  // Maps standardised values back to the original scale.
  Eigen::MatrixXd inverse_transform(const Eigen::MatrixXd& scaled) const;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  // Fitted statistics (empty when the matching option is off, as scikit-learn's None).
  const Eigen::VectorXd& mean() const { return mean_; }
  const Eigen::VectorXd& var() const { return var_; }
  const Eigen::VectorXd& scale() const { return scale_; }
  const Eigen::VectorXd& n_samples_seen() const { return n_samples_seen_; }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Eigen::VectorXd mean_, var_, scale_, n_samples_seen_;
};

}  // namespace loom::features
