#pragma once
// Scales each feature to feature_range (default [0, 1]) by its minimum and maximum at fit:
// x * scale_ + min_, optionally clipped. NaN is ignored at fit and kept at transform.
// scikit-learn: sklearn.preprocessing.MinMaxScaler. Throws DataError for non-numeric columns
// or sparse input, ParameterError for a bad feature_range, SchemaError for columns that differ
// from fit, NotFittedError before fit.
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::features {

struct MinMaxScalerParams {
  std::vector<double> feature_range = {0.0, 1.0};  // [min, max], min < max
  bool clip = false;                               // clip transformed values to the range
  static const ParamTable<MinMaxScalerParams>& table();
};

class MinMaxScaler : public StepWithParams<MinMaxScaler, Transformer, MinMaxScalerParams> {
 public:
  static constexpr std::string_view kTypeName = "MinMaxScaler";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;
  Eigen::MatrixXd inverse_transform(const Eigen::MatrixXd& scaled) const;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  const Eigen::VectorXd& data_min() const { return data_min_; }
  const Eigen::VectorXd& data_max() const { return data_max_; }
  const Eigen::VectorXd& scale() const { return scale_; }
  const Eigen::VectorXd& min() const { return min_; }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Eigen::VectorXd data_min_, data_max_, scale_, min_;
};

}  // namespace loom::features
