#include "loom/clean/local_outlier_factor.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "loom/clean/detail/quantile.hpp"
#include "loom/clean/nearest_neighbors.hpp"

namespace loom::clean {

const ParamTable<LocalOutlierFactorParams>& LocalOutlierFactorParams::table() {
  static const ParamTable<LocalOutlierFactorParams> table{
      param("n_neighbors", &LocalOutlierFactorParams::n_neighbors, at_least(1)),
      param<LocalOutlierFactorParams, Json>(
          "contamination", &LocalOutlierFactorParams::contamination,
          [](const Json& value) { return check_contamination(value, true); }),
      param("n_jobs", &LocalOutlierFactorParams::n_jobs),
  };
  return table;
}

namespace {

// 1 / (mean reachability distance + 1e-10) per query row, as scikit-learn's
// _local_reachability_density; reach-dist(q, o) = max(d(q, o), k-distance(o)).
Eigen::VectorXd reachability_density(const NeighborsResult& neighbors,
                                     const Eigen::VectorXd& distance_k) {
  const Eigen::Index n_rows = neighbors.indices.rows();
  const Eigen::Index k = neighbors.indices.cols();
  Eigen::VectorXd density(n_rows);
  for (Eigen::Index i = 0; i < n_rows; ++i) {
    double sum = 0.0;
    for (Eigen::Index j = 0; j < k; ++j)
      sum += std::max(neighbors.distances(i, j), distance_k(neighbors.indices(i, j)));
    density(i) = 1.0 / (sum / static_cast<double>(k) + 1e-10);
  }
  return density;
}

// -mean(lrd(neighbour) / lrd(row)) per row: scikit-learn's negative outlier
// factor.
Eigen::VectorXd negative_factor(const NeighborsResult& neighbors, const Eigen::VectorXd& own,
                                const Eigen::VectorXd& lrd) {
  const Eigen::Index k = neighbors.indices.cols();
  Eigen::VectorXd factor(own.size());
  for (Eigen::Index i = 0; i < own.size(); ++i) {
    double sum = 0.0;
    for (Eigen::Index j = 0; j < k; ++j)
      sum += lrd(neighbors.indices(i, j)) / own(i);
    factor(i) = -(sum / static_cast<double>(k));
  }
  return factor;
}

}  // namespace

void LocalOutlierFactor::fit_checked(const Eigen::MatrixXd& x) {
  if (x.rows() < 2) {
    throw DataError(fmt::format("{}: fit needs at least 2 rows to have neighbours, found {}",
                                kTypeName, x.rows()));
  }
  n_neighbors_ =
      std::max<Eigen::Index>(1, std::min<Eigen::Index>(params_.n_neighbors, x.rows() - 1));
  auto index = std::make_shared<const NearestNeighbors>(x, params_.n_jobs.value_or(0));
  const NeighborsResult neighbors = index->kneighbors_of_points(n_neighbors_);
  distance_k_ = neighbors.distances.col(n_neighbors_ - 1);
  lrd_ = reachability_density(neighbors, distance_k_);
  training_scores_ = negative_factor(neighbors, lrd_, lrd_);
  index_ = std::move(index);
  const Json& contamination = params_.contamination;
  if (contamination.is_string()) {
    offset_ = -1.5;
  } else {
    std::vector<double> sorted(training_scores_.begin(), training_scores_.end());
    std::sort(sorted.begin(), sorted.end());
    offset_ = detail::percentile_linear(sorted, 100.0 * contamination.get<double>());
  }
}

Eigen::VectorXd LocalOutlierFactor::score_checked(const Eigen::MatrixXd& x) const {
  const NeighborsResult neighbors = index_->kneighbors(x, n_neighbors_);
  return negative_factor(neighbors, reachability_density(neighbors, distance_k_), lrd_);
}

}  // namespace loom::clean
