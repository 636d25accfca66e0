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

OptimizeResult minimize_newton(const SecondOrderObjective& objective, Eigen::VectorXd x0,
                               const OptimizeOptions& options) {
  OptimizeResult result;
  const Eigen::Index n = x0.size();
  Eigen::VectorXd gradient(n), gradient_new(n), x_new(n);
  Eigen::MatrixXd h(n, n), h_new(n, n);
  Eigen::LDLT<Eigen::MatrixXd> factor;
  Eigen::VectorXd x = std::move(x0);
  double value = objective(x, gradient, &h);
  bool fresh = true;  // h is the Hessian at x; otherwise factor holds an earlier point's
  int iteration = 0;
  bool converged = n == 0;
  while (!converged && iteration < options.max_iter) {
    const double scale = std::max(1.0, std::abs(value));
    if (fresh) {
      const double damping = 1e-12 * std::max(1.0, h.diagonal().cwiseAbs().maxCoeff());
      h.diagonal().array() += damping;
      factor.compute(h);
    }
    const Eigen::VectorXd direction = factor.solve(-gradient);
    // The Newton decrement: twice the decrease of f that the step promises.
    const double decrement = -gradient.dot(direction);
    if (!direction.allFinite() || !(decrement > 1e-20 * scale) ||
        gradient.cwiseAbs().maxCoeff() <= 1e-13 * scale) {
      converged = true;  // at the optimum to rounding
      break;
    }
    // Below 1e-10 |f| the decrease is lost in the rounding of f, where a line search only
    // sees noise; this close to the optimum the Newton step (even with an earlier point's
    // Hessian) lands on it to rounding, so it is the last one.
    const bool last = decrement <= 1e-10 * scale;
    if (!fresh && !last) {
      value = objective(x, gradient, &h);
      fresh = true;
      continue;
    }
    // Close to the optimum the next point's Hessian is not needed: skip computing it.
    const bool want_hessian = !last && decrement > 1e-8 * scale;
    // Backtracking (Armijo) from the full step, whose evaluation also gives the Hessian.
    double value_new = value;
    int accepted = -1;  // the attempt whose step was taken
    for (int attempt = 0; attempt < (last ? 1 : 60) && accepted < 0; ++attempt) {
      const double step = std::ldexp(1.0, -attempt);
      x_new = x + step * direction;
      value_new = objective(x_new, gradient_new, attempt == 0 && want_hessian ? &h_new : nullptr);
      const double allowed = last ? 1e-10 * scale : -1e-4 * step * decrement;
      if (std::isfinite(value_new) && value_new <= value + allowed) accepted = attempt;
    }
    if (accepted < 0) {
      converged = true;  // no step decreases f: at the optimum to rounding
      break;
    }
    ++iteration;
    report(options, iteration);
    x.swap(x_new);
    gradient.swap(gradient_new);
    value = value_new;
    if (last) {
      converged = true;
      break;
    }
    fresh = accepted == 0 && want_hessian;
    if (fresh) {
      h.swap(h_new);
    } else if (accepted > 0) {
      value = objective(x, gradient, &h);  // a shortened step: its Hessian was not computed
      fresh = true;
    }
  }
  result.x = std::move(x);
  result.value = value;
  result.iterations = iteration;
  result.converged = converged;
  return result;
}

OptimizeResult minimize_newton(const Objective& objective, const HessianFunction& hessian,
                               Eigen::VectorXd x0, const OptimizeOptions& options) {
  return minimize_newton(
      [&](const Eigen::VectorXd& x, Eigen::VectorXd& gradient, Eigen::MatrixXd* h) {
        const double value = objective(x, gradient);
        if (h != nullptr) hessian(x, *h);
        return value;
      },
      std::move(x0), options);
}

}  // namespace loom::models::detail
