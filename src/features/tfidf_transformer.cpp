#include "loom/features/tfidf_transformer.hpp"

#include <cmath>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/features/detail/sparse_rows.hpp"
#include "loom/features/hashing_vectorizer.hpp"

namespace loom::features {

const ParamTable<TfidfTransformerParams>& TfidfTransformerParams::table() {
  using P = TfidfTransformerParams;
  static const ParamTable<P> table{
      param("norm", &P::norm, valid_norm()),
      param("use_idf", &P::use_idf),
      param("smooth_idf", &P::smooth_idf),
      param("sublinear_tf", &P::sublinear_tf),
  };
  return table;
}

namespace {

SparseMatrix sparse_input(const Table& x, std::string_view caller) {
  if (x.is_sparse()) return x.matrix().sparse();
  const Eigen::MatrixXd dense = x.to_dense(caller);
  return SparseMatrix(dense.sparseView(1.0, 0.0));
}

}  // namespace

void TfidfTransformer::fit_counts(const SparseMatrix& counts) {
  validate_params();
  fitted_ = false;
  n_features_ = counts.cols();
  if (params_.use_idf) {
    // Document frequency = stored entries per column, as scikit-learn's bincount of indices.
    Eigen::VectorXd df = Eigen::VectorXd::Zero(counts.cols());
    for (Eigen::Index k = 0; k < counts.nonZeros(); ++k)
      df(counts.innerIndexPtr()[k]) += 1.0;
    const double smooth = params_.smooth_idf ? 1.0 : 0.0;
    const double n_samples = static_cast<double>(counts.rows()) + smooth;
    idf_.resize(counts.cols());
    for (Eigen::Index j = 0; j < counts.cols(); ++j)
      idf_(j) = std::log(n_samples / (df(j) + smooth)) + 1.0;
  } else {
    idf_.resize(0);
  }
  fitted_ = true;
}

SparseMatrix TfidfTransformer::transform_counts(SparseMatrix counts) const {
  require_fitted("transform");
  if (counts.cols() != n_features_) {
    throw DataError(fmt::format("{}: input has {} columns, fitted on {}", describe(), counts.cols(),
                                n_features_));
  }
  counts.makeCompressed();
  double* values = counts.valuePtr();
  const auto* columns = counts.innerIndexPtr();
  const Eigen::Index n = counts.nonZeros();
  if (params_.sublinear_tf) {
    for (Eigen::Index k = 0; k < n; ++k)
      values[k] = std::log(values[k]) + 1.0;
  }
  if (params_.use_idf) {
    for (Eigen::Index k = 0; k < n; ++k)
      values[k] *= idf_(columns[k]);
  }
  detail::normalize_rows(counts, params_.norm.value_or(""));
  return counts;
}

void TfidfTransformer::fit(const Table& x, const Column*) {
  require_non_empty(x, describe());
  fit_counts(sparse_input(x, describe()));
  feature_names_in_ = x.column_names();
}

Table TfidfTransformer::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  return FeatureMatrix(transform_counts(sparse_input(x, describe())), feature_names_in_);
}

std::vector<std::string> TfidfTransformer::feature_names_out() const {
  require_fitted("feature_names_out");
  return feature_names_in_;
}

Json TfidfTransformer::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"n_features", n_features_},
          {"idf", state::from_vector(idf_)}};
}

void TfidfTransformer::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  n_features_ = state::field(saved, "n_features").get<Eigen::Index>();
  idf_ = state::to_eigen_vector(saved, "idf");
  if (idf_.size() != (params_.use_idf ? n_features_ : 0)) {
    throw ParseError(fmt::format("{}: saved idf has {} values for {} features", describe(),
                                 idf_.size(), n_features_));
  }
  fitted_ = true;
}

}  // namespace loom::features
