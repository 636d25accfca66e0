#include "loom/models/linear/linear_regression.hpp"

#include <Eigen/QR>

namespace loom::models {

const ParamTable<LinearRegressionParams>& LinearRegressionParams::table() {
  using P = LinearRegressionParams;
  static const ParamTable<P> table{param("fit_intercept", &P::fit_intercept)};
  return table;
}

void LinearRegression::fit(const Table& x, const Column* y) {
  validate_params();
  detail::RegressionData data = detail::regression_data(x, y, describe());
  const Eigen::VectorXd x_offset = detail::column_offsets(data.x, params_.fit_intercept);
  const double y_offset = params_.fit_intercept ? data.y.mean() : 0.0;
  data.x.rowwise() -= x_offset.transpose();
  data.y.array() -= y_offset;
  // Orthogonal factorisations keep the accuracy that the normal equations would square away;
  // the complete decomposition gives the minimum-norm solution as scipy's lstsq does.
  Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd> decomposition(data.x);
  state_.coef = decomposition.solve(data.y);
  state_.intercept = y_offset - x_offset.dot(state_.coef);
  rank_ = static_cast<int>(decomposition.rank());
  state_.feature_names_in = x.column_names();
  state_.target_name = y->name();
  state_.n_iter = 0;
  state_.fitted = true;
}

}  // namespace loom::models
