#include "loom/models/cluster/detail/kmeans_core.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "loom/core/detail/parallel.hpp"
#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"

namespace loom::models::detail {

namespace {

// Rows go to threads in fixed blocks, each with its own partial sums added in block order, so
// results are the same whatever the number of threads. Within a block, the distances of
// kChunkRows rows to all centres come from one matrix product.
constexpr Eigen::Index kBlockRows = 4096;
constexpr Eigen::Index kChunkRows = 256;

Eigen::Index n_blocks(Eigen::Index n_rows) {
  return (n_rows + kBlockRows - 1) / kBlockRows;
}

// Calls body(block, first_row, n_rows_in_block) for every block, spread over threads.
template <class Body>
void for_each_block(Eigen::Index n_rows, const Body& body) {
  loom::detail::parallel_for(static_cast<std::size_t>(n_blocks(n_rows)), 1,
                             [&](std::size_t begin, std::size_t end) {
                               for (auto block = static_cast<Eigen::Index>(begin);
                                    block < static_cast<Eigen::Index>(end); ++block) {
                                 const Eigen::Index first = block * kBlockRows;
                                 body(block, first, std::min(kBlockRows, n_rows - first));
                               }
                             });
}

// Labels of rows [first, first + count) from ||c||^2 - 2 x.c, the first centre on ties.
void assign_rows(const RowMatrix& x, const RowMatrix& centers, const Eigen::VectorXd& norms,
                 Eigen::Index first, Eigen::Index count, int* labels) {
  const auto k = centers.rows();
  Eigen::MatrixXd scores;
  for (Eigen::Index start = 0; start < count; start += kChunkRows) {
    const Eigen::Index rows = std::min(kChunkRows, count - start);
    scores.noalias() = x.middleRows(first + start, rows) * centers.transpose();
    for (Eigen::Index i = 0; i < rows; ++i) {
      int best = 0;
      double best_distance = norms(0) - 2.0 * scores(i, 0);
      for (Eigen::Index j = 1; j < k; ++j) {
        const double distance = norms(j) - 2.0 * scores(i, j);
        if (distance < best_distance) {
          best_distance = distance;
          best = static_cast<int>(j);
        }
      }
      labels[start + i] = best;
    }
  }
}

// One Lloyd step: labels from the centres, then each cluster's row sum and count.
void lloyd_step(const RowMatrix& x, const RowMatrix& centers, std::vector<int>& labels,
                RowMatrix& sums, Eigen::VectorXd& counts) {
  const Eigen::VectorXd norms = centers.rowwise().squaredNorm();
  const Eigen::Index blocks = n_blocks(x.rows());
  std::vector<RowMatrix> block_sums(static_cast<std::size_t>(blocks));
  Eigen::MatrixXd block_counts = Eigen::MatrixXd::Zero(centers.rows(), blocks);
  for_each_block(x.rows(), [&](Eigen::Index block, Eigen::Index first, Eigen::Index count) {
    int* block_labels = labels.data() + first;
    assign_rows(x, centers, norms, first, count, block_labels);
    RowMatrix& partial = block_sums[static_cast<std::size_t>(block)];
    partial = RowMatrix::Zero(centers.rows(), x.cols());
    for (Eigen::Index i = 0; i < count; ++i) {
      partial.row(block_labels[i]) += x.row(first + i);
      block_counts(block_labels[i], block) += 1.0;
    }
  });
  sums = RowMatrix::Zero(centers.rows(), x.cols());
  for (const auto& partial : block_sums)
    sums += partial;
  counts = block_counts.rowwise().sum();
}

// scikit-learn's _relocate_empty_clusters_dense: each empty cluster takes one of the rows
// farthest from their (old) centres, the farthest first; sums and counts move with the row.
void relocate_empty_clusters(const RowMatrix& x, const RowMatrix& old_centers,
                             const std::vector<int>& labels, RowMatrix& sums,
                             Eigen::VectorXd& counts) {
  std::vector<Eigen::Index> empty;
  for (Eigen::Index j = 0; j < counts.size(); ++j) {
    if (counts(j) == 0.0) empty.push_back(j);
  }
  if (empty.empty()) return;
  std::vector<double> distances(static_cast<std::size_t>(x.rows()));
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    distances[static_cast<std::size_t>(i)] =
        (x.row(i) - old_centers.row(labels[static_cast<std::size_t>(i)])).squaredNorm();
  }
  std::vector<Eigen::Index> order(distances.size());
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  const auto n_moved = std::min(empty.size(), order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n_moved),
                    order.end(), [&](Eigen::Index a, Eigen::Index b) {
                      const double da = distances[static_cast<std::size_t>(a)];
                      const double db = distances[static_cast<std::size_t>(b)];
                      return da > db || (da == db && a < b);
                    });
  for (std::size_t index = 0; index < n_moved; ++index) {
    const Eigen::Index row = order[index];
    const int old_cluster = labels[static_cast<std::size_t>(row)];
    sums.row(old_cluster) -= x.row(row);
    sums.row(empty[index]) = x.row(row);
    counts(empty[index]) = 1.0;
    counts(old_cluster) -= 1.0;
  }
}

}  // namespace

RowMatrix clustering_input(const Table& x, std::string_view caller) {
  require_non_empty(x, caller);
  x.require_no_missing(caller);
  if (!x.is_dataset() && !x.is_sparse()) return x.matrix().dense();
  return x.to_dense(caller);
}

std::mt19937_64 make_random(const std::optional<int>& random_state) {
  if (random_state) return std::mt19937_64(static_cast<std::uint64_t>(*random_state));
  std::random_device device;
  const std::uint64_t seed = (static_cast<std::uint64_t>(device()) << 32) ^ device();
  return std::mt19937_64(seed);
}

int resolve_n_init(const Json& n_init, const std::string& init, int auto_runs) {
  if (n_init.is_string()) return init == "k-means++" ? 1 : auto_runs;
  return n_init.get<int>();
}

std::string check_n_init(const Json& value) {
  if (value.is_string() && value.get<std::string>() == "auto") return {};
  if (value.is_number_integer() && value.get<std::int64_t>() >= 1 &&
      value.get<std::int64_t>() <= std::numeric_limits<int>::max()) {
    return {};
  }
  return "must be an integer >= 1 or \"auto\"";
}

std::vector<int> saved_labels(const Json& state, Eigen::Index n_clusters, std::string_view owner,
                              int lowest) {
  const Json& labels = state::field(state, "labels");
  if (!labels.is_array()) throw ParseError(fmt::format("{}: saved labels must be a list", owner));
  std::vector<int> result;
  result.reserve(labels.size());
  for (const auto& label : labels) {
    if (!label.is_number_integer() || label.get<std::int64_t>() < lowest ||
        label.get<std::int64_t>() >= n_clusters) {
      throw ParseError(fmt::format("{}: saved labels must be integers in [{}, {}), found {}", owner,
                                   lowest, n_clusters, label.dump()));
    }
    result.push_back(label.get<int>());
  }
  return result;
}

double uniform01(std::mt19937_64& random) {
  return static_cast<double>(random() >> 11) * 0x1.0p-53;
}

std::int64_t uniform_index(std::mt19937_64& random, std::int64_t n) {
  const auto range = static_cast<std::uint64_t>(n);
  // Rejection of the top partial range keeps every index equally likely.
  const std::uint64_t limit =
      std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % range;
  std::uint64_t value = random();
  while (value >= limit)
    value = random();
  return static_cast<std::int64_t>(value % range);
}

double kmeans_tolerance(const RowMatrix& x, double tol) {
  if (tol == 0.0 || x.rows() == 0) return 0.0;
  const Eigen::RowVectorXd mean = x.colwise().mean();
  const double n = static_cast<double>(x.rows());
  const double mean_variance =
      (x.rowwise() - mean).colwise().squaredNorm().sum() / n / static_cast<double>(x.cols());
  return mean_variance * tol;
}

RowMatrix kmeans_plusplus(const RowMatrix& x, int n_clusters, std::mt19937_64& random) {
  const Eigen::Index n = x.rows();
  RowMatrix centers(n_clusters, x.cols());
  const auto first = static_cast<Eigen::Index>(uniform_index(random, n));
  centers.row(0) = x.row(first);
  Eigen::VectorXd closest = (x.rowwise() - x.row(first)).rowwise().squaredNorm();
  double potential = closest.sum();
  const int n_trials = 2 + static_cast<int>(std::log(static_cast<double>(n_clusters)));
  std::vector<double> cumulative(static_cast<std::size_t>(n));
  std::vector<Eigen::Index> candidates(static_cast<std::size_t>(n_trials));
  const Eigen::Index blocks = n_blocks(n);
  Eigen::MatrixXd candidate_distances(n, n_trials);
  Eigen::MatrixXd block_potentials(n_trials, blocks);
  for (int c = 1; c < n_clusters; ++c) {
    std::partial_sum(closest.begin(), closest.end(), cumulative.begin());
    for (auto& candidate : candidates) {
      const double target = uniform01(random) * potential;
      const auto position = std::lower_bound(cumulative.begin(), cumulative.end(), target);
      candidate = std::min<Eigen::Index>(position - cumulative.begin(), n - 1);
    }
    for_each_block(n, [&](Eigen::Index block, Eigen::Index first_row, Eigen::Index count) {
      for (int t = 0; t < n_trials; ++t) {
        const auto center = x.row(candidates[static_cast<std::size_t>(t)]);
        double sum = 0.0;
        for (Eigen::Index i = first_row; i < first_row + count; ++i) {
          const double distance = std::min(closest(i), (x.row(i) - center).squaredNorm());
          candidate_distances(i, t) = distance;
          sum += distance;
        }
        block_potentials(t, block) = sum;
      }
    });
    const Eigen::VectorXd potentials = block_potentials.rowwise().sum();
    Eigen::Index best = 0;
    for (Eigen::Index t = 1; t < n_trials; ++t) {
      if (potentials(t) < potentials(best)) best = t;
    }
    potential = potentials(best);
    closest = candidate_distances.col(best);
    centers.row(c) = x.row(candidates[static_cast<std::size_t>(best)]);
  }
  return centers;
}

RowMatrix random_centers(const RowMatrix& x, int n_clusters, std::mt19937_64& random) {
  std::vector<Eigen::Index> rows(static_cast<std::size_t>(x.rows()));
  std::iota(rows.begin(), rows.end(), Eigen::Index{0});
  RowMatrix centers(n_clusters, x.cols());
  for (int c = 0; c < n_clusters; ++c) {
    const auto remaining = static_cast<std::int64_t>(rows.size()) - c;
    const auto pick = c + uniform_index(random, remaining);
    std::swap(rows[static_cast<std::size_t>(c)], rows[static_cast<std::size_t>(pick)]);
    centers.row(c) = x.row(rows[static_cast<std::size_t>(c)]);
  }
  return centers;
}

std::vector<int> nearest_centers(const RowMatrix& x, const RowMatrix& centers) {
  std::vector<int> labels(static_cast<std::size_t>(x.rows()));
  const Eigen::VectorXd norms = centers.rowwise().squaredNorm();
  for_each_block(x.rows(), [&](Eigen::Index, Eigen::Index first, Eigen::Index count) {
    assign_rows(x, centers, norms, first, count, labels.data() + first);
  });
  return labels;
}

double kmeans_inertia(const RowMatrix& x, const RowMatrix& centers,
                      const std::vector<int>& labels) {
  Eigen::VectorXd partial = Eigen::VectorXd::Zero(n_blocks(x.rows()));
  for_each_block(x.rows(), [&](Eigen::Index block, Eigen::Index first, Eigen::Index count) {
    double sum = 0.0;
    for (Eigen::Index i = first; i < first + count; ++i)
      sum += (x.row(i) - centers.row(labels[static_cast<std::size_t>(i)])).squaredNorm();
    partial(block) = sum;
  });
  return partial.sum();
}

LloydResult lloyd(const RowMatrix& x, RowMatrix centers, int max_iter, double tol) {
  LloydResult result;
  std::vector<int> labels(static_cast<std::size_t>(x.rows()), 0);
  std::vector<int> previous(labels.size(), -1);
  RowMatrix sums;
  Eigen::VectorXd counts;
  bool strict_convergence = false;
  for (int iteration = 0; iteration < max_iter; ++iteration) {
    lloyd_step(x, centers, labels, sums, counts);
    relocate_empty_clusters(x, centers, labels, sums, counts);
    RowMatrix updated = sums;
    for (Eigen::Index j = 0; j < counts.size(); ++j) {
      if (counts(j) > 0.0) updated.row(j) /= counts(j);
    }
    const double shift = (updated - centers).squaredNorm();
    centers = std::move(updated);
    result.n_iter = iteration + 1;
    if (labels == previous) {
      strict_convergence = true;
      break;
    }
    if (shift <= tol) break;
    previous = labels;
  }
  // As scikit-learn: unless the labels were stable, they are recomputed from the final centres.
  if (!strict_convergence) labels = nearest_centers(x, centers);
  result.inertia = kmeans_inertia(x, centers, labels);
  result.centers = std::move(centers);
  result.labels = std::move(labels);
  return result;
}

}  // namespace loom::models::detail
