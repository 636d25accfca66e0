#include "loom/models/cluster/mini_batch_kmeans.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/models/cluster/detail/kmeans_core.hpp"

namespace loom::models {

const ParamTable<MiniBatchKMeansParams>& MiniBatchKMeansParams::table() {
  using P = MiniBatchKMeansParams;
  static const ParamTable<P> table{
      param("n_clusters", &P::n_clusters, at_least(1)),
      param("init", &P::init, one_of({"k-means++", "random"})),
      param("max_iter", &P::max_iter, at_least(1)),
      param("batch_size", &P::batch_size, at_least(1)),
      param("compute_labels", &P::compute_labels),
      param("random_state", &P::random_state),
      param("tol", &P::tol, at_least(0.0)),
      param<P, std::optional<int>>("max_no_improvement", &P::max_no_improvement,
                                   [](const std::optional<int>& value) {
                                     return (!value || *value >= 0) ? std::string()
                                                                    : "must be >= 0 or null";
                                   }),
      param<P, std::optional<int>>("init_size", &P::init_size,
                                   [](const std::optional<int>& value) {
                                     return (!value || *value >= 1) ? std::string()
                                                                    : "must be >= 1 or null";
                                   }),
      param<P, Json>("n_init", &P::n_init, detail::check_n_init),
      param("reassignment_ratio", &P::reassignment_ratio, at_least(0.0)),
  };
  return table;
}

namespace {

using detail::RowMatrix;

RowMatrix take_rows(const RowMatrix& x, const std::vector<Eigen::Index>& rows) {
  RowMatrix result(static_cast<Eigen::Index>(rows.size()), x.cols());
  for (std::size_t i = 0; i < rows.size(); ++i)
    result.row(static_cast<Eigen::Index>(i)) = x.row(rows[i]);
  return result;
}

std::vector<Eigen::Index> random_rows(std::mt19937_64& random, Eigen::Index n, Eigen::Index size) {
  std::vector<Eigen::Index> rows(static_cast<std::size_t>(size));
  for (auto& row : rows)
    row = static_cast<Eigen::Index>(detail::uniform_index(random, n));
  return rows;
}

// The state of scikit-learn's MiniBatchKMeans between steps.
struct MiniBatchState {
  RowMatrix centers;
  Eigen::VectorXd counts;  // rows seen per centre (weight_sums)
  std::optional<double> ewa_inertia;
  std::optional<double> ewa_inertia_min;
  int no_improvement = 0;
  Eigen::Index since_reassign = 0;
};

// One step on a batch: moves each centre to the running mean of the rows it has seen, then
// reseeds centres that saw few rows with rows of the batch. Returns the batch's inertia
// against the centres before the step.
double mini_batch_step(const RowMatrix& batch, MiniBatchState& state, bool reassign,
                       double reassignment_ratio, std::mt19937_64& random) {
  const std::vector<int> labels = detail::nearest_centers(batch, state.centers);
  const double inertia = detail::kmeans_inertia(batch, state.centers, labels);
  const Eigen::Index k = state.centers.rows();
  RowMatrix sums = RowMatrix::Zero(k, batch.cols());
  Eigen::VectorXd batch_counts = Eigen::VectorXd::Zero(k);
  for (Eigen::Index i = 0; i < batch.rows(); ++i) {
    sums.row(labels[static_cast<std::size_t>(i)]) += batch.row(i);
    batch_counts(labels[static_cast<std::size_t>(i)]) += 1.0;
  }
  for (Eigen::Index c = 0; c < k; ++c) {
    if (batch_counts(c) == 0.0) continue;
    const Eigen::RowVectorXd moved = state.centers.row(c) * state.counts(c) + sums.row(c);
    state.counts(c) += batch_counts(c);
    state.centers.row(c) = moved / state.counts(c);
  }
  if (reassign && reassignment_ratio > 0.0) {
    const double limit = reassignment_ratio * state.counts.maxCoeff();
    std::vector<bool> to_reassign(static_cast<std::size_t>(k));
    Eigen::Index n_reassign = 0;
    for (Eigen::Index c = 0; c < k; ++c) {
      to_reassign[static_cast<std::size_t>(c)] = state.counts(c) < limit;
      n_reassign += to_reassign[static_cast<std::size_t>(c)] ? 1 : 0;
    }
    // Never more than half the batch: the centres with the most rows keep theirs.
    const auto half = static_cast<Eigen::Index>(0.5 * static_cast<double>(batch.rows()));
    if (static_cast<double>(n_reassign) > 0.5 * static_cast<double>(batch.rows())) {
      std::vector<Eigen::Index> order(static_cast<std::size_t>(k));
      std::iota(order.begin(), order.end(), Eigen::Index{0});
      std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
        return state.counts(a) < state.counts(b);
      });
      for (auto position = static_cast<std::size_t>(half); position < order.size(); ++position)
        to_reassign[static_cast<std::size_t>(order[position])] = false;
      n_reassign = std::count(to_reassign.begin(), to_reassign.end(), true);
    }
    if (n_reassign > 0) {
      double smallest_kept = std::numeric_limits<double>::infinity();
      for (Eigen::Index c = 0; c < k; ++c) {
        if (!to_reassign[static_cast<std::size_t>(c)]) {
          smallest_kept = std::min(smallest_kept, state.counts(c));
        }
      }
      // Distinct batch rows, uniformly (partial Fisher-Yates).
      std::vector<Eigen::Index> rows(static_cast<std::size_t>(batch.rows()));
      std::iota(rows.begin(), rows.end(), Eigen::Index{0});
      std::size_t next = 0;
      for (Eigen::Index c = 0; c < k; ++c) {
        if (!to_reassign[static_cast<std::size_t>(c)]) continue;
        const auto pick = next + static_cast<std::size_t>(detail::uniform_index(
                                     random, static_cast<std::int64_t>(rows.size() - next)));
        std::swap(rows[next], rows[pick]);
        state.centers.row(c) = batch.row(rows[next]);
        ++next;
        if (std::isfinite(smallest_kept)) state.counts(c) = smallest_kept;
      }
    }
  }
  return inertia;
}

}  // namespace

void MiniBatchKMeans::fit(const Table& x, const Column* /*y: ignored, as scikit-learn*/) {
  validate_params();
  const RowMatrix input = detail::clustering_input(x, describe());
  const Eigen::Index n = input.rows();
  const int k = params_.n_clusters;
  if (n < k) {
    throw DataError(fmt::format("{}: {} rows, fewer than n_clusters = {}", describe(), n, k));
  }
  const Eigen::Index batch_size = std::min<Eigen::Index>(params_.batch_size, n);
  Eigen::Index init_size = params_.init_size.value_or(3 * batch_size);
  if (init_size < k) init_size = 3 * static_cast<Eigen::Index>(k);
  init_size = std::min(init_size, n);
  const double tol = detail::kmeans_tolerance(input, params_.tol);
  const int n_init = detail::resolve_n_init(params_.n_init, params_.init, 3);
  std::mt19937_64 random = detail::make_random(params_.random_state);

  // Seedings are compared by their inertia on one random validation sample.
  const RowMatrix validation = take_rows(input, random_rows(random, n, init_size));
  MiniBatchState state;
  double best_inertia = std::numeric_limits<double>::infinity();
  for (int run = 0; run < n_init; ++run) {
    const RowMatrix sample =
        init_size < n ? take_rows(input, random_rows(random, n, init_size)) : input;
    RowMatrix seeds = params_.init == "random" ? detail::random_centers(sample, k, random)
                                               : detail::kmeans_plusplus(sample, k, random);
    const double inertia =
        detail::kmeans_inertia(validation, seeds, detail::nearest_centers(validation, seeds));
    if (run == 0 || inertia < best_inertia) {
      best_inertia = inertia;
      state.centers = std::move(seeds);
    }
  }
  state.counts = Eigen::VectorXd::Zero(k);

  const auto n_steps =
      static_cast<Eigen::Index>((static_cast<std::int64_t>(params_.max_iter) * n) / batch_size);
  const double alpha =
      std::min(1.0, static_cast<double>(batch_size) * 2.0 / static_cast<double>(n + 1));
  Eigen::Index step = 0;
  for (; step < n_steps; ++step) {
    const RowMatrix batch = take_rows(input, random_rows(random, n, batch_size));
    state.since_reassign += batch_size;
    bool reassign = false;
    if ((state.counts.array() == 0.0).any() || state.since_reassign >= 10 * k) {
      state.since_reassign = 0;
      reassign = true;
    }
    const RowMatrix before = tol > 0.0 ? state.centers : RowMatrix();
    const double batch_inertia =
        mini_batch_step(batch, state, reassign, params_.reassignment_ratio, random) /
        static_cast<double>(batch_size);
    const double squared_change = tol > 0.0 ? (state.centers - before).squaredNorm() : 0.0;
    if (step % 64 == 0)
      report_progress(static_cast<std::size_t>(step), static_cast<std::size_t>(n_steps));
    // scikit-learn's _mini_batch_convergence; the first step's inertia is the seeding's.
    if (step == 0) continue;
    state.ewa_inertia = state.ewa_inertia
                            ? *state.ewa_inertia * (1.0 - alpha) + batch_inertia * alpha
                            : batch_inertia;
    if (tol > 0.0 && squared_change <= tol) break;
    if (!state.ewa_inertia_min || *state.ewa_inertia < *state.ewa_inertia_min) {
      state.no_improvement = 0;
      state.ewa_inertia_min = state.ewa_inertia;
    } else {
      ++state.no_improvement;
    }
    if (params_.max_no_improvement && state.no_improvement >= *params_.max_no_improvement) break;
  }
  const Eigen::Index steps_done = std::min(step + 1, n_steps);
  n_steps_ = static_cast<int>(steps_done);
  n_iter_ = static_cast<int>((steps_done * batch_size + n - 1) / n);
  labels_.clear();
  if (params_.compute_labels) {
    labels_ = detail::nearest_centers(input, state.centers);
    inertia_ = detail::kmeans_inertia(input, state.centers, labels_);
  } else {
    inertia_ = state.ewa_inertia.value_or(0.0) * static_cast<double>(n);
  }
  cluster_centers_ = state.centers;
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Column MiniBatchKMeans::predict(const Table& x) const {
  require_fitted("predict");
  require_same_columns(x, feature_names_in_, describe());
  const RowMatrix input = detail::clustering_input(x, describe());
  return cluster_column(detail::nearest_centers(input, cluster_centers_), "cluster");
}

Eigen::MatrixXd MiniBatchKMeans::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  const Eigen::MatrixXd input = detail::clustering_input(x, describe());
  Eigen::MatrixXd distances(input.rows(), cluster_centers_.rows());
  for (Eigen::Index j = 0; j < cluster_centers_.rows(); ++j)
    distances.col(j) = (input.rowwise() - cluster_centers_.row(j)).rowwise().norm();
  return distances;
}

const std::vector<int>& MiniBatchKMeans::labels() const {
  require_fitted("labels");
  return labels_;
}

std::vector<int> MiniBatchKMeans::fit_predict(const Table& x) {
  fit(x, nullptr);
  if (!params_.compute_labels) {
    return detail::nearest_centers(detail::clustering_input(x, describe()), cluster_centers_);
  }
  return labels_;
}

Json MiniBatchKMeans::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"cluster_centers", state::from_matrix(cluster_centers_)},
          {"labels", labels_},
          {"inertia", inertia_},
          {"n_iter", n_iter_},
          {"n_steps", n_steps_}};
}

void MiniBatchKMeans::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  cluster_centers_ = state::to_matrix(saved, "cluster_centers");
  if (cluster_centers_.rows() < 1 ||
      cluster_centers_.cols() != static_cast<Eigen::Index>(feature_names_in_.size())) {
    throw ParseError(fmt::format("{}: saved cluster_centers ({} x {}) do not match {} features",
                                 describe(), cluster_centers_.rows(), cluster_centers_.cols(),
                                 feature_names_in_.size()));
  }
  labels_ = detail::saved_labels(saved, cluster_centers_.rows(), describe());
  const Json& inertia = state::field(saved, "inertia");
  if (!inertia.is_number()) {
    throw ParseError(fmt::format("{}: saved inertia must be a number", describe()));
  }
  inertia_ = inertia.get<double>();
  n_iter_ = saved.value("n_iter", 0);
  n_steps_ = saved.value("n_steps", 0);
  fitted_ = true;
}

}  // namespace loom::models
