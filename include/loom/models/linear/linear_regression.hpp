#pragma once
// Ordinary least squares: minimises ||y - X coef - intercept||^2, the minimum-norm solution
// when X is rank deficient (a complete orthogonal decomposition of the centred features).
// scikit-learn: sklearn.linear_model.LinearRegression. Throws DataError for NaN (naming the
// column), non-numeric features or target, NotFittedError before fit.
#include "loom/models/linear/detail/linear_regressor.hpp"

namespace loom::models {

struct LinearRegressionParams {
  bool fit_intercept = true;
  static const ParamTable<LinearRegressionParams>& table();
};

class LinearRegression
    : public detail::LinearRegressorBase<LinearRegression, LinearRegressionParams> {
 public:
  static constexpr std::string_view kTypeName = "LinearRegression";
  using LinearRegressorBase::LinearRegressorBase;

  void fit(const Table& x, const Column* y) override;
  int rank() const { return rank_; }  // rank_ of the centred features

 private:
  int rank_ = 0;
};

}  // namespace loom::models
