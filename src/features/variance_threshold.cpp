#include "loom/features/variance_threshold.hpp"

#include <cmath>
#include <limits>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/features/detail/univariate_scores.hpp"

namespace loom::features {

const ParamTable<VarianceThresholdParams>& VarianceThresholdParams::table() {
  static const ParamTable<VarianceThresholdParams> table{
      param("threshold", &VarianceThresholdParams::threshold, at_least(0.0)),
  };
  return table;
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// numpy.nanvar and numpy.ptp of each column (ptp is NaN when the column holds NaN).
void dense_statistics(const Eigen::MatrixXd& x, Eigen::VectorXd& variance, Eigen::VectorXd& ptp) {
  variance.resize(x.cols());
  ptp.resize(x.cols());
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    double sum = 0.0, count = 0.0, low = std::numeric_limits<double>::infinity(),
           high = -std::numeric_limits<double>::infinity();
    bool has_nan = false;
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      const double value = x(i, j);
      if (std::isnan(value)) {
        has_nan = true;
        continue;
      }
      sum += value;
      count += 1.0;
      low = std::min(low, value);
      high = std::max(high, value);
    }
    const double mean = sum / count;
    double squares = 0.0;
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      const double value = x(i, j);
      if (!std::isnan(value)) squares += (value - mean) * (value - mean);
    }
    variance(j) = count > 0 ? squares / count : kNaN;
    ptp(j) = has_nan ? kNaN : high - low;
  }
}

// mean_variance_axis and min_max_axis of scikit-learn: implicit zeros count as values.
void sparse_statistics(const SparseMatrix& x, Eigen::VectorXd& variance, Eigen::VectorXd& ptp) {
  const Eigen::Index n_columns = x.cols();
  const double n_rows = static_cast<double>(x.rows());
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(n_columns), stored = sum, nan_count = sum;
  Eigen::VectorXd low =
      Eigen::VectorXd::Constant(n_columns, std::numeric_limits<double>::infinity());
  Eigen::VectorXd high = -low;
  for (Eigen::Index row = 0; row < x.outerSize(); ++row) {
    for (SparseMatrix::InnerIterator it(x, row); it; ++it) {
      const double value = it.value();
      if (std::isnan(value)) {
        nan_count(it.col()) += 1.0;
        continue;
      }
      sum(it.col()) += value;
      stored(it.col()) += 1.0;
      low(it.col()) = std::min(low(it.col()), value);
      high(it.col()) = std::max(high(it.col()), value);
    }
  }
  const Eigen::VectorXd count = Eigen::VectorXd::Constant(n_columns, n_rows) - nan_count;
  const Eigen::VectorXd mean = sum.cwiseQuotient(count);
  Eigen::VectorXd squares = Eigen::VectorXd::Zero(n_columns);
  for (Eigen::Index row = 0; row < x.outerSize(); ++row) {
    for (SparseMatrix::InnerIterator it(x, row); it; ++it) {
      if (std::isnan(it.value())) continue;
      const double centered = it.value() - mean(it.col());
      squares(it.col()) += centered * centered;
    }
  }
  variance.resize(n_columns);
  ptp.resize(n_columns);
  for (Eigen::Index j = 0; j < n_columns; ++j) {
    const double zeros = count(j) - stored(j);
    variance(j) = (squares(j) + zeros * mean(j) * mean(j)) / count(j);
    double column_low = low(j), column_high = high(j);
    if (zeros > 0 || stored(j) == 0) {
      column_low = std::min(column_low, 0.0);
      column_high = std::max(column_high, 0.0);
    }
    ptp(j) = nan_count(j) > 0 ? kNaN : column_high - column_low;
  }
}

}  // namespace

void VarianceThreshold::fit(const Table& x, const Column*) {
  validate_params();
  fitted_ = false;
  require_non_empty(x, describe());
  Eigen::VectorXd variance, ptp;
  if (x.is_sparse()) {
    sparse_statistics(x.matrix().sparse(), variance, ptp);
  } else {
    dense_statistics(x.to_dense(describe()), variance, ptp);
  }
  if (params_.threshold == 0.0) {
    // np.nanmin([variances, peak_to_peaks]): a range of exactly 0 beats rounding in variance.
    for (Eigen::Index j = 0; j < variance.size(); ++j) {
      if (std::isnan(variance(j))) {
        variance(j) = ptp(j);
      } else if (!std::isnan(ptp(j))) {
        variance(j) = std::min(variance(j), ptp(j));
      }
    }
  }
  variances_ = variance;
  support_.assign(static_cast<std::size_t>(variance.size()), false);
  bool any = false;
  for (Eigen::Index j = 0; j < variance.size(); ++j) {
    support_[static_cast<std::size_t>(j)] = variance(j) > params_.threshold;
    any = any || (std::isfinite(variance(j)) && variance(j) > params_.threshold);
  }
  if (!any) {
    throw DataError(fmt::format("{}: no column has a variance above the threshold {}", describe(),
                                params_.threshold));
  }
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Table VarianceThreshold::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  return detail::select_columns(x, support_);
}

std::vector<std::string> VarianceThreshold::feature_names_out() const {
  require_fitted("feature_names_out");
  return detail::selected_names(feature_names_in_, support_);
}

Json VarianceThreshold::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"variances", state::from_vector(variances_)},
          {"support", support_}};
}

void VarianceThreshold::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  variances_ = state::to_eigen_vector(saved, "variances");
  support_ = state::field(saved, "support").get<std::vector<bool>>();
  if (support_.size() != feature_names_in_.size()) {
    throw ParseError(fmt::format("{}: saved support has {} entries for {} features", describe(),
                                 support_.size(), feature_names_in_.size()));
  }
  fitted_ = true;
}

}  // namespace loom::features
