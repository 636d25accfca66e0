#include "loom/features/min_max_scaler.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/features/detail/scaling.hpp"

namespace loom::features {

const ParamTable<MinMaxScalerParams>& MinMaxScalerParams::table() {
  using P = MinMaxScalerParams;
  static const ParamTable<P> table{
      param("feature_range", &P::feature_range,
            ParamCheck<std::vector<double>>([](const std::vector<double>& range) {
              return range.size() == 2 && range[0] < range[1]
                         ? std::string()
                         : std::string("must be [min, max] with min < max");
            })),
      param("clip", &P::clip),
  };
  return table;
}

void MinMaxScaler::fit(const Table& x, const Column*) {
  validate_params();
  require_non_empty(x, describe());
  if (x.is_sparse()) {
    throw DataError(fmt::format(
        "{}: sparse input is not supported (as in scikit-learn); use MaxAbsScaler instead",
        describe()));
  }
  const Eigen::MatrixXd values = x.to_dense(describe());
  const Eigen::Index n_columns = values.cols();
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  data_min_.setConstant(n_columns, kNaN);
  data_max_.setConstant(n_columns, kNaN);
  for (Eigen::Index j = 0; j < n_columns; ++j) {
    double low = std::numeric_limits<double>::infinity(), high = -low;
    bool any = false;
    for (Eigen::Index i = 0; i < values.rows(); ++i) {
      const double value = values(i, j);
      if (std::isnan(value)) continue;
      any = true;
      low = std::min(low, value);
      high = std::max(high, value);
    }
    if (any) {
      data_min_(j) = low;
      data_max_(j) = high;
    }
  }
  const double range_low = params_.feature_range[0], range_high = params_.feature_range[1];
  scale_.resize(n_columns);
  min_.resize(n_columns);
  for (Eigen::Index j = 0; j < n_columns; ++j) {
    scale_(j) = (range_high - range_low) / detail::nonzero_scale(data_max_(j) - data_min_(j));
    min_(j) = range_low - data_min_(j) * scale_(j);
  }
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Table MinMaxScaler::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  if (x.is_sparse()) {
    throw DataError(fmt::format("{}: sparse input is not supported", describe()));
  }
  Eigen::MatrixXd values = x.to_dense(describe());
  const double low = params_.feature_range[0], high = params_.feature_range[1];
  for (Eigen::Index j = 0; j < values.cols(); ++j) {
    double* column = values.col(j).data();
    const double scale = scale_(j), shift = min_(j);
    for (Eigen::Index i = 0; i < values.rows(); ++i) {
      double value = column[i] * scale + shift;
      if (params_.clip && !std::isnan(value)) value = std::clamp(value, low, high);
      column[i] = value;
    }
  }
  return FeatureMatrix(std::move(values), feature_names_in_);
}

std::vector<std::string> MinMaxScaler::feature_names_out() const {
  require_fitted("feature_names_out");
  return feature_names_in_;
}

Eigen::MatrixXd MinMaxScaler::inverse_transform(const Eigen::MatrixXd& scaled) const {
  require_fitted("inverse_transform");
  if (scaled.cols() != min_.size()) {
    throw DataError(fmt::format("{}: inverse_transform input has {} columns, fitted on {}",
                                describe(), scaled.cols(), min_.size()));
  }
  Eigen::MatrixXd values = scaled;
  values.rowwise() -= min_.transpose();
  values.array().rowwise() /= scale_.transpose().array();
  return values;
}

Json MinMaxScaler::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"data_min", state::from_vector(data_min_)},
          {"data_max", state::from_vector(data_max_)},
          {"scale", state::from_vector(scale_)},
          {"min", state::from_vector(min_)}};
}

void MinMaxScaler::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  data_min_ = state::to_eigen_vector(saved, "data_min");
  data_max_ = state::to_eigen_vector(saved, "data_max");
  scale_ = state::to_eigen_vector(saved, "scale");
  min_ = state::to_eigen_vector(saved, "min");
  const auto n = static_cast<Eigen::Index>(feature_names_in_.size());
  if (data_min_.size() != n || data_max_.size() != n || scale_.size() != n || min_.size() != n) {
    throw ParseError(fmt::format("{}: saved state has arrays whose sizes do not match {} features",
                                 describe(), n));
  }
  fitted_ = true;
}

}  // namespace loom::features
