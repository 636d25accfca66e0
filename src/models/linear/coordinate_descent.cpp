#include "coordinate_descent.hpp"

#include <algorithm>
#include <cmath>

namespace loom::models::detail {

CoordinateDescentResult enet_coordinate_descent(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                                                double l1_reg, double l2_reg, int max_iter,
                                                double tol, bool positive,
                                                const ProgressCallback& progress,
                                                const char* stage) {
  const Eigen::Index n_features = x.cols();
  CoordinateDescentResult result;
  result.w = Eigen::VectorXd::Zero(n_features);
  Eigen::VectorXd& w = result.w;
  const Eigen::VectorXd norm_cols = x.colwise().squaredNorm().transpose();
  Eigen::VectorXd residual = y;  // y - X w, with w = 0
  const double d_w_tol = tol;
  const double scaled_tol = tol * y.squaredNorm();
  result.tolerance = scaled_tol;
  for (int iteration = 0; iteration < max_iter; ++iteration) {
    double w_max = 0.0;
    double d_w_max = 0.0;
    for (Eigen::Index j = 0; j < n_features; ++j) {
      if (norm_cols(j) == 0.0) continue;
      const double w_old = w(j);
      if (w_old != 0.0) residual.noalias() += w_old * x.col(j);
      const double rho = x.col(j).dot(residual);
      if (positive && rho < 0.0) {
        w(j) = 0.0;
      } else {
        const double shrunk = std::max(std::abs(rho) - l1_reg, 0.0);
        w(j) = (rho > 0.0 ? 1.0 : (rho < 0.0 ? -1.0 : 0.0)) * shrunk / (norm_cols(j) + l2_reg);
      }
      if (w(j) != 0.0) residual.noalias() -= w(j) * x.col(j);
      d_w_max = std::max(d_w_max, std::abs(w(j) - w_old));
      w_max = std::max(w_max, std::abs(w(j)));
    }
    result.n_iter = iteration + 1;
    if (progress) {
      progress(ProgressEvent{stage, static_cast<std::size_t>(iteration + 1),
                             static_cast<std::size_t>(max_iter)});
    }
    if (w_max == 0.0 || d_w_max / w_max < d_w_tol || iteration == max_iter - 1) {
      // The duality gap of the current iterate, scikit-learn's stopping rule.
      Eigen::VectorXd xt_a = x.transpose() * residual;
      xt_a -= l2_reg * w;
      double dual_norm = positive ? xt_a.maxCoeff() : xt_a.cwiseAbs().maxCoeff();
      const double r_norm2 = residual.squaredNorm();
      const double w_norm2 = w.squaredNorm();
      double scale = 1.0;
      double gap = r_norm2;
      if (dual_norm > l1_reg) {
        scale = l1_reg / dual_norm;
        gap = 0.5 * (r_norm2 + r_norm2 * scale * scale);
      }
      gap += l1_reg * w.lpNorm<1>() - scale * residual.dot(y) +
             0.5 * l2_reg * (1.0 + scale * scale) * w_norm2;
      result.gap = gap;
      if (gap < scaled_tol) {
        result.converged = true;
        break;
      }
    }
  }
  return result;
}

}  // namespace loom::models::detail
