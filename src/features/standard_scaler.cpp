#include "loom/features/standard_scaler.hpp"

#include <cmath>
#include <limits>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"

namespace loom::features {

const ParamTable<StandardScalerParams>& StandardScalerParams::table() {
  static const ParamTable<StandardScalerParams> table{
      param("with_mean", &StandardScalerParams::with_mean),
      param("with_std", &StandardScalerParams::with_std),
  };
  return table;
}

namespace {

// Mean and population variance of the non-NaN entries of each column, computed as
// scikit-learn's _incremental_mean_and_var does for one batch (two passes with a correction
// term), so results agree to rounding.
struct ColumnMoments {
  Eigen::VectorXd mean, var, count;
};

ColumnMoments dense_moments(const Eigen::MatrixXd& x) {
  const Eigen::Index n_columns = x.cols();
  ColumnMoments moments{Eigen::VectorXd::Zero(n_columns), Eigen::VectorXd::Zero(n_columns),
                        Eigen::VectorXd::Zero(n_columns)};
  for (Eigen::Index j = 0; j < n_columns; ++j) {
    double sum = 0.0, count = 0.0;
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      if (!std::isnan(x(i, j))) {
        sum += x(i, j);
        count += 1.0;
      }
    }
    const double mean = count > 0 ? sum / count : std::numeric_limits<double>::quiet_NaN();
    double correction = 0.0, squares = 0.0;
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      if (!std::isnan(x(i, j))) {
        const double centered = x(i, j) - mean;
        correction += centered;
        squares += centered * centered;
      }
    }
    moments.mean(j) = mean;
    moments.var(j) = count > 0 ? (squares - correction * correction / count) / count
                               : std::numeric_limits<double>::quiet_NaN();
    moments.count(j) = count;
  }
  return moments;
}

ColumnMoments sparse_moments(const SparseMatrix& x) {
  const Eigen::Index n_columns = x.cols();
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(n_columns),
                  nan_count = Eigen::VectorXd::Zero(n_columns);
  for (Eigen::Index row = 0; row < x.outerSize(); ++row) {
    for (SparseMatrix::InnerIterator it(x, row); it; ++it) {
      if (std::isnan(it.value())) {
        nan_count(it.col()) += 1.0;
      } else {
        sum(it.col()) += it.value();
      }
    }
  }
  ColumnMoments moments;
  moments.count = Eigen::VectorXd::Constant(n_columns, static_cast<double>(x.rows())) - nan_count;
  moments.mean = sum.cwiseQuotient(moments.count);
  Eigen::VectorXd squares = Eigen::VectorXd::Zero(n_columns);
  Eigen::VectorXd stored = Eigen::VectorXd::Zero(n_columns);
  for (Eigen::Index row = 0; row < x.outerSize(); ++row) {
    for (SparseMatrix::InnerIterator it(x, row); it; ++it) {
      if (std::isnan(it.value())) continue;
      const double centered = it.value() - moments.mean(it.col());
      squares(it.col()) += centered * centered;
      stored(it.col()) += 1.0;
    }
  }
  // Implicit zeros each contribute mean^2.
  moments.var = (squares + (moments.count - stored).cwiseProduct(moments.mean.cwiseAbs2()))
                    .cwiseQuotient(moments.count);
  return moments;
}

// scikit-learn's _is_constant_feature: variance within rounding of zero gives scale 1.
double safe_scale(double var, double mean, double count) {
  constexpr double eps = std::numeric_limits<double>::epsilon();
  const double upper_bound = count * eps * var + (count * mean * eps) * (count * mean * eps);
  if (std::isnan(var) || var <= upper_bound) return 1.0;
  return std::sqrt(var);
}

}  // namespace

void StandardScaler::fit(const Table& x, const Column*) {
  validate_params();
  require_non_empty(x, describe());
  const bool sparse = x.is_sparse();
  if (sparse && params_.with_mean) {
    throw DataError(fmt::format(
        "{}: cannot center sparse input; set with_mean=false (as scikit-learn requires)",
        describe()));
  }
  const ColumnMoments moments =
      sparse ? sparse_moments(x.matrix().sparse()) : dense_moments(x.to_dense(describe()));
  feature_names_in_ = x.column_names();
  n_samples_seen_ = moments.count;
  mean_ = (params_.with_mean || params_.with_std) ? moments.mean : Eigen::VectorXd();
  if (params_.with_std) {
    var_ = moments.var;
    scale_.resize(var_.size());
    for (Eigen::Index j = 0; j < var_.size(); ++j) {
      scale_(j) = safe_scale(var_(j), mean_(j), n_samples_seen_(j));
    }
  } else {
    var_.resize(0);
    scale_.resize(0);
  }
  fitted_ = true;
}

Table StandardScaler::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  if (x.is_sparse()) {
    if (params_.with_mean) {
      throw DataError(
          fmt::format("{}: cannot center sparse input; set with_mean=false", describe()));
    }
    SparseMatrix values = x.matrix().sparse();
    if (params_.with_std) {
      for (Eigen::Index row = 0; row < values.outerSize(); ++row) {
        for (SparseMatrix::InnerIterator it(values, row); it; ++it)
          it.valueRef() /= scale_(it.col());
      }
    }
    return FeatureMatrix(std::move(values), feature_names_in_);
  }
  Eigen::MatrixXd values = x.to_dense(describe());
  if (params_.with_mean) values.rowwise() -= mean_.transpose();
  if (params_.with_std) values.array().rowwise() /= scale_.transpose().array();
  return FeatureMatrix(std::move(values), feature_names_in_);
}

Eigen::MatrixXd StandardScaler::inverse_transform(const Eigen::MatrixXd& scaled) const {
  require_fitted("inverse_transform");
  if (scaled.cols() != static_cast<Eigen::Index>(feature_names_in_.size())) {
    throw DataError(fmt::format("{}: inverse_transform input has {} columns, fitted on {}",
                                describe(), scaled.cols(), feature_names_in_.size()));
  }
  Eigen::MatrixXd values = scaled;
  if (params_.with_std) values.array().rowwise() *= scale_.transpose().array();
  if (params_.with_mean) values.rowwise() += mean_.transpose();
  return values;
}

Json StandardScaler::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"mean", state::from_vector(mean_)},
          {"var", state::from_vector(var_)},
          {"scale", state::from_vector(scale_)},
          {"n_samples_seen", state::from_vector(n_samples_seen_)}};
}

void StandardScaler::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  mean_ = state::to_eigen_vector(saved, "mean");
  var_ = state::to_eigen_vector(saved, "var");
  scale_ = state::to_eigen_vector(saved, "scale");
  n_samples_seen_ = state::to_eigen_vector(saved, "n_samples_seen");
  const auto n = static_cast<Eigen::Index>(feature_names_in_.size());
  const bool consistent =
      n_samples_seen_.size() == n &&
      (mean_.size() == n || (mean_.size() == 0 && !params_.with_mean && !params_.with_std)) &&
      (params_.with_std ? scale_.size() == n : scale_.size() == 0);
  if (!consistent) {
    throw ParseError(fmt::format("{}: saved state has arrays whose sizes do not match {} features",
                                 describe(), n));
  }
  fitted_ = true;
}

}  // namespace loom::features
