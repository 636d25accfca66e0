#include "loom/models/neural/mlp_regressor.hpp"

#include <fmt/format.h>

#include "loom/core/error.hpp"
#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/models/linear/detail/linear_regressor.hpp"

namespace loom::models {

void MLPRegressor::fit(const Table& x, const Column* y) {
  detail::check_mlp_params(params_, describe());
  require_non_empty(x, describe());
  const Eigen::VectorXd target = detail::numeric_target(y, x.n_rows(), describe());
  const Eigen::MatrixXd features = detail::dense_features(x, describe());
  fitted_ = false;
  training_ = detail::train_mlp(
      params_, features, target, "identity", {},
      [this](std::size_t done, std::size_t total) { report_progress(done, total); }, describe());
  feature_names_in_ = x.column_names();
  target_name_ = y->name();
  fitted_ = true;
}

Column MLPRegressor::predict(const Table& x) const {
  require_fitted("predict");
  require_same_columns(x, feature_names_in_, describe());
  const Eigen::MatrixXd p = training_.network.forward(detail::dense_features(x, describe()));
  return Column::numeric(target_name_, std::vector<double>(p.col(0).begin(), p.col(0).end()));
}

double MLPRegressor::score(const Table& x, const Column& y) const {
  const Eigen::VectorXd truth = detail::numeric_target(&y, x.n_rows(), describe());
  const Column predicted = predict(x);
  const auto values = predicted.numeric_values();
  const Eigen::Map<const Eigen::VectorXd> p(values.data(),
                                            static_cast<Eigen::Index>(values.size()));
  const double total = (truth.array() - truth.mean()).square().sum();
  const double residual = (truth - p).squaredNorm();
  return total == 0.0 ? (residual == 0.0 ? 1.0 : 0.0) : 1.0 - residual / total;
}

Json MLPRegressor::fitted_state() const {
  require_fitted("fitted_state");
  Json saved = detail::training_to_json(training_);
  saved["feature_names_in"] = feature_names_in_;
  saved["target_name"] = target_name_;
  return saved;
}

void MLPRegressor::load_fitted_state(const Json& saved) {
  detail::MlpTraining training = detail::training_from_json(saved, describe());
  std::vector<std::string> names = state::to_strings(saved, "feature_names_in");
  if (training.network.coefs.front().rows() != static_cast<Eigen::Index>(names.size()) ||
      training.network.coefs.back().cols() != 1 || training.network.out_activation != "identity") {
    throw ParseError(fmt::format("{}: saved network does not match {} features and one target",
                                 describe(), names.size()));
  }
  training_ = std::move(training);
  feature_names_in_ = std::move(names);
  target_name_ = state::field(saved, "target_name").get<std::string>();
  fitted_ = true;
}

}  // namespace loom::models
