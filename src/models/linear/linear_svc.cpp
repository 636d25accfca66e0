#include "loom/models/linear/linear_svc.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "loom/core/input_check.hpp"
#include "loom/core/labels.hpp"
#include "sgd_common.hpp"

namespace loom::models {

const ParamTable<LinearSVCParams>& LinearSVCParams::table() {
  using P = LinearSVCParams;
  static const ParamTable<P> table{
      param("C", &P::C, greater_than(0.0)),
      param("loss", &P::loss, one_of({"squared_hinge", "hinge"})),
      param("tol", &P::tol, greater_than(0.0)),
      param("fit_intercept", &P::fit_intercept),
      param("intercept_scaling", &P::intercept_scaling, greater_than(0.0)),
      param("max_iter", &P::max_iter, at_least(1)),
      param("random_state", &P::random_state),
  };
  return table;
}

namespace {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// liblinear's solve_l2r_l1l2_svc: dual coordinate descent on
// min_a a'Q a / 2 - sum a, 0 <= a_i <= upper, Q = y_i y_j x_i'x_j + diag; w = sum a_i y_i x_i.
// Returns the iterations run.
int dual_coordinate_descent(const RowMatrix& x, const Eigen::VectorXd& y, double diag, double upper,
                            double eps, int max_iter, std::mt19937_64& rng, Eigen::VectorXd& w) {
  const Eigen::Index n = x.rows();
  w = Eigen::VectorXd::Zero(x.cols());
  Eigen::VectorXd alpha = Eigen::VectorXd::Zero(n);
  Eigen::VectorXd qd = x.rowwise().squaredNorm();
  qd.array() += diag;
  std::vector<Eigen::Index> index(static_cast<std::size_t>(n));
  std::iota(index.begin(), index.end(), Eigen::Index{0});
  Eigen::Index active = n;
  double pg_max_old = std::numeric_limits<double>::infinity();
  double pg_min_old = -std::numeric_limits<double>::infinity();
  int iteration = 0;
  while (iteration < max_iter) {
    double pg_max_new = -std::numeric_limits<double>::infinity();
    double pg_min_new = std::numeric_limits<double>::infinity();
    for (Eigen::Index s = 0; s < active; ++s) {
      std::uniform_int_distribution<Eigen::Index> pick(s, active - 1);
      std::swap(index[static_cast<std::size_t>(s)], index[static_cast<std::size_t>(pick(rng))]);
    }
    for (Eigen::Index s = 0; s < active; ++s) {
      const Eigen::Index i = index[static_cast<std::size_t>(s)];
      const double g = y(i) * x.row(i).dot(w) - 1.0 + alpha(i) * diag;
      double pg = 0.0;
      if (alpha(i) == 0.0) {
        if (g > pg_max_old) {
          // Shrink: this variable is expected to stay at its bound.
          --active;
          std::swap(index[static_cast<std::size_t>(s)], index[static_cast<std::size_t>(active)]);
          --s;
          continue;
        }
        if (g < 0.0) pg = g;
      } else if (alpha(i) == upper) {
        if (g < pg_min_old) {
          --active;
          std::swap(index[static_cast<std::size_t>(s)], index[static_cast<std::size_t>(active)]);
          --s;
          continue;
        }
        if (g > 0.0) pg = g;
      } else {
        pg = g;
      }
      pg_max_new = std::max(pg_max_new, pg);
      pg_min_new = std::min(pg_min_new, pg);
      if (std::abs(pg) > 1e-12) {
        const double old = alpha(i);
        alpha(i) = std::min(std::max(alpha(i) - g / qd(i), 0.0), upper);
        w.noalias() += ((alpha(i) - old) * y(i)) * x.row(i).transpose();
      }
    }
    ++iteration;
    if (pg_max_new - pg_min_new <= eps) {
      if (active == n) break;
      active = n;
      pg_max_old = std::numeric_limits<double>::infinity();
      pg_min_old = -std::numeric_limits<double>::infinity();
      continue;
    }
    pg_max_old = pg_max_new <= 0.0 ? std::numeric_limits<double>::infinity() : pg_max_new;
    pg_min_old = pg_min_new >= 0.0 ? -std::numeric_limits<double>::infinity() : pg_min_new;
  }
  return iteration;
}

}  // namespace

void LinearSVC::fit(const Table& x, const Column* y) {
  validate_params();
  require_non_empty(x, describe());
  if (y == nullptr) throw DataError(fmt::format("{}: fit needs a target (labels)", describe()));
  if (y->size() != x.n_rows()) {
    throw DataError(
        fmt::format("{}: {} rows of features but {} labels", describe(), x.n_rows(), y->size()));
  }
  const detail::SgdData data = detail::sgd_data(x, describe());
  EncodedLabels labels = encode_labels(*y, describe());
  const auto n_classes = static_cast<Eigen::Index>(labels.classes.size());
  if (n_classes < 2) {
    throw DataError(fmt::format("{}: the target \"{}\" has a single class; at least 2 are needed",
                                describe(), y->name()));
  }
  const auto n_features = static_cast<Eigen::Index>(x.n_columns());
  RowMatrix augmented(static_cast<Eigen::Index>(x.n_rows()),
                      n_features + (params_.fit_intercept ? 1 : 0));
  augmented.leftCols(n_features) =
      data.is_sparse ? RowMatrix(Eigen::MatrixXd(data.sparse)) : data.dense;
  if (params_.fit_intercept) augmented.col(n_features).setConstant(params_.intercept_scaling);
  const bool squared = params_.loss == "squared_hinge";
  const double diag = squared ? 0.5 / params_.C : 0.0;
  const double upper = squared ? std::numeric_limits<double>::infinity() : params_.C;
  const Eigen::Index n_models = n_classes == 2 ? 1 : n_classes;
  state_.coef.resize(n_models, n_features);
  state_.intercept = Eigen::VectorXd::Zero(n_models);
  std::mt19937_64 rng = detail::make_engine(params_.random_state, 0);
  int iterations = 0;
  for (Eigen::Index k = 0; k < n_models; ++k) {
    const int positive = n_models == 1 ? 1 : static_cast<int>(k);
    Eigen::VectorXd target(augmented.rows());
    for (Eigen::Index i = 0; i < target.size(); ++i)
      target(i) = labels.indices[static_cast<std::size_t>(i)] == positive ? 1.0 : -1.0;
    Eigen::VectorXd w;
    iterations =
        std::max(iterations, dual_coordinate_descent(augmented, target, diag, upper, params_.tol,
                                                     params_.max_iter, rng, w));
    state_.coef.row(k) = w.head(n_features).transpose();
    if (params_.fit_intercept) state_.intercept(k) = params_.intercept_scaling * w(n_features);
    report_progress(static_cast<std::size_t>(k + 1), static_cast<std::size_t>(n_models));
  }
  state_.n_iter = iterations;
  state_.classes = labels.classes;
  state_.feature_names_in = x.column_names();
  state_.fitted = true;
}

}  // namespace loom::models
