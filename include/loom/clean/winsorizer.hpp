#pragma once
// Clips each numeric column to bounds learned at fit: its `lower` and `upper` quantiles
// (linear interpolation, NaN ignored, as numpy's nanquantile). NaN stays NaN; non-numeric
// Dataset columns pass through unchanged, and a column entirely missing at fit is not
// clipped. No scikit-learn class (feature-engine's Winsorizer; numpy clip at nanquantile).
// Throws ParameterError unless 0 <= lower < upper <= 1, DataError for sparse input,
// SchemaError for columns that differ from fit, NotFittedError before fit.
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::clean {

struct WinsorizerParams {
  double lower = 0.05;  // quantile in [0, 1]
  double upper = 0.95;  // quantile in [0, 1], > lower
  static const ParamTable<WinsorizerParams>& table();
};

class Winsorizer : public StepWithParams<Winsorizer, Transformer, WinsorizerParams> {
 public:
  static constexpr std::string_view kTypeName = "Winsorizer";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  // Per input column; NaN for a column that is not clipped.
  const Eigen::VectorXd& lower_bounds() const { return lower_bounds_; }
  const Eigen::VectorXd& upper_bounds() const { return upper_bounds_; }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Eigen::VectorXd lower_bounds_, upper_bounds_;
};

}  // namespace loom::clean
