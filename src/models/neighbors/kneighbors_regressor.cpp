#include "loom/models/neighbors/kneighbors_regressor.hpp"

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/metrics/regression.hpp"
#include "loom/models/linear/detail/linear_regressor.hpp"
#include "neighbors_common.hpp"

namespace loom::models {

void KNeighborsRegressor::fit(const Table& x, const Column* y) {
  validate_params();
  detail::check_neighbors_params(params_, describe());
  require_non_empty(x, describe());
  Eigen::MatrixXd points = detail::dense_features(x, describe());
  Eigen::VectorXd target = detail::numeric_target(y, x.n_rows(), describe());
  index_ = detail::build_index(points, params_, describe());
  fit_x_ = std::move(points);
  fit_y_ = std::move(target);
  target_name_ = y->name();
  feature_names_in_ = x.column_names();
}

Eigen::VectorXd KNeighborsRegressor::predict_values(const Table& x) const {
  require_fitted("predict");
  const clean::NeighborsResult neighbors =
      detail::query_neighbors(*index_, x, feature_names_in_, params_, describe());
  const bool by_distance = params_.weights == "distance";
  const Eigen::MatrixXd weights = detail::neighbor_weights(neighbors, by_distance);
  Eigen::VectorXd result(neighbors.indices.rows());
  for (Eigen::Index i = 0; i < neighbors.indices.rows(); ++i) {
    double total = 0.0;
    double weight_sum = 0.0;
    for (Eigen::Index j = 0; j < neighbors.indices.cols(); ++j) {
      total += weights(i, j) * fit_y_(neighbors.indices(i, j));
      weight_sum += weights(i, j);
    }
    result(i) =
        by_distance ? total / weight_sum : total / static_cast<double>(neighbors.indices.cols());
  }
  return result;
}

Column KNeighborsRegressor::predict(const Table& x) const {
  const Eigen::VectorXd values = predict_values(x);
  return Column::numeric(target_name_, std::vector<double>(values.begin(), values.end()));
}

double KNeighborsRegressor::score(const Table& x, const Column& y) const {
  const Eigen::VectorXd truth = detail::numeric_target(&y, x.n_rows(), describe());
  const Eigen::VectorXd predicted = predict_values(x);
  return metrics::r2_score({truth.data(), static_cast<std::size_t>(truth.size())},
                           {predicted.data(), static_cast<std::size_t>(predicted.size())});
}

Json KNeighborsRegressor::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"target", target_name_},
          {"fit_X", state::from_matrix(fit_x_)},
          {"y", state::from_vector(fit_y_)}};
}

void KNeighborsRegressor::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  fit_x_ = state::to_matrix(saved, "fit_X");
  fit_y_ = state::to_eigen_vector(saved, "y");
  if (fit_y_.size() != fit_x_.rows() ||
      fit_x_.cols() != static_cast<Eigen::Index>(feature_names_in_.size())) {
    throw ParseError(
        fmt::format("{}: saved training rows do not match their targets or {} features", describe(),
                    feature_names_in_.size()));
  }
  target_name_ = saved.value("target", std::string());
  index_ = detail::build_index(fit_x_, params_, describe());
}

}  // namespace loom::models
