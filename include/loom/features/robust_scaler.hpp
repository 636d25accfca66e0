#pragma once
// Centers each feature on its median and divides by its interquartile range (quantile_range,
// numpy's linear percentiles), so outliers weigh little. NaN is ignored at fit and kept at
// transform; sparse input is scaled without centering. scikit-learn:
// sklearn.preprocessing.RobustScaler. Throws DataError for non-numeric columns or centering
// sparse input, ParameterError for a bad quantile_range, SchemaError for columns that differ
// from fit, NotFittedError before fit.
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::features {

struct RobustScalerParams {
  bool with_centering = true;                         // subtract the median
  bool with_scaling = true;                           // divide by the quantile range
  std::vector<double> quantile_range = {25.0, 75.0};  // [q_min, q_max], 0 <= q_min <= q_max <= 100
  bool copy = true;                                   // accepted for scikit-learn compatibility
  bool unit_variance = false;                         // scale so that normal data gets variance 1
  static const ParamTable<RobustScalerParams>& table();
};

class RobustScaler : public StepWithParams<RobustScaler, Transformer, RobustScalerParams> {
 public:
  static constexpr std::string_view kTypeName = "RobustScaler";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  // Empty when the matching option is off (scikit-learn's None).
  const Eigen::VectorXd& center() const { return center_; }
  const Eigen::VectorXd& scale() const { return scale_; }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Eigen::VectorXd center_, scale_;
};

// The standard normal quantile function (scipy.stats.norm.ppf), for p in (0, 1).
double normal_ppf(double p);

}  // namespace loom::features
