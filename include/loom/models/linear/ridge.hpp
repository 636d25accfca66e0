#pragma once
// Ridge regression: minimises ||y - X coef - intercept||^2 + alpha ||coef||^2 in closed form
// (Cholesky of X'X + alpha I on centred data, or of the kernel X X' + alpha I when there are
// more features than rows). scikit-learn: sklearn.linear_model.Ridge (solver "cholesky").
// Throws ParameterError for alpha < 0, DataError for NaN or non-numeric data.
#include "loom/models/linear/detail/linear_regressor.hpp"

namespace loom::models {

struct RidgeParams {
  double alpha = 1.0;  // L2 strength, >= 0
  bool fit_intercept = true;
  static const ParamTable<RidgeParams>& table();
};

class Ridge : public detail::LinearRegressorBase<Ridge, RidgeParams> {
 public:
  static constexpr std::string_view kTypeName = "Ridge";
  using LinearRegressorBase::LinearRegressorBase;

  void fit(const Table& x, const Column* y) override;
};

}  // namespace loom::models
