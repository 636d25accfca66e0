#include "loom/clean/winsorizer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "loom/clean/detail/quantile.hpp"
#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"

namespace loom::clean {

const ParamTable<WinsorizerParams>& WinsorizerParams::table() {
  static const ParamTable<WinsorizerParams> table{
      param("lower", &WinsorizerParams::lower, between(0.0, 1.0)),
      param("upper", &WinsorizerParams::upper, between(0.0, 1.0)),
  };
  return table;
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The values of column j as a span, or empty when the column is not numeric.
std::span<const double> numeric_column(const Table& x, std::size_t j) {
  if (!x.is_dataset()) {
    const Eigen::MatrixXd& values = x.matrix().dense();
    return {values.data() + static_cast<Eigen::Index>(j) * values.rows(),
            static_cast<std::size_t>(values.rows())};
  }
  const Column& column = x.dataset().column(j);
  if (column.type() != ColumnType::numeric) return {};
  return column.numeric_values();
}

void require_dense(const Table& x, std::string_view caller) {
  if (x.is_sparse()) {
    throw DataError(fmt::format("{}: sparse input is not supported; clip before encoding", caller));
  }
}

}  // namespace

void Winsorizer::fit(const Table& x, const Column*) {
  validate_params();
  if (params_.lower >= params_.upper) {
    throw ParameterError(fmt::format("{}: parameter lower = {} must be < upper = {}", describe(),
                                     params_.lower, params_.upper));
  }
  require_non_empty(x, describe());
  require_dense(x, describe());
  const std::size_t n_columns = x.n_columns();
  lower_bounds_ = Eigen::VectorXd::Constant(static_cast<Eigen::Index>(n_columns), kNaN);
  upper_bounds_ = lower_bounds_;
  std::vector<double> sorted;
  for (std::size_t j = 0; j < n_columns; ++j) {
    const auto values = numeric_column(x, j);
    sorted.clear();
    for (double value : values) {
      if (!std::isnan(value)) sorted.push_back(value);
    }
    if (sorted.empty()) continue;
    std::sort(sorted.begin(), sorted.end());
    const auto index = static_cast<Eigen::Index>(j);
    lower_bounds_(index) = detail::quantile_linear(sorted, params_.lower);
    upper_bounds_(index) = detail::quantile_linear(sorted, params_.upper);
  }
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Table Winsorizer::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  require_dense(x, describe());
  auto clip = [&](std::span<const double> in, std::size_t j, double* out) {
    const auto index = static_cast<Eigen::Index>(j);
    const double low = lower_bounds_(index);
    const double high = upper_bounds_(index);
    for (std::size_t i = 0; i < in.size(); ++i) {
      const double value = in[i];
      out[i] = (std::isnan(value) || std::isnan(low)) ? value : std::clamp(value, low, high);
    }
  };
  if (!x.is_dataset()) {
    Eigen::MatrixXd output(x.matrix().dense().rows(), x.matrix().dense().cols());
    for (std::size_t j = 0; j < feature_names_in_.size(); ++j)
      clip(numeric_column(x, j), j, output.col(static_cast<Eigen::Index>(j)).data());
    return FeatureMatrix(std::move(output), feature_names_in_);
  }
  std::vector<Column> columns;
  for (std::size_t j = 0; j < feature_names_in_.size(); ++j) {
    const Column& column = x.dataset().column(j);
    const bool clipped = column.type() == ColumnType::numeric &&
                         !std::isnan(lower_bounds_(static_cast<Eigen::Index>(j)));
    if (!clipped) {
      columns.push_back(column);
      continue;
    }
    std::vector<double> values(column.size());
    clip(column.numeric_values(), j, values.data());
    columns.push_back(Column::numeric(column.name(), std::move(values)));
  }
  return Dataset(std::move(columns));
}

std::vector<std::string> Winsorizer::feature_names_out() const {
  require_fitted("feature_names_out");
  return feature_names_in_;
}

Json Winsorizer::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"lower_bounds", state::from_vector(lower_bounds_)},
          {"upper_bounds", state::from_vector(upper_bounds_)}};
}

void Winsorizer::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  lower_bounds_ = state::to_eigen_vector(saved, "lower_bounds");
  upper_bounds_ = state::to_eigen_vector(saved, "upper_bounds");
  const auto n_columns = static_cast<Eigen::Index>(feature_names_in_.size());
  if (lower_bounds_.size() != n_columns || upper_bounds_.size() != n_columns) {
    throw ParseError(
        fmt::format("{}: saved bounds do not match {} columns", describe(), n_columns));
  }
  fitted_ = true;
}

}  // namespace loom::clean
