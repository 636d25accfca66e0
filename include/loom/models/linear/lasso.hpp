#pragma once
// Lasso: the elastic net with l1_ratio = 1, minimising (1 / (2 n)) ||y - X coef -
// intercept||^2 + alpha ||coef||_1 by coordinate descent. scikit-learn:
// sklearn.linear_model.Lasso. Throws ParameterError for alpha < 0, DataError for NaN or
// non-numeric data.
#include "loom/models/linear/detail/linear_regressor.hpp"

namespace loom::models {

struct LassoParams {
  double alpha = 1.0;  // L1 strength, >= 0
  bool fit_intercept = true;
  int max_iter = 1000;
  double tol = 1e-4;  // on the duality gap, relative to ||y - mean(y)||^2
  bool positive = false;
  static const ParamTable<LassoParams>& table();
};

class Lasso : public detail::LinearRegressorBase<Lasso, LassoParams> {
 public:
  static constexpr std::string_view kTypeName = "Lasso";
  using LinearRegressorBase::LinearRegressorBase;

  void fit(const Table& x, const Column* y) override;
  double dual_gap() const { return dual_gap_; }

 private:
  double dual_gap_ = 0.0;
};

}  // namespace loom::models
