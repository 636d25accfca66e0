#pragma once
// Elastic net: minimises (1 / (2 n)) ||y - X coef - intercept||^2 + alpha l1_ratio ||coef||_1
// + (alpha (1 - l1_ratio) / 2) ||coef||^2 by cyclic coordinate descent with scikit-learn's
// duality-gap stopping rule. scikit-learn: sklearn.linear_model.ElasticNet. Throws
// ParameterError for alpha < 0 or l1_ratio outside [0, 1], DataError for NaN or
// non-numeric data.
#include "loom/models/linear/detail/linear_regressor.hpp"

namespace loom::models {

struct ElasticNetParams {
  double alpha = 1.0;     // penalty strength, >= 0
  double l1_ratio = 0.5;  // share of the L1 term, in [0, 1]
  bool fit_intercept = true;
  int max_iter = 1000;
  double tol = 1e-4;  // on the duality gap, relative to ||y - mean(y)||^2
  bool positive = false;
  static const ParamTable<ElasticNetParams>& table();
};

class ElasticNet : public detail::LinearRegressorBase<ElasticNet, ElasticNetParams> {
 public:
  static constexpr std::string_view kTypeName = "ElasticNet";
  using LinearRegressorBase::LinearRegressorBase;

  void fit(const Table& x, const Column* y) override;
  double dual_gap() const { return dual_gap_; }  // dual_gap_ (divided by n, as scikit-learn)

 private:
  double dual_gap_ = 0.0;
};

namespace detail {
// Fits an elastic net into state; returns the final duality gap over n (dual_gap_).
double fit_elastic_net(const Table& x, const Column* y, double alpha, double l1_ratio,
                       bool fit_intercept, int max_iter, double tol, bool positive,
                       const ProgressCallback& progress, const char* stage, std::string_view caller,
                       LinearRegressorState& state);
}  // namespace detail

}  // namespace loom::models
