#include "loom/models/linear/detail/linear_regressor.hpp"

#include <fmt/format.h>

#include <cmath>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/metrics/regression.hpp"

namespace loom::models::detail {

Eigen::MatrixXd dense_features(const Table& x, std::string_view caller) {
  Eigen::MatrixXd values = x.to_dense(caller);
  // Only when NaN is there, look for the column to name.
  if (values.hasNaN()) x.require_no_missing(caller);
  return values;
}

Eigen::VectorXd numeric_target(const Column* y, std::size_t n_rows, std::string_view caller) {
  if (y == nullptr) throw DataError(fmt::format("{}: fit needs a target (numeric)", caller));
  if (y->size() != n_rows) {
    throw DataError(
        fmt::format("{}: {} rows of features but {} target values", caller, n_rows, y->size()));
  }
  if (y->type() != ColumnType::numeric) {
    throw DataError(fmt::format("{}: the target \"{}\" is {}; a regressor needs a numeric target",
                                caller, y->name(), to_string(y->type())));
  }
  const auto values = y->numeric_values();
  for (std::size_t row = 0; row < values.size(); ++row) {
    if (!std::isfinite(values[row])) {
      throw DataError(fmt::format("{}: the target \"{}\" has a missing or infinite value at row {}",
                                  caller, y->name(), row));
    }
  }
  return Eigen::Map<const Eigen::VectorXd>(values.data(), static_cast<Eigen::Index>(values.size()));
}

RegressionData regression_data(const Table& x, const Column* y, std::string_view caller) {
  require_non_empty(x, caller);
  RegressionData data;
  data.x = dense_features(x, caller);
  data.y = numeric_target(y, x.n_rows(), caller);
  return data;
}

Eigen::VectorXd column_offsets(const Eigen::MatrixXd& x, bool fit_intercept) {
  if (!fit_intercept) return Eigen::VectorXd::Zero(x.cols());
  return x.colwise().mean().transpose();
}

Eigen::VectorXd LinearRegressorState::decision(const Table& x, std::string_view caller) const {
  require_same_columns(x, feature_names_in, caller);
  Eigen::VectorXd result;
  if (x.is_sparse()) {
    result = x.matrix().sparse() * coef;
  } else if (!x.is_dataset()) {
    result.noalias() = x.matrix().dense() * coef;
  } else {
    result.noalias() = x.to_dense(caller) * coef;
  }
  result.array() += intercept;
  if (result.hasNaN()) x.require_no_missing(caller);
  return result;
}

Column LinearRegressorState::predict(const Table& x, std::string_view caller) const {
  const Eigen::VectorXd values = decision(x, caller);
  return Column::numeric(target_name, std::vector<double>(values.begin(), values.end()));
}

double LinearRegressorState::score(const Table& x, const Column& y, std::string_view caller) const {
  const Eigen::VectorXd truth = numeric_target(&y, x.n_rows(), caller);
  const Eigen::VectorXd predicted = decision(x, caller);
  return metrics::r2_score({truth.data(), static_cast<std::size_t>(truth.size())},
                           {predicted.data(), static_cast<std::size_t>(predicted.size())});
}

Json LinearRegressorState::to_json() const {
  return {{"feature_names_in", feature_names_in},
          {"target", target_name},
          {"coef", state::from_vector(coef)},
          {"intercept", intercept},
          {"n_iter", n_iter}};
}

void LinearRegressorState::from_json(const Json& saved, std::string_view caller) {
  feature_names_in = state::to_strings(saved, "feature_names_in");
  coef = state::to_eigen_vector(saved, "coef");
  const Json& stored_intercept = state::field(saved, "intercept");
  if (!stored_intercept.is_number() ||
      coef.size() != static_cast<Eigen::Index>(feature_names_in.size())) {
    throw ParseError(fmt::format("{}: saved coefficients do not match {} features", caller,
                                 feature_names_in.size()));
  }
  intercept = stored_intercept.get<double>();
  target_name = saved.value("target", std::string());
  n_iter = saved.value("n_iter", 0);
  fitted = true;
}

}  // namespace loom::models::detail
