#pragma once
// Cyclic coordinate descent for the elastic net, as scikit-learn's enet_coordinate_descent:
// minimises (1/2) ||y - X w||^2 + l1_reg ||w||_1 + (l2_reg / 2) ||w||^2 over centred data,
// stopping when the duality gap falls below tol * ||y||^2 (checked when the largest
// coordinate update is small relative to the largest weight, and at the last iteration).
#include <Eigen/Core>

#include "loom/core/progress.hpp"

namespace loom::models::detail {

struct CoordinateDescentResult {
  Eigen::VectorXd w;
  double gap = 0.0;
  double tolerance = 0.0;  // the scaled tolerance the gap was compared with
  int n_iter = 0;
  bool converged = false;
};

CoordinateDescentResult enet_coordinate_descent(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                                                double l1_reg, double l2_reg, int max_iter,
                                                double tol, bool positive,
                                                const ProgressCallback& progress,
                                                const char* stage);

}  // namespace loom::models::detail
