#include "loom/clean/knn_imputer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "loom/core/detail/parallel.hpp"
#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"

namespace loom::clean {

const ParamTable<KNNImputerParams>& KNNImputerParams::table() {
  static const ParamTable<KNNImputerParams> table{
      param("n_neighbors", &KNNImputerParams::n_neighbors, at_least(1)),
      param("weights", &KNNImputerParams::weights, one_of({"uniform", "distance"})),
      param("metric", &KNNImputerParams::metric, one_of({"nan_euclidean"})),
      param("add_indicator", &KNNImputerParams::add_indicator),
      param("keep_empty_features", &KNNImputerParams::keep_empty_features),
  };
  return table;
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Eigen::MatrixXd numeric_input(const Table& x, std::string_view caller) {
  if (x.is_sparse()) {
    throw DataError(
        fmt::format("{}: sparse input is not supported; impute before encoding", caller));
  }
  return x.to_dense(caller);
}

// scikit-learn's nan_euclidean_distances for one pair of rows.
double nan_euclidean(const Eigen::MatrixXd& a, Eigen::Index row_a, const Eigen::MatrixXd& b,
                     Eigen::Index row_b) {
  double sum = 0.0;
  Eigen::Index present = 0;
  for (Eigen::Index j = 0; j < a.cols(); ++j) {
    const double difference = a(row_a, j) - b(row_b, j);
    if (std::isnan(difference)) continue;
    sum += difference * difference;
    ++present;
  }
  if (present == 0) return kNaN;
  return std::sqrt(sum * static_cast<double>(a.cols()) / static_cast<double>(present));
}

}  // namespace

void KNNImputer::fit(const Table& x, const Column*) {
  validate_params();
  require_non_empty(x, describe());
  Eigen::MatrixXd values = numeric_input(x, describe());
  column_means_.resize(values.cols());
  indicator_columns_.clear();
  for (Eigen::Index j = 0; j < values.cols(); ++j) {
    double sum = 0.0;
    Eigen::Index count = 0;
    for (Eigen::Index i = 0; i < values.rows(); ++i) {
      if (std::isnan(values(i, j))) continue;
      sum += values(i, j);
      ++count;
    }
    column_means_(j) = count ? sum / static_cast<double>(count) : kNaN;
    if (params_.add_indicator && count < values.rows())
      indicator_columns_.push_back(static_cast<std::size_t>(j));
  }
  fit_x_ = std::move(values);
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

double KNNImputer::impute_one(const Eigen::VectorXd& distances, Eigen::Index column,
                              std::vector<Eigen::Index>& donors) const {
  donors.clear();
  bool comparable = false;
  for (Eigen::Index i = 0; i < fit_x_.rows(); ++i) {
    if (std::isnan(fit_x_(i, column))) continue;
    donors.push_back(i);
    comparable = comparable || !std::isnan(distances(i));
  }
  if (!comparable) return column_means_(column);
  // The k nearest donors, NaN distances last, ties to the earlier row.
  const auto k =
      std::min<std::size_t>(static_cast<std::size_t>(params_.n_neighbors), donors.size());
  auto key = [&](Eigen::Index row) {
    const double distance = distances(row);
    return std::isnan(distance) ? std::numeric_limits<double>::infinity() : distance;
  };
  std::partial_sort(donors.begin(), donors.begin() + static_cast<std::ptrdiff_t>(k), donors.end(),
                    [&](Eigen::Index a, Eigen::Index b) {
                      const double da = key(a);
                      const double db = key(b);
                      if (da != db) return da < db;
                      if (std::isnan(distances(a)) != std::isnan(distances(b)))
                        return !std::isnan(distances(a));
                      return a < b;
                    });
  if (params_.weights == "uniform") {
    double sum = 0.0;
    for (std::size_t d = 0; d < k; ++d)
      sum += fit_x_(donors[d], column);
    return sum / static_cast<double>(k);
  }
  // Distance weights as scikit-learn's _get_weights: 1 / d, or only the donors at distance 0
  // when there are some; NaN weights count as 0.
  bool exact = false;
  for (std::size_t d = 0; d < k; ++d)
    exact = exact || distances(donors[d]) == 0.0;
  double weighted = 0.0;
  double total = 0.0;
  for (std::size_t d = 0; d < k; ++d) {
    const double distance = distances(donors[d]);
    double weight = exact ? (distance == 0.0 ? 1.0 : 0.0) : 1.0 / distance;
    if (std::isnan(weight)) weight = 0.0;
    weighted += weight * fit_x_(donors[d], column);
    total += weight;
  }
  return weighted / total;
}

Table KNNImputer::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  const Eigen::MatrixXd input = numeric_input(x, describe());
  Eigen::MatrixXd imputed = input;
  const Eigen::Index n_columns = input.cols();
  loom::detail::parallel_for(
      static_cast<std::size_t>(input.rows()), 64, [&](std::size_t begin, std::size_t end) {
        Eigen::VectorXd distances(fit_x_.rows());
        std::vector<Eigen::Index> donors;
        for (std::size_t r = begin; r < end; ++r) {
          const auto row = static_cast<Eigen::Index>(r);
          bool needs = false;
          for (Eigen::Index j = 0; j < n_columns; ++j)
            needs = needs || (std::isnan(input(row, j)) && !std::isnan(column_means_(j)));
          if (!needs) continue;
          for (Eigen::Index i = 0; i < fit_x_.rows(); ++i)
            distances(i) = nan_euclidean(input, row, fit_x_, i);
          for (Eigen::Index j = 0; j < n_columns; ++j) {
            if (std::isnan(input(row, j)) && !std::isnan(column_means_(j)))
              imputed(row, j) = impute_one(distances, j, donors);
          }
        }
      });
  std::vector<Eigen::Index> kept;
  for (Eigen::Index j = 0; j < n_columns; ++j) {
    if (std::isnan(column_means_(j))) {
      if (!params_.keep_empty_features) continue;
      imputed.col(j).setZero();
    }
    kept.push_back(j);
  }
  Eigen::MatrixXd output(input.rows(),
                         static_cast<Eigen::Index>(kept.size() + indicator_columns_.size()));
  for (std::size_t k = 0; k < kept.size(); ++k)
    output.col(static_cast<Eigen::Index>(k)) = imputed.col(kept[k]);
  for (std::size_t k = 0; k < indicator_columns_.size(); ++k) {
    const auto column = static_cast<Eigen::Index>(indicator_columns_[k]);
    output.col(static_cast<Eigen::Index>(kept.size() + k)) =
        input.col(column).array().isNaN().cast<double>();
  }
  return FeatureMatrix(std::move(output), feature_names_out());
}

std::vector<std::string> KNNImputer::feature_names_out() const {
  require_fitted("feature_names_out");
  std::vector<std::string> names;
  for (std::size_t j = 0; j < feature_names_in_.size(); ++j) {
    if (params_.keep_empty_features || !std::isnan(column_means_(static_cast<Eigen::Index>(j))))
      names.push_back(feature_names_in_[j]);
  }
  for (std::size_t j : indicator_columns_)
    names.push_back("missingindicator_" + feature_names_in_[j]);
  return names;
}

Json KNNImputer::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"fit_X", state::from_matrix(fit_x_)},
          {"column_means", state::from_vector(column_means_)},
          {"indicator_columns", indicator_columns_}};
}

void KNNImputer::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  fit_x_ = state::to_matrix(saved, "fit_X");
  column_means_ = state::to_eigen_vector(saved, "column_means");
  const auto n_columns = static_cast<Eigen::Index>(feature_names_in_.size());
  if (fit_x_.cols() != n_columns || column_means_.size() != n_columns) {
    throw ParseError(
        fmt::format("{}: saved state does not match {} columns", describe(), n_columns));
  }
  indicator_columns_.clear();
  for (const auto& index : state::field(saved, "indicator_columns")) {
    if (!index.is_number_unsigned() || index.get<Eigen::Index>() >= n_columns) {
      throw ParseError(
          fmt::format("{}: saved indicator column {} is out of range", describe(), index.dump()));
    }
    indicator_columns_.push_back(index.get<std::size_t>());
  }
  fitted_ = true;
}

}  // namespace loom::clean
