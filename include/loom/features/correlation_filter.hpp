#pragma once
// Drops every column whose absolute Pearson correlation with an earlier column is above
// threshold (pandas' DataFrame.corr and the usual upper-triangle rule: a column goes when any
// earlier column, kept or not, passes). No scikit-learn counterpart. Constant columns have no
// correlation and stay. Throws ParameterError for a threshold outside [0, 1], DataError for
// missing or non-numeric input, SchemaError for columns that differ from fit, NotFittedError.
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::features {

struct CorrelationFilterParams {
  double threshold = 0.9;  // drop above this |r|, in [0, 1]
  static const ParamTable<CorrelationFilterParams>& table();
};

class CorrelationFilter
    : public StepWithParams<CorrelationFilter, Transformer, CorrelationFilterParams> {
 public:
  static constexpr std::string_view kTypeName = "CorrelationFilter";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  // Pearson correlation of the columns at fit (NaN where a column is constant).
  const Eigen::MatrixXd& correlation() const { return correlation_; }
  const std::vector<bool>& support() const { return support_; }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Eigen::MatrixXd correlation_;
  std::vector<bool> support_;
};

}  // namespace loom::features
