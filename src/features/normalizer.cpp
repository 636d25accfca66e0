#include "loom/features/normalizer.hpp"

#include <algorithm>
#include <cmath>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/features/detail/scaling.hpp"

namespace loom::features {

const ParamTable<NormalizerParams>& NormalizerParams::table() {
  static const ParamTable<NormalizerParams> table{
      param("norm", &NormalizerParams::norm, one_of({"l2", "l1", "max"})),
      param("copy", &NormalizerParams::copy),
  };
  return table;
}

void Normalizer::fit(const Table& x, const Column*) {
  validate_params();
  require_non_empty(x, describe());
  if (!x.is_sparse()) static_cast<void>(x.to_dense(describe()));  // names a non-numeric column
  x.require_no_missing(describe());
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Table Normalizer::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  x.require_no_missing(describe());
  const std::string& norm = params_.norm;
  if (x.is_sparse()) {
    // As scikit-learn's inplace_csr_row_normalize_l1 / _l2 and the "max" branch of normalize:
    // rows whose norm is 0 are left as they are.
    SparseMatrix values = x.matrix().sparse();
    for (Eigen::Index row = 0; row < values.outerSize(); ++row) {
      const auto begin = values.outerIndexPtr()[row], end = values.outerIndexPtr()[row + 1];
      double* data = values.valuePtr();
      double total = 0.0;
      for (auto k = begin; k < end; ++k) {
        if (norm == "l1") {
          total += std::abs(data[k]);
        } else if (norm == "l2") {
          total += data[k] * data[k];
        } else {
          total = std::max(total, std::abs(data[k]));
        }
      }
      if (total == 0.0) continue;
      if (norm == "l2") total = std::sqrt(total);
      for (auto k = begin; k < end; ++k)
        data[k] /= total;
    }
    return FeatureMatrix(std::move(values), feature_names_in_);
  }
  Eigen::MatrixXd values = x.to_dense(describe());
  Eigen::VectorXd norms;
  if (norm == "l1") {
    norms = values.cwiseAbs().rowwise().sum();
  } else if (norm == "l2") {
    norms = values.rowwise().squaredNorm().cwiseSqrt();
  } else {
    norms = values.cwiseAbs().rowwise().maxCoeff();
  }
  for (Eigen::Index i = 0; i < norms.size(); ++i)
    norms(i) = detail::nonzero_scale(norms(i));
  values.array().colwise() /= norms.array();
  return FeatureMatrix(std::move(values), feature_names_in_);
}

std::vector<std::string> Normalizer::feature_names_out() const {
  require_fitted("feature_names_out");
  return feature_names_in_;
}

Json Normalizer::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_}};
}

void Normalizer::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  fitted_ = true;
}

}  // namespace loom::features
