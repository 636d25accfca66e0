#include "loom/models/cluster/kmeans.hpp"

#include <fmt/format.h>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/models/cluster/detail/kmeans_core.hpp"

namespace loom::models {

const ParamTable<KMeansParams>& KMeansParams::table() {
  using P = KMeansParams;
  static const ParamTable<P> table{
      param("n_clusters", &P::n_clusters, at_least(1)),
      param("init", &P::init, one_of({"k-means++", "random"})),
      param<P, Json>("n_init", &P::n_init, detail::check_n_init),
      param("max_iter", &P::max_iter, at_least(1)),
      param("tol", &P::tol, at_least(0.0)),
      param("random_state", &P::random_state),
      param("algorithm", &P::algorithm, one_of({"lloyd"})),
  };
  return table;
}

Column cluster_column(const std::vector<int>& labels, std::string name) {
  return Column::numeric(std::move(name), std::vector<double>(labels.begin(), labels.end()));
}

void KMeans::fit(const Table& x, const Column* /*y: ignored, as scikit-learn*/) {
  validate_params();
  const detail::RowMatrix input = detail::clustering_input(x, describe());
  if (input.rows() < params_.n_clusters) {
    throw DataError(fmt::format("{}: {} rows, fewer than n_clusters = {}", describe(), input.rows(),
                                params_.n_clusters));
  }
  // As scikit-learn, the data are centred first, for precision in ||c||^2 - 2 x.c.
  const Eigen::RowVectorXd mean = input.colwise().mean();
  const detail::RowMatrix centred = input.rowwise() - mean;
  const double tol = detail::kmeans_tolerance(centred, params_.tol);
  const int n_init = detail::resolve_n_init(params_.n_init, params_.init, 10);
  std::mt19937_64 random = detail::make_random(params_.random_state);
  std::optional<detail::LloydResult> best;
  for (int run = 0; run < n_init; ++run) {
    detail::RowMatrix seeds = params_.init == "random"
                                  ? detail::random_centers(centred, params_.n_clusters, random)
                                  : detail::kmeans_plusplus(centred, params_.n_clusters, random);
    detail::LloydResult result = detail::lloyd(centred, std::move(seeds), params_.max_iter, tol);
    if (!best || result.inertia < best->inertia) best = std::move(result);
    report_progress(static_cast<std::size_t>(run + 1), static_cast<std::size_t>(n_init));
  }
  cluster_centers_ = best->centers.rowwise() + mean;
  labels_ = std::move(best->labels);
  inertia_ = best->inertia;
  n_iter_ = best->n_iter;
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Eigen::MatrixXd KMeans::checked_input(const Table& x, std::string_view method) const {
  require_fitted(method);
  require_same_columns(x, feature_names_in_, describe());
  return detail::clustering_input(x, describe());
}

Column KMeans::predict(const Table& x) const {
  const detail::RowMatrix input = checked_input(x, "predict");
  return cluster_column(detail::nearest_centers(input, cluster_centers_), "cluster");
}

Eigen::MatrixXd KMeans::transform(const Table& x) const {
  const Eigen::MatrixXd input = checked_input(x, "transform");
  Eigen::MatrixXd distances(input.rows(), cluster_centers_.rows());
  for (Eigen::Index j = 0; j < cluster_centers_.rows(); ++j)
    distances.col(j) = (input.rowwise() - cluster_centers_.row(j)).rowwise().norm();
  return distances;
}

double KMeans::score(const Table& x) const {
  const detail::RowMatrix input = checked_input(x, "score");
  const detail::RowMatrix centers = cluster_centers_;
  return -detail::kmeans_inertia(input, centers, detail::nearest_centers(input, centers));
}

const std::vector<int>& KMeans::labels() const {
  require_fitted("labels");
  return labels_;
}

std::vector<int> KMeans::fit_predict(const Table& x) {
  fit(x, nullptr);
  return labels_;
}

Json KMeans::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"cluster_centers", state::from_matrix(cluster_centers_)},
          {"labels", labels_},
          {"inertia", inertia_},
          {"n_iter", n_iter_}};
}

void KMeans::load_fitted_state(const Json& saved) {
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
  if (!inertia.is_number())
    throw ParseError(fmt::format("{}: saved inertia must be a number", describe()));
  inertia_ = inertia.get<double>();
  n_iter_ = saved.value("n_iter", 0);
  fitted_ = true;
}

}  // namespace loom::models
