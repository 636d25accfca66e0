#include "loom/models/linear/elastic_net.hpp"

#include "coordinate_descent.hpp"
#include "loom/models/linear/lasso.hpp"

namespace loom::models {

const ParamTable<ElasticNetParams>& ElasticNetParams::table() {
  using P = ElasticNetParams;
  static const ParamTable<P> table{
      param("alpha", &P::alpha, at_least(0.0)),  param("l1_ratio", &P::l1_ratio, between(0.0, 1.0)),
      param("fit_intercept", &P::fit_intercept), param("max_iter", &P::max_iter, at_least(1)),
      param("tol", &P::tol, at_least(0.0)),      param("positive", &P::positive),
  };
  return table;
}

const ParamTable<LassoParams>& LassoParams::table() {
  using P = LassoParams;
  static const ParamTable<P> table{
      param("alpha", &P::alpha, at_least(0.0)),
      param("fit_intercept", &P::fit_intercept),
      param("max_iter", &P::max_iter, at_least(1)),
      param("tol", &P::tol, at_least(0.0)),
      param("positive", &P::positive),
  };
  return table;
}

namespace detail {

double fit_elastic_net(const Table& x, const Column* y, double alpha, double l1_ratio,
                       bool fit_intercept, int max_iter, double tol, bool positive,
                       const ProgressCallback& progress, const char* stage, std::string_view caller,
                       LinearRegressorState& state) {
  RegressionData data = regression_data(x, y, caller);
  const Eigen::VectorXd x_offset = column_offsets(data.x, fit_intercept);
  const double y_offset = fit_intercept ? data.y.mean() : 0.0;
  data.x.rowwise() -= x_offset.transpose();
  data.y.array() -= y_offset;
  // scikit-learn scales the penalties by n rather than the loss by 1 / n.
  const auto n = static_cast<double>(data.x.rows());
  const CoordinateDescentResult result =
      enet_coordinate_descent(data.x, data.y, alpha * l1_ratio * n, alpha * (1.0 - l1_ratio) * n,
                              max_iter, tol, positive, progress, stage);
  state.coef = result.w;
  state.intercept = y_offset - x_offset.dot(state.coef);
  state.feature_names_in = x.column_names();
  state.target_name = y->name();
  state.n_iter = result.n_iter;
  state.fitted = true;
  return result.gap / n;
}

}  // namespace detail

void ElasticNet::fit(const Table& x, const Column* y) {
  validate_params();
  dual_gap_ = detail::fit_elastic_net(x, y, params_.alpha, params_.l1_ratio, params_.fit_intercept,
                                      params_.max_iter, params_.tol, params_.positive, progress_,
                                      kTypeName.data(), describe(), state_);
}

void Lasso::fit(const Table& x, const Column* y) {
  validate_params();
  dual_gap_ = detail::fit_elastic_net(x, y, params_.alpha, 1.0, params_.fit_intercept,
                                      params_.max_iter, params_.tol, params_.positive, progress_,
                                      kTypeName.data(), describe(), state_);
}

}  // namespace loom::models
