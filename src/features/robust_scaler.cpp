#include "loom/features/robust_scaler.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/features/detail/percentile.hpp"
#include "loom/features/detail/scaling.hpp"

namespace loom::features {

const ParamTable<RobustScalerParams>& RobustScalerParams::table() {
  using P = RobustScalerParams;
  static const ParamTable<P> table{
      param("with_centering", &P::with_centering),
      param("with_scaling", &P::with_scaling),
      param("quantile_range", &P::quantile_range,
            ParamCheck<std::vector<double>>([](const std::vector<double>& range) {
              return range.size() == 2 && 0.0 <= range[0] && range[0] <= range[1] &&
                             range[1] <= 100.0
                         ? std::string()
                         : std::string("must be [q_min, q_max] with 0 <= q_min <= q_max <= 100");
            })),
      param("copy", &P::copy),
      param("unit_variance", &P::unit_variance),
  };
  return table;
}

double normal_ppf(double p) {
  if (p <= 0.0) return -std::numeric_limits<double>::infinity();
  if (p >= 1.0) return std::numeric_limits<double>::infinity();
  // Acklam's rational approximation, then Newton steps on the exact CDF (erfc).
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01, -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  double x;
  if (p < 0.02425) {
    const double q = std::sqrt(-2 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p > 1 - 0.02425) {
    const double q = std::sqrt(-2 * std::log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else {
    const double q = p - 0.5, r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
  for (int step = 0; step < 3; ++step) {
    const double error = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
    const double density = std::exp(-0.5 * x * x) / std::sqrt(2.0 * M_PI);
    x -= error / density;
  }
  return x;
}

void RobustScaler::fit(const Table& x, const Column*) {
  validate_params();
  require_non_empty(x, describe());
  const bool sparse = x.is_sparse();
  if (sparse && params_.with_centering) {
    throw DataError(fmt::format(
        "{}: cannot center sparse input; set with_centering=false (as scikit-learn requires)",
        describe()));
  }
  // Column by column: the non-NaN values sorted (a sparse column with its implicit zeros).
  const Eigen::MatrixXd values =
      sparse ? Eigen::MatrixXd(x.matrix().sparse()) : x.to_dense(describe());
  const Eigen::Index n_columns = values.cols();
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  center_.resize(params_.with_centering ? n_columns : 0);
  scale_.resize(params_.with_scaling ? n_columns : 0);
  std::vector<double> column;
  for (Eigen::Index j = 0; j < n_columns; ++j) {
    column.clear();
    for (Eigen::Index i = 0; i < values.rows(); ++i) {
      if (!std::isnan(values(i, j))) column.push_back(values(i, j));
    }
    std::sort(column.begin(), column.end());
    const bool empty = column.empty();
    if (params_.with_centering) center_(j) = empty ? kNaN : detail::median_sorted(column);
    if (params_.with_scaling) {
      const double range = empty ? kNaN
                                 : detail::percentile_sorted(column, params_.quantile_range[1]) -
                                       detail::percentile_sorted(column, params_.quantile_range[0]);
      scale_(j) = detail::nonzero_scale(range);
    }
  }
  if (params_.with_scaling && params_.unit_variance) {
    const double adjust = normal_ppf(params_.quantile_range[1] / 100.0) -
                          normal_ppf(params_.quantile_range[0] / 100.0);
    scale_ /= adjust;
  }
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Table RobustScaler::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  if (x.is_sparse()) {
    if (params_.with_centering) {
      throw DataError(
          fmt::format("{}: cannot center sparse input; set with_centering=false", describe()));
    }
    SparseMatrix values = x.matrix().sparse();
    if (params_.with_scaling) {
      const Eigen::VectorXd inverse = scale_.cwiseInverse();
      for (Eigen::Index k = 0; k < values.nonZeros(); ++k)
        values.valuePtr()[k] *= inverse(values.innerIndexPtr()[k]);
    }
    return FeatureMatrix(std::move(values), feature_names_in_);
  }
  Eigen::MatrixXd values = x.to_dense(describe());
  if (params_.with_centering) values.rowwise() -= center_.transpose();
  if (params_.with_scaling) values.array().rowwise() /= scale_.transpose().array();
  return FeatureMatrix(std::move(values), feature_names_in_);
}

std::vector<std::string> RobustScaler::feature_names_out() const {
  require_fitted("feature_names_out");
  return feature_names_in_;
}

Json RobustScaler::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"center", state::from_vector(center_)},
          {"scale", state::from_vector(scale_)}};
}

void RobustScaler::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  center_ = state::to_eigen_vector(saved, "center");
  scale_ = state::to_eigen_vector(saved, "scale");
  const auto n = static_cast<Eigen::Index>(feature_names_in_.size());
  if (center_.size() != (params_.with_centering ? n : 0) ||
      scale_.size() != (params_.with_scaling ? n : 0)) {
    throw ParseError(fmt::format("{}: saved state has arrays whose sizes do not match {} features",
                                 describe(), n));
  }
  fitted_ = true;
}

}  // namespace loom::features
