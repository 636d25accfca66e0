#pragma once
// Minimises f(x) + l1 * sum_{j penalised} |x_j| for a smooth convex f: proximal Newton steps
// (each solves the L1-penalised quadratic model by coordinate descent, as glmnet and
// liblinear's newGLMNET do) with a backtracking line search on the full objective, so the
// exact optimum is reached to rounding. When the Hessian is too large, accelerated proximal
// gradient (FISTA with backtracking and restarts) is used instead.
#include <Eigen/Core>
#include <vector>

#include "loom/models/detail/optimize.hpp"

namespace loom::models::detail {

struct L1Problem {
  SecondOrderObjective objective;  // f, its gradient and (when asked) its Hessian
  double l1 = 0.0;                 // L1 strength
  std::vector<bool> penalised;     // which coordinates carry the L1 term
};

// Newton steps use the Hessian; set use_hessian false for large problems (FISTA then).
OptimizeResult minimize_l1(const L1Problem& problem, Eigen::VectorXd x0, bool use_hessian,
                           const OptimizeOptions& options);

}  // namespace loom::models::detail
