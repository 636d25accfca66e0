#pragma once
// Smooth unconstrained minimisers shared by the linear models: L-BFGS (as scipy's
// fmin_l_bfgs_b, which scikit-learn's lbfgs solver calls) and a damped Newton method for
// small problems, where it reaches the optimum to rounding in a few iterations.
#include <Eigen/Core>
#include <functional>

#include "loom/core/progress.hpp"

namespace loom::models::detail {

// Returns f(x) and writes its gradient.
using Objective = std::function<double(const Eigen::VectorXd& x, Eigen::VectorXd& gradient)>;
// Writes the Hessian at x.
using HessianFunction = std::function<void(const Eigen::VectorXd& x, Eigen::MatrixXd& hessian)>;
// Returns f(x), writes its gradient and, when hessian is not null, its Hessian: objectives
// that compute both in one pass over the data save that pass.
using SecondOrderObjective = std::function<double(
    const Eigen::VectorXd& x, Eigen::VectorXd& gradient, Eigen::MatrixXd* hessian)>;

struct OptimizeOptions {
  int max_iter = 100;
  double gradient_tolerance = 1e-4;  // stop when max |gradient| <= this (scipy's pgtol)
  double relative_decrease = 2.220446049250313e-09;  // scipy's factr 1e7 times eps
  int history = 10;                                  // L-BFGS memory
  ProgressCallback progress;
  const char* stage = "optimize";
};

struct OptimizeResult {
  Eigen::VectorXd x;
  double value = 0.0;
  int iterations = 0;
  bool converged = false;
};

OptimizeResult minimize_lbfgs(const Objective& objective, Eigen::VectorXd x0,
                              const OptimizeOptions& options);

// Newton steps with backtracking; the Hessian is damped slightly so that flat directions
// (a multinomial model's shared shift) do not make it singular. Stops when the Newton
// decrement (the predicted decrease of f) or the gradient is down to rounding. The Hessian is
// requested with the full step's evaluation, and skipped where the previous one is expected
// to show convergence already.
OptimizeResult minimize_newton(const SecondOrderObjective& objective, Eigen::VectorXd x0,
                               const OptimizeOptions& options);
// The same with the gradient and the Hessian computed separately.
OptimizeResult minimize_newton(const Objective& objective, const HessianFunction& hessian,
                               Eigen::VectorXd x0, const OptimizeOptions& options);

}  // namespace loom::models::detail
