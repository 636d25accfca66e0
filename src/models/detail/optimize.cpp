#include "loom/models/detail/optimize.hpp"

#include <Eigen/Cholesky>
#include <cmath>
#include <deque>
#include <limits>

namespace loom::models::detail {

namespace {

void report(const OptimizeOptions& options, int iteration) {
  if (options.progress) {
    options.progress(ProgressEvent{options.stage, static_cast<std::size_t>(iteration),
                                   static_cast<std::size_t>(options.max_iter)});
  }
}

// Backtracking line search from step length `step` along `direction` (Armijo condition).
bool backtrack(const Objective& objective, const Eigen::VectorXd& x, double value,
               const Eigen::VectorXd& gradient, const Eigen::VectorXd& direction, double step,
               Eigen::VectorXd& x_new, double& value_new, Eigen::VectorXd& gradient_new) {
  const double slope = gradient.dot(direction);
  if (!(slope < 0.0)) return false;
  for (int attempt = 0; attempt < 60; ++attempt) {
    x_new = x + step * direction;
    value_new = objective(x_new, gradient_new);
    if (std::isfinite(value_new) && value_new <= value + 1e-4 * step * slope) return true;
    step *= 0.5;
  }
  return false;
}

}  // namespace

OptimizeResult minimize_lbfgs(const Objective& objective, Eigen::VectorXd x0,
                              const OptimizeOptions& options) {
  OptimizeResult result;
  Eigen::VectorXd gradient(x0.size()), gradient_new(x0.size()), x_new(x0.size());
  double value = objective(x0, gradient);
  std::deque<Eigen::VectorXd> s_history, y_history;
  std::deque<double> rho_history;
  Eigen::VectorXd x = std::move(x0);
  int iteration = 0;
  bool converged =
      gradient.size() == 0 || gradient.cwiseAbs().maxCoeff() <= options.gradient_tolerance;
  while (!converged && iteration < options.max_iter) {
    // Two-loop recursion for the quasi-Newton direction.
    Eigen::VectorXd q = gradient;
    std::vector<double> alphas(s_history.size());
    for (std::size_t i = s_history.size(); i-- > 0;) {
      alphas[i] = rho_history[i] * s_history[i].dot(q);
      q -= alphas[i] * y_history[i];
    }
    if (!s_history.empty()) {
      q *= s_history.back().dot(y_history.back()) / y_history.back().squaredNorm();
    }
    for (std::size_t i = 0; i < s_history.size(); ++i) {
      const double beta = rho_history[i] * y_history[i].dot(q);
      q += s_history[i] * (alphas[i] - beta);
    }
    Eigen::VectorXd direction = -q;
    double step = s_history.empty() ? 1.0 / std::max(1.0, gradient.norm()) : 1.0;
    double value_new = value;
    if (!backtrack(objective, x, value, gradient, direction, step, x_new, value_new,
                   gradient_new)) {
      if (s_history.empty()) break;  // no descent possible even along the gradient
      s_history.clear();
      y_history.clear();
      rho_history.clear();
      continue;
    }
    ++iteration;
    report(options, iteration);
    Eigen::VectorXd s = x_new - x;
    Eigen::VectorXd y = gradient_new - gradient;
    const double curvature = s.dot(y);
    if (curvature > 1e-12 * y.squaredNorm()) {
      s_history.push_back(std::move(s));
      y_history.push_back(std::move(y));
      rho_history.push_back(1.0 / curvature);
      if (static_cast<int>(s_history.size()) > options.history) {
        s_history.pop_front();
        y_history.pop_front();
        rho_history.pop_front();
      }
    }
    const double decrease =
        (value - value_new) / std::max({std::abs(value), std::abs(value_new), 1.0});
    x.swap(x_new);
    gradient.swap(gradient_new);
    value = value_new;
    converged = gradient.cwiseAbs().maxCoeff() <= options.gradient_tolerance ||
                decrease <= options.relative_decrease;
  }
  result.x = std::move(x);
  result.value = value;
  result.iterations = iteration;
  result.converged = converged;
  return result;
}

OptimizeResult minimize_newton(const Objective& objective, const HessianFunction& hessian,
                               Eigen::VectorXd x0, const OptimizeOptions& options) {
  OptimizeResult result;
  const Eigen::Index n = x0.size();
  Eigen::VectorXd gradient(n), gradient_new(n), x_new(n);
  Eigen::MatrixXd h(n, n);
  Eigen::VectorXd x = std::move(x0);
  double value = objective(x, gradient);
  int iteration = 0;
  bool converged = n == 0;
  while (!converged && iteration < options.max_iter) {
    hessian(x, h);
    const double damping = 1e-12 * std::max(1.0, h.diagonal().cwiseAbs().maxCoeff());
    h.diagonal().array() += damping;
    const Eigen::VectorXd direction = h.ldlt().solve(-gradient);
    double value_new = value;
    if (!direction.allFinite() ||
        !backtrack(objective, x, value, gradient, direction, 1.0, x_new, value_new, gradient_new)) {
      converged = true;  // at the optimum to rounding: no step decreases f
      break;
    }
    ++iteration;
    report(options, iteration);
    const double decrement = -gradient.dot(direction);
    x.swap(x_new);
    gradient.swap(gradient_new);
    value = value_new;
    converged = decrement <= 1e-20 * std::max(1.0, std::abs(value)) ||
                gradient.cwiseAbs().maxCoeff() <= 1e-13 * std::max(1.0, std::abs(value));
  }
  result.x = std::move(x);
  result.value = value;
  result.iterations = iteration;
  result.converged = converged;
  return result;
}

}  // namespace loom::models::detail
