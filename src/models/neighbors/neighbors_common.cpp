#include "neighbors_common.hpp"

#include <fmt/format.h>

#include "loom/core/input_check.hpp"
#include "loom/models/linear/detail/linear_regressor.hpp"

namespace loom::models {

const ParamTable<KNeighborsParams>& KNeighborsParams::table() {
  using P = KNeighborsParams;
  static const ParamTable<P> table{
      param("n_neighbors", &P::n_neighbors, at_least(1)),
      param("weights", &P::weights, one_of({"uniform", "distance"})),
      param("algorithm", &P::algorithm, one_of({"auto", "brute", "kd_tree", "ball_tree"})),
      param("metric", &P::metric, one_of({"minkowski", "euclidean"})),
      param("p", &P::p, greater_than(0.0)),
      param("n_jobs", &P::n_jobs),
  };
  return table;
}

namespace detail {

void check_neighbors_params(const KNeighborsParams& params, std::string_view caller) {
  if (params.metric == "minkowski" && params.p != 2.0) {
    throw ParameterError(
        fmt::format("{}: parameter p = {} is not supported; only p = 2 (Euclidean distance) is",
                    caller, params.p));
  }
}

std::shared_ptr<const clean::NearestNeighbors> build_index(const Eigen::MatrixXd& points,
                                                           const KNeighborsParams& params,
                                                           std::string_view caller) {
  if (points.rows() < params.n_neighbors) {
    throw DataError(fmt::format("{}: n_neighbors = {} but only {} training rows", caller,
                                params.n_neighbors, points.rows()));
  }
  const int threads = params.n_jobs && *params.n_jobs > 0 ? *params.n_jobs : 0;
  return std::make_shared<const clean::NearestNeighbors>(points, threads);
}

clean::NeighborsResult query_neighbors(const clean::NearestNeighbors& index, const Table& x,
                                       const std::vector<std::string>& feature_names,
                                       const KNeighborsParams& params, std::string_view caller) {
  require_same_columns(x, feature_names, caller);
  const Eigen::MatrixXd queries = dense_features(x, caller);
  return index.kneighbors(queries, params.n_neighbors);
}

Eigen::MatrixXd neighbor_weights(const clean::NeighborsResult& neighbors, bool by_distance) {
  const auto& distances = neighbors.distances;
  Eigen::MatrixXd weights = Eigen::MatrixXd::Ones(distances.rows(), distances.cols());
  if (!by_distance) return weights;
  for (Eigen::Index i = 0; i < distances.rows(); ++i) {
    const bool exact = (distances.row(i).array() == 0.0).any();
    for (Eigen::Index j = 0; j < distances.cols(); ++j) {
      weights(i, j) = exact ? (distances(i, j) == 0.0 ? 1.0 : 0.0) : 1.0 / distances(i, j);
    }
  }
  return weights;
}

}  // namespace detail
}  // namespace loom::models
