#include "proximal_newton.hpp"

#include <algorithm>
#include <cmath>

namespace loom::models::detail {

namespace {

double soft_threshold(double value, double threshold) {
  if (value > threshold) return value - threshold;
  if (value < -threshold) return value + threshold;
  return 0.0;
}

double l1_norm(const L1Problem& problem, const Eigen::VectorXd& x) {
  double total = 0.0;
  for (Eigen::Index j = 0; j < x.size(); ++j) {
    if (problem.penalised[static_cast<std::size_t>(j)]) total += std::abs(x(j));
  }
  return problem.l1 * total;
}

// The smallest subgradient of the objective, coordinate-wise: zero exactly at the optimum.
double optimality(const L1Problem& problem, const Eigen::VectorXd& x,
                  const Eigen::VectorXd& gradient) {
  double worst = 0.0;
  for (Eigen::Index j = 0; j < x.size(); ++j) {
    double violation = std::abs(gradient(j));
    if (problem.penalised[static_cast<std::size_t>(j)]) {
      if (x(j) > 0.0) {
        violation = std::abs(gradient(j) + problem.l1);
      } else if (x(j) < 0.0) {
        violation = std::abs(gradient(j) - problem.l1);
      } else {
        violation = std::max(std::abs(gradient(j)) - problem.l1, 0.0);
      }
    }
    worst = std::max(worst, violation);
  }
  return worst;
}

void report(const OptimizeOptions& options, int iteration) {
  if (options.progress) {
    options.progress(ProgressEvent{options.stage, static_cast<std::size_t>(iteration),
                                   static_cast<std::size_t>(options.max_iter)});
  }
}

// The step d minimising g'd + d'Hd / 2 + l1 |x + d|_1 by cyclic coordinate descent.
Eigen::VectorXd newton_direction(const L1Problem& problem, const Eigen::VectorXd& x,
                                 const Eigen::VectorXd& gradient, const Eigen::MatrixXd& hessian) {
  const Eigen::Index n = x.size();
  Eigen::VectorXd d = Eigen::VectorXd::Zero(n);
  Eigen::VectorXd hd = Eigen::VectorXd::Zero(n);  // H d, kept up to date
  // A tiny ridge keeps flat directions (a multinomial model's shared shift) well posed.
  const double damping = 1e-12 * std::max(1.0, hessian.diagonal().cwiseAbs().maxCoeff());
  for (int pass = 0; pass < 500; ++pass) {
    double largest_change = 0.0;
    double largest_value = 0.0;
    for (Eigen::Index j = 0; j < n; ++j) {
      const double curvature = hessian(j, j) + damping;
      const double slope = gradient(j) + hd(j);  // derivative of the quadratic at d
      double updated;
      if (problem.penalised[static_cast<std::size_t>(j)]) {
        // Minimise over z = x_j + d_j: curvature/2 (z - c)^2 + l1 |z|.
        const double centre = x(j) + d(j) - slope / curvature;
        updated = soft_threshold(centre, problem.l1 / curvature) - x(j);
      } else {
        updated = d(j) - slope / curvature;
      }
      const double change = updated - d(j);
      if (change != 0.0) {
        hd.noalias() += change * hessian.col(j);
        hd(j) += damping * change;
        d(j) = updated;
      }
      largest_change = std::max(largest_change, std::abs(change));
      largest_value = std::max(largest_value, std::abs(x(j) + d(j)));
    }
    if (largest_change <= 1e-14 * std::max(1.0, largest_value)) break;
  }
  return d;
}

OptimizeResult minimize_newton_l1(const L1Problem& problem, Eigen::VectorXd x,
                                  const OptimizeOptions& options) {
  OptimizeResult result;
  Eigen::VectorXd gradient, gradient_new;
  Eigen::MatrixXd hessian;
  double smooth = problem.objective(x, gradient, &hessian);
  double value = smooth + l1_norm(problem, x);
  int iteration = 0;
  while (iteration < options.max_iter) {
    if (optimality(problem, x, gradient) <= 1e-12 * std::max(1.0, std::abs(value))) {
      result.converged = true;
      break;
    }
    const Eigen::VectorXd d = newton_direction(problem, x, gradient, hessian);
    // Predicted decrease for the Armijo test, as in newGLMNET.
    const double delta = gradient.dot(d) + l1_norm(problem, x + d) - l1_norm(problem, x);
    if (!(delta < 0.0) ||
        d.cwiseAbs().maxCoeff() <= 1e-15 * std::max(1.0, x.cwiseAbs().maxCoeff())) {
      result.converged = true;
      break;
    }
    double step = 1.0;
    bool accepted = false;
    Eigen::VectorXd x_new;
    Eigen::MatrixXd hessian_new;
    for (int attempt = 0; attempt < 60; ++attempt) {
      x_new = x + step * d;
      const double smooth_new = problem.objective(x_new, gradient_new, &hessian_new);
      const double value_new = smooth_new + l1_norm(problem, x_new);
      if (std::isfinite(value_new) && value_new <= value + 1e-4 * step * delta) {
        accepted = true;
        value = value_new;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) {
      result.converged = true;  // no further decrease is representable
      break;
    }
    x = std::move(x_new);
    gradient = gradient_new;
    hessian = std::move(hessian_new);
    ++iteration;
    report(options, iteration);
  }
  result.x = std::move(x);
  result.value = value;
  result.iterations = iteration;
  return result;
}

OptimizeResult minimize_fista(const L1Problem& problem, Eigen::VectorXd x,
                              const OptimizeOptions& options) {
  OptimizeResult result;
  auto proximal = [&](const Eigen::VectorXd& point, double step) {
    Eigen::VectorXd out = point;
    for (Eigen::Index j = 0; j < out.size(); ++j) {
      if (problem.penalised[static_cast<std::size_t>(j)])
        out(j) = soft_threshold(out(j), step * problem.l1);
    }
    return out;
  };
  Eigen::VectorXd gradient, gradient_x;
  double smooth_x = problem.objective(x, gradient_x, nullptr);
  double value = smooth_x + l1_norm(problem, x);
  Eigen::VectorXd y = x;
  double smooth_y = smooth_x;
  Eigen::VectorXd gradient_y = gradient_x;
  double momentum = 1.0;
  double lipschitz = std::max(1e-12, gradient_x.norm());
  // Each FISTA step is far cheaper than a Newton step: allow many more of them.
  const int max_steps = options.max_iter * 50;
  int iteration = 0;
  for (; iteration < max_steps; ++iteration) {
    Eigen::VectorXd x_new;
    double smooth_new = 0.0;
    for (int attempt = 0; attempt < 60; ++attempt) {
      x_new = proximal(y - gradient_y / lipschitz, 1.0 / lipschitz);
      smooth_new = problem.objective(x_new, gradient, nullptr);
      const Eigen::VectorXd diff = x_new - y;
      if (smooth_new <= smooth_y + gradient_y.dot(diff) + 0.5 * lipschitz * diff.squaredNorm())
        break;
      lipschitz *= 2.0;
    }
    const double value_new = smooth_new + l1_norm(problem, x_new);
    const double next_momentum = 0.5 * (1.0 + std::sqrt(1.0 + 4.0 * momentum * momentum));
    if (value_new > value) {
      // Restart the momentum when it overshoots.
      momentum = 1.0;
      y = x;
      smooth_y = problem.objective(y, gradient_y, nullptr);
      continue;
    }
    const Eigen::VectorXd step = x_new - x;
    y = x_new + ((momentum - 1.0) / next_momentum) * step;
    momentum = next_momentum;
    x = std::move(x_new);
    gradient_x = gradient;
    const double previous = value;
    value = value_new;
    smooth_y = problem.objective(y, gradient_y, nullptr);
    if (iteration % 50 == 0) report(options, iteration / 50);
    if (optimality(problem, x, gradient_x) <= options.gradient_tolerance * 1e-3 ||
        previous - value <= 1e-15 * std::max(1.0, std::abs(value))) {
      result.converged = true;
      break;
    }
    lipschitz *= 0.9;  // let the step grow back
  }
  result.x = std::move(x);
  result.value = value;
  result.iterations = iteration;
  return result;
}

}  // namespace

OptimizeResult minimize_l1(const L1Problem& problem, Eigen::VectorXd x0, bool use_hessian,
                           const OptimizeOptions& options) {
  if (use_hessian) return minimize_newton_l1(problem, std::move(x0), options);
  return minimize_fista(problem, std::move(x0), options);
}

}  // namespace loom::models::detail
