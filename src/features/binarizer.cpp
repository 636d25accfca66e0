#include "loom/features/binarizer.hpp"

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"

namespace loom::features {

const ParamTable<BinarizerParams>& BinarizerParams::table() {
  static const ParamTable<BinarizerParams> table{
      param("threshold", &BinarizerParams::threshold),
      param("copy", &BinarizerParams::copy),
  };
  return table;
}

void Binarizer::fit(const Table& x, const Column*) {
  validate_params();
  require_non_empty(x, describe());
  if (!x.is_sparse()) static_cast<void>(x.to_dense(describe()));  // names a non-numeric column
  x.require_no_missing(describe());
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Table Binarizer::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  x.require_no_missing(describe());
  const double threshold = params_.threshold;
  if (x.is_sparse()) {
    if (threshold < 0) {
      throw DataError(
          fmt::format("{}: cannot binarize sparse input with threshold = {} < 0 (implicit zeros "
                      "would become 1)",
                      describe(), threshold));
    }
    SparseMatrix values = x.matrix().sparse();
    for (Eigen::Index k = 0; k < values.nonZeros(); ++k)
      values.valuePtr()[k] = values.valuePtr()[k] > threshold ? 1.0 : 0.0;
    values.prune(0.0, 0.0);
    return FeatureMatrix(std::move(values), feature_names_in_);
  }
  Eigen::MatrixXd values = x.to_dense(describe());
  values = (values.array() > threshold).cast<double>();
  return FeatureMatrix(std::move(values), feature_names_in_);
}

std::vector<std::string> Binarizer::feature_names_out() const {
  require_fitted("feature_names_out");
  return feature_names_in_;
}

Json Binarizer::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_}};
}

void Binarizer::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  fitted_ = true;
}

}  // namespace loom::features
