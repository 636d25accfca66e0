#pragma once
// Drops the columns whose variance is not above threshold (with threshold 0, also columns
// whose peak-to-peak range is 0): scikit-learn's sklearn.feature_selection.VarianceThreshold.
// NaN is ignored at fit and kept at transform; dense stays dense, sparse stays sparse.
// Throws ParameterError for a negative threshold, DataError when no column passes or the
// input is not numeric, SchemaError for columns that differ from fit, NotFittedError.
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::features {

struct VarianceThresholdParams {
  double threshold = 0.0;  // >= 0
  static const ParamTable<VarianceThresholdParams>& table();
};

class VarianceThreshold
    : public StepWithParams<VarianceThreshold, Transformer, VarianceThresholdParams> {
 public:
  static constexpr std::string_view kTypeName = "VarianceThreshold";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  const Eigen::VectorXd& variances() const { return variances_; }
  const std::vector<bool>& support() const { return support_; }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Eigen::VectorXd variances_;
  std::vector<bool> support_;
};

}  // namespace loom::features
