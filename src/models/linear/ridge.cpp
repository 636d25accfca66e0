#include "loom/models/linear/ridge.hpp"

#include <Eigen/Cholesky>

namespace loom::models {

const ParamTable<RidgeParams>& RidgeParams::table() {
  using P = RidgeParams;
  static const ParamTable<P> table{param("alpha", &P::alpha, at_least(0.0)),
                                   param("fit_intercept", &P::fit_intercept)};
  return table;
}

void Ridge::fit(const Table& x, const Column* y) {
  validate_params();
  detail::RegressionData data = detail::regression_data(x, y, describe());
  const Eigen::VectorXd x_offset = detail::column_offsets(data.x, params_.fit_intercept);
  const double y_offset = params_.fit_intercept ? data.y.mean() : 0.0;
  data.x.rowwise() -= x_offset.transpose();
  data.y.array() -= y_offset;
  const double alpha = params_.alpha;
  if (data.x.cols() > data.x.rows()) {
    // Kernel form: coef = X' (X X' + alpha I)^-1 y, as scikit-learn's _solve_cholesky_kernel.
    Eigen::MatrixXd kernel = Eigen::MatrixXd::Zero(data.x.rows(), data.x.rows());
    kernel.selfadjointView<Eigen::Lower>().rankUpdate(data.x);
    kernel = kernel.selfadjointView<Eigen::Lower>();
    kernel.diagonal().array() += alpha;
    Eigen::LDLT<Eigen::MatrixXd> factor(kernel);
    state_.coef = data.x.transpose() * factor.solve(data.y);
  } else {
    Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(data.x.cols(), data.x.cols());
    gram.selfadjointView<Eigen::Lower>().rankUpdate(data.x.transpose());
    gram = gram.selfadjointView<Eigen::Lower>();
    gram.diagonal().array() += alpha;
    Eigen::LDLT<Eigen::MatrixXd> factor(gram);
    state_.coef = factor.solve(data.x.transpose() * data.y);
  }
  state_.intercept = y_offset - x_offset.dot(state_.coef);
  state_.feature_names_in = x.column_names();
  state_.target_name = y->name();
  state_.n_iter = 0;
  state_.fitted = true;
}

}  // namespace loom::models
