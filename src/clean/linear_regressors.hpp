#pragma once
// The regressors IterativeImputer fits column by column: scikit-learn's BayesianRidge and
// Ridge (dense, fit_intercept), as `{"type": "...", "params": {...}}` estimator specs.
// Internal to loom::clean; the models area has the public estimators.
#include <Eigen/Core>
#include <string>

#include "loom/core/params.hpp"

namespace loom::clean::regressors {

struct LinearFit {
  Eigen::VectorXd coef;
  double intercept = 0.0;
  Eigen::VectorXd predict(const Eigen::MatrixXd& x) const { return (x * coef).array() + intercept; }
};

// "" when spec is null or a valid {"type": "BayesianRidge" | "Ridge", "params": {...}}, else
// what is expected.
std::string check_estimator_spec(const Json& spec);
// Fits the regressor spec describes (null: BayesianRidge with its defaults).
LinearFit fit_estimator(const Json& spec, const Eigen::MatrixXd& x, const Eigen::VectorXd& y);

}  // namespace loom::clean::regressors
