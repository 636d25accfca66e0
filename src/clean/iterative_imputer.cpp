#include "loom/clean/iterative_imputer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "linear_regressors.hpp"
#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"

namespace loom::clean {

const ParamTable<IterativeImputerParams>& IterativeImputerParams::table() {
  static const ParamTable<IterativeImputerParams> table{
      param<IterativeImputerParams, Json>("estimator", &IterativeImputerParams::estimator,
                                          &regressors::check_estimator_spec),
      param("max_iter", &IterativeImputerParams::max_iter, at_least(0)),
      param("tol", &IterativeImputerParams::tol, at_least(0.0)),
      param("initial_strategy", &IterativeImputerParams::initial_strategy,
            one_of({"mean", "median"})),
      param("imputation_order", &IterativeImputerParams::imputation_order,
            one_of({"ascending", "descending", "roman", "arabic"})),
      param("skip_complete", &IterativeImputerParams::skip_complete),
      param("min_value", &IterativeImputerParams::min_value),
      param("max_value", &IterativeImputerParams::max_value),
      param("add_indicator", &IterativeImputerParams::add_indicator),
      param("random_state", &IterativeImputerParams::random_state),
  };
  return table;
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
using Mask = Eigen::Matrix<bool, -1, -1>;

Eigen::MatrixXd numeric_input(const Table& x, std::string_view caller) {
  if (x.is_sparse()) {
    throw DataError(
        fmt::format("{}: sparse input is not supported; impute before encoding", caller));
  }
  return x.to_dense(caller);
}

// Rows (in order) where mask column `feature` is `wanted`.
std::vector<Eigen::Index> rows_where(const Mask& missing, Eigen::Index feature, bool wanted) {
  std::vector<Eigen::Index> rows;
  for (Eigen::Index i = 0; i < missing.rows(); ++i) {
    if (missing(i, feature) == wanted) rows.push_back(i);
  }
  return rows;
}

// The columns of `filled` other than `feature`, at `rows`.
Eigen::MatrixXd others(const Eigen::MatrixXd& filled, const std::vector<Eigen::Index>& rows,
                       Eigen::Index feature) {
  Eigen::MatrixXd x(static_cast<Eigen::Index>(rows.size()), filled.cols() - 1);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    Eigen::Index out = 0;
    for (Eigen::Index j = 0; j < filled.cols(); ++j) {
      if (j != feature) x(static_cast<Eigen::Index>(r), out++) = filled(rows[r], j);
    }
  }
  return x;
}

}  // namespace

Eigen::MatrixXd IterativeImputer::initial_imputation(const Eigen::MatrixXd& input,
                                                     Mask& missing) const {
  Eigen::MatrixXd filled(input.rows(), static_cast<Eigen::Index>(kept_.size()));
  missing.resize(input.rows(), static_cast<Eigen::Index>(kept_.size()));
  for (std::size_t k = 0; k < kept_.size(); ++k) {
    const auto column = static_cast<Eigen::Index>(kept_[k]);
    const auto out = static_cast<Eigen::Index>(k);
    for (Eigen::Index i = 0; i < input.rows(); ++i) {
      const double value = input(i, column);
      missing(i, out) = std::isnan(value);
      filled(i, out) = std::isnan(value) ? statistics_(column) : value;
    }
  }
  return filled;
}

void IterativeImputer::impute_feature(Eigen::MatrixXd& filled, const Mask& missing,
                                      const Imputation& imputation) const {
  const auto feature = static_cast<Eigen::Index>(imputation.feature);
  const auto rows = rows_where(missing, feature, true);
  if (rows.empty()) return;
  const Eigen::VectorXd predicted =
      (others(filled, rows, feature) * imputation.coef).array() + imputation.intercept;
  const double low = params_.min_value.value_or(-std::numeric_limits<double>::infinity());
  const double high = params_.max_value.value_or(std::numeric_limits<double>::infinity());
  for (std::size_t r = 0; r < rows.size(); ++r)
    filled(rows[r], feature) = std::clamp(predicted(static_cast<Eigen::Index>(r)), low, high);
}

Table IterativeImputer::fit_transform(const Table& x, const Column*) {
  validate_params();
  if (params_.min_value && params_.max_value && *params_.min_value > *params_.max_value) {
    throw ParameterError(fmt::format("{}: parameter min_value = {} must be <= max_value = {}",
                                     describe(), *params_.min_value, *params_.max_value));
  }
  require_non_empty(x, describe());
  const Eigen::MatrixXd input = numeric_input(x, describe());
  const Eigen::Index n_columns = input.cols();
  statistics_.resize(n_columns);
  kept_.clear();
  indicator_columns_.clear();
  for (Eigen::Index j = 0; j < n_columns; ++j) {
    std::vector<double> present;
    for (Eigen::Index i = 0; i < input.rows(); ++i) {
      if (!std::isnan(input(i, j))) present.push_back(input(i, j));
    }
    if (params_.add_indicator && present.size() < static_cast<std::size_t>(input.rows()))
      indicator_columns_.push_back(static_cast<std::size_t>(j));
    if (present.empty()) {
      statistics_(j) = kNaN;
      continue;
    }
    kept_.push_back(static_cast<std::size_t>(j));
    if (params_.initial_strategy == "mean") {
      statistics_(j) = std::accumulate(present.begin(), present.end(), 0.0) /
                       static_cast<double>(present.size());
    } else {
      std::sort(present.begin(), present.end());
      const std::size_t middle = present.size() / 2;
      statistics_(j) =
          present.size() % 2 ? present[middle] : (present[middle - 1] + present[middle]) / 2.0;
    }
  }
  feature_names_in_ = x.column_names();
  imputation_sequence_.clear();
  n_iter_ = 0;
  fitted_ = true;

  Mask missing;
  Eigen::MatrixXd filled = initial_imputation(input, missing);
  if (params_.max_iter == 0 || missing.all() || filled.cols() <= 1) return output(input, filled);

  // The order of the columns, by their share of missing values (stable, as a mergesort).
  const auto n_kept = filled.cols();
  std::vector<Eigen::Index> order;
  std::vector<Eigen::Index> missing_count(static_cast<std::size_t>(n_kept));
  for (Eigen::Index j = 0; j < n_kept; ++j) {
    missing_count[static_cast<std::size_t>(j)] = missing.col(j).count();
    if (!params_.skip_complete || missing_count[static_cast<std::size_t>(j)] > 0)
      order.push_back(j);
  }
  const std::string& how = params_.imputation_order;
  if (how == "ascending" || how == "descending") {
    std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
      return missing_count[static_cast<std::size_t>(a)] <
             missing_count[static_cast<std::size_t>(b)];
    });
  }
  if (how == "descending" || how == "arabic") std::reverse(order.begin(), order.end());

  double largest = 0.0;
  for (Eigen::Index j = 0; j < n_kept; ++j) {
    for (Eigen::Index i = 0; i < filled.rows(); ++i) {
      if (!missing(i, j)) largest = std::max(largest, std::abs(filled(i, j)));
    }
  }
  const double normalized_tol = params_.tol * largest;
  Eigen::MatrixXd previous = filled;
  for (int round = 1; round <= params_.max_iter; ++round) {
    n_iter_ = round;
    for (Eigen::Index feature : order) {
      const auto rows = rows_where(missing, feature, false);
      Eigen::VectorXd target(static_cast<Eigen::Index>(rows.size()));
      for (std::size_t r = 0; r < rows.size(); ++r)
        target(static_cast<Eigen::Index>(r)) = filled(rows[r], feature);
      const auto fit =
          regressors::fit_estimator(params_.estimator, others(filled, rows, feature), target);
      Imputation imputation{static_cast<std::size_t>(feature), fit.coef, fit.intercept};
      impute_feature(filled, missing, imputation);
      imputation_sequence_.push_back(std::move(imputation));
    }
    report_progress(static_cast<std::size_t>(round), static_cast<std::size_t>(params_.max_iter));
    // np.linalg.norm(Xt - Xt_previous, ord=np.inf) of a matrix: the largest row sum of |change|.
    const double change = (filled - previous).cwiseAbs().rowwise().sum().maxCoeff();
    if (change < normalized_tol) break;
    previous = filled;
  }
  return output(input, filled);
}

void IterativeImputer::fit(const Table& x, const Column* y) {
  fit_transform(x, y);
}

Table IterativeImputer::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  const Eigen::MatrixXd input = numeric_input(x, describe());
  Mask missing;
  Eigen::MatrixXd filled = initial_imputation(input, missing);
  if (n_iter_ > 0 && !missing.all()) {
    for (const auto& imputation : imputation_sequence_)
      impute_feature(filled, missing, imputation);
  }
  return output(input, filled);
}

Table IterativeImputer::output(const Eigen::MatrixXd& input, const Eigen::MatrixXd& imputed) const {
  Eigen::MatrixXd result(input.rows(),
                         imputed.cols() + static_cast<Eigen::Index>(indicator_columns_.size()));
  result.leftCols(imputed.cols()) = imputed;
  for (std::size_t k = 0; k < indicator_columns_.size(); ++k) {
    result.col(imputed.cols() + static_cast<Eigen::Index>(k)) =
        input.col(static_cast<Eigen::Index>(indicator_columns_[k])).array().isNaN().cast<double>();
  }
  return FeatureMatrix(std::move(result), feature_names_out());
}

std::vector<std::string> IterativeImputer::feature_names_out() const {
  require_fitted("feature_names_out");
  std::vector<std::string> names;
  for (std::size_t j : kept_)
    names.push_back(feature_names_in_[j]);
  for (std::size_t j : indicator_columns_)
    names.push_back("missingindicator_" + feature_names_in_[j]);
  return names;
}

Json IterativeImputer::fitted_state() const {
  require_fitted("fitted_state");
  Json sequence = Json::array();
  for (const auto& imputation : imputation_sequence_) {
    sequence.push_back({{"feature", imputation.feature},
                        {"coef", state::from_vector(imputation.coef)},
                        {"intercept", imputation.intercept}});
  }
  return {{"feature_names_in", feature_names_in_},
          {"statistics", state::from_vector(statistics_)},
          {"indicator_columns", indicator_columns_},
          {"n_iter", n_iter_},
          {"imputation_sequence", std::move(sequence)}};
}

void IterativeImputer::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  statistics_ = state::to_eigen_vector(saved, "statistics");
  const auto n_columns = feature_names_in_.size();
  if (static_cast<std::size_t>(statistics_.size()) != n_columns) {
    throw ParseError(
        fmt::format("{}: saved statistics do not match {} columns", describe(), n_columns));
  }
  kept_.clear();
  for (std::size_t j = 0; j < n_columns; ++j) {
    if (!std::isnan(statistics_(static_cast<Eigen::Index>(j)))) kept_.push_back(j);
  }
  indicator_columns_.clear();
  for (const auto& index : state::field(saved, "indicator_columns")) {
    if (!index.is_number_unsigned() || index.get<std::size_t>() >= n_columns) {
      throw ParseError(
          fmt::format("{}: saved indicator column {} is out of range", describe(), index.dump()));
    }
    indicator_columns_.push_back(index.get<std::size_t>());
  }
  const Json& n_iter = state::field(saved, "n_iter");
  if (!n_iter.is_number_integer())
    throw ParseError(fmt::format("{}: saved n_iter must be an integer", describe()));
  n_iter_ = n_iter.get<int>();
  imputation_sequence_.clear();
  for (const auto& entry : state::field(saved, "imputation_sequence")) {
    Imputation imputation;
    const Json& feature = state::field(entry, "feature");
    imputation.coef = state::to_eigen_vector(entry, "coef");
    const Json& intercept = state::field(entry, "intercept");
    if (!feature.is_number_unsigned() || feature.get<std::size_t>() >= kept_.size() ||
        static_cast<std::size_t>(imputation.coef.size()) + 1 != kept_.size() ||
        !intercept.is_number()) {
      throw ParseError(fmt::format("{}: a saved imputation does not match {} kept columns",
                                   describe(), kept_.size()));
    }
    imputation.feature = feature.get<std::size_t>();
    imputation.intercept = intercept.get<double>();
    imputation_sequence_.push_back(std::move(imputation));
  }
  fitted_ = true;
}

}  // namespace loom::clean
