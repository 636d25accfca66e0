#include "loom/features/max_abs_scaler.hpp"

#include <cmath>
#include <limits>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/features/detail/scaling.hpp"

namespace loom::features {

const ParamTable<MaxAbsScalerParams>& MaxAbsScalerParams::table() {
  static const ParamTable<MaxAbsScalerParams> table{
      param("copy", &MaxAbsScalerParams::copy),
  };
  return table;
}

void MaxAbsScaler::fit(const Table& x, const Column*) {
  validate_params();
  require_non_empty(x, describe());
  const auto n_columns = static_cast<Eigen::Index>(x.n_columns());
  // NaN stays for a column without any number (numpy's nanmax of an all-NaN column).
  max_abs_.setConstant(n_columns, std::numeric_limits<double>::quiet_NaN());
  auto update = [&](Eigen::Index j, double value) {
    if (std::isnan(value)) return;
    const double magnitude = std::abs(value);
    if (std::isnan(max_abs_(j)) || magnitude > max_abs_(j)) max_abs_(j) = magnitude;
  };
  if (x.is_sparse()) {
    const SparseMatrix& values = x.matrix().sparse();
    for (Eigen::Index row = 0; row < values.outerSize(); ++row) {
      for (SparseMatrix::InnerIterator it(values, row); it; ++it)
        update(it.col(), it.value());
    }
    // Implicit zeros count: a column with fewer stored values than rows has a zero.
    std::vector<Eigen::Index> stored(static_cast<std::size_t>(n_columns), 0);
    for (Eigen::Index k = 0; k < values.nonZeros(); ++k)
      ++stored[static_cast<std::size_t>(values.innerIndexPtr()[k])];
    for (Eigen::Index j = 0; j < n_columns; ++j) {
      if (stored[static_cast<std::size_t>(j)] < values.rows()) update(j, 0.0);
    }
  } else {
    const Eigen::MatrixXd values = x.to_dense(describe());
    for (Eigen::Index j = 0; j < n_columns; ++j) {
      for (Eigen::Index i = 0; i < values.rows(); ++i)
        update(j, values(i, j));
    }
  }
  scale_ = max_abs_.unaryExpr([](double value) { return detail::nonzero_scale(value); });
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Table MaxAbsScaler::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  if (x.is_sparse()) {
    // scikit-learn multiplies sparse values by 1 / scale_ (inplace_column_scale).
    SparseMatrix values = x.matrix().sparse();
    const Eigen::VectorXd inverse = scale_.cwiseInverse();
    for (Eigen::Index k = 0; k < values.nonZeros(); ++k)
      values.valuePtr()[k] *= inverse(values.innerIndexPtr()[k]);
    return FeatureMatrix(std::move(values), feature_names_in_);
  }
  Eigen::MatrixXd values = x.to_dense(describe());
  values.array().rowwise() /= scale_.transpose().array();
  return FeatureMatrix(std::move(values), feature_names_in_);
}

std::vector<std::string> MaxAbsScaler::feature_names_out() const {
  require_fitted("feature_names_out");
  return feature_names_in_;
}

Json MaxAbsScaler::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"max_abs", state::from_vector(max_abs_)},
          {"scale", state::from_vector(scale_)}};
}

void MaxAbsScaler::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  max_abs_ = state::to_eigen_vector(saved, "max_abs");
  scale_ = state::to_eigen_vector(saved, "scale");
  const auto n = static_cast<Eigen::Index>(feature_names_in_.size());
  if (max_abs_.size() != n || scale_.size() != n) {
    throw ParseError(fmt::format("{}: saved state has arrays whose sizes do not match {} features",
                                 describe(), n));
  }
  fitted_ = true;
}

}  // namespace loom::features
