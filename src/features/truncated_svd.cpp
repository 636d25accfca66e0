#include "loom/features/truncated_svd.hpp"

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/features/detail/sparse_rows.hpp"
#include "loom/features/detail/svd.hpp"

namespace loom::features {

const ParamTable<TruncatedSVDParams>& TruncatedSVDParams::table() {
  using P = TruncatedSVDParams;
  static const ParamTable<P> table{
      param("n_components", &P::n_components, at_least<std::int64_t>(1)),
      param("algorithm", &P::algorithm, one_of({"randomized"})),
      param("n_iter", &P::n_iter, at_least<std::int64_t>(0)),
      param("n_oversamples", &P::n_oversamples, at_least<std::int64_t>(1)),
      param("power_iteration_normalizer", &P::power_iteration_normalizer,
            one_of({"auto", "QR", "LU", "none"})),
      param("random_state", &P::random_state),
  };
  return table;
}

namespace {

// Column variances (ddof 0) of the dense or sparse input, summed.
double total_variance(const Table& x, const Eigen::MatrixXd* dense) {
  if (dense) {
    return ((dense->rowwise() - dense->colwise().mean()).colwise().squaredNorm().sum()) /
           static_cast<double>(dense->rows());
  }
  const SparseMatrix& values = x.matrix().sparse();
  const double n = static_cast<double>(values.rows());
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(values.cols()), squares = sum;
  for (Eigen::Index row = 0; row < values.outerSize(); ++row) {
    for (SparseMatrix::InnerIterator it(values, row); it; ++it) {
      sum(it.col()) += it.value();
      squares(it.col()) += it.value() * it.value();
    }
  }
  const Eigen::VectorXd mean = sum / n;
  return (squares / n - mean.cwiseAbs2()).sum();
}

}  // namespace

void TruncatedSVD::fit(const Table& x, const Column*) {
  validate_params();
  fitted_ = false;
  require_non_empty(x, describe());
  x.require_no_missing(describe());
  const auto n_features = static_cast<std::int64_t>(x.n_columns());
  if (params_.n_components > n_features) {
    throw ParameterError(fmt::format("{}: parameter n_components = {} must be <= n_features = {}",
                                     describe(), params_.n_components, n_features));
  }
  detail::RandomizedSvdOptions options;
  options.n_components = static_cast<Eigen::Index>(params_.n_components);
  options.n_oversamples = static_cast<Eigen::Index>(params_.n_oversamples);
  options.n_iter = static_cast<int>(params_.n_iter);
  options.power_iteration_normalizer = params_.power_iteration_normalizer;
  options.seed = detail::seed_from(params_.random_state);
  Eigen::MatrixXd scores;
  double full_variance = 0.0;
  if (x.is_sparse()) {
    const SparseMatrix& values = x.matrix().sparse();
    const detail::Svd svd = detail::randomized_svd(values, options);
    components_ = svd.components;
    singular_values_ = svd.singular_values;
    scores = values * components_.transpose();
    full_variance = total_variance(x, nullptr);
  } else {
    const Eigen::MatrixXd values = x.to_dense(describe());
    const detail::Svd svd = detail::randomized_svd(values, options);
    components_ = svd.components;
    singular_values_ = svd.singular_values;
    scores = values * components_.transpose();
    full_variance = total_variance(x, &values);
  }
  // np.var(X_transformed, axis=0), as scikit-learn's explained_variance_.
  const double n = static_cast<double>(scores.rows());
  explained_variance_ =
      (scores.rowwise() - scores.colwise().mean()).colwise().squaredNorm().transpose() / n;
  explained_variance_ratio_ = explained_variance_ / full_variance;
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Table TruncatedSVD::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  x.require_no_missing(describe());
  Eigen::MatrixXd scores = x.is_sparse()
                               ? Eigen::MatrixXd(x.matrix().sparse() * components_.transpose())
                               : Eigen::MatrixXd(x.to_dense(describe()) * components_.transpose());
  return FeatureMatrix(std::move(scores), feature_names_out());
}

std::vector<std::string> TruncatedSVD::feature_names_out() const {
  require_fitted("feature_names_out");
  return detail::numbered_names("truncatedsvd", components_.rows());
}

Json TruncatedSVD::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"components", state::from_matrix(components_)},
          {"explained_variance", state::from_vector(explained_variance_)},
          {"explained_variance_ratio", state::from_vector(explained_variance_ratio_)},
          {"singular_values", state::from_vector(singular_values_)}};
}

void TruncatedSVD::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  components_ = state::to_matrix(saved, "components");
  explained_variance_ = state::to_eigen_vector(saved, "explained_variance");
  explained_variance_ratio_ = state::to_eigen_vector(saved, "explained_variance_ratio");
  singular_values_ = state::to_eigen_vector(saved, "singular_values");
  if (components_.cols() != static_cast<Eigen::Index>(feature_names_in_.size()) ||
      components_.rows() != singular_values_.size()) {
    throw ParseError(fmt::format("{}: saved state has arrays whose sizes do not match {} features",
                                 describe(), feature_names_in_.size()));
  }
  fitted_ = true;
}

}  // namespace loom::features
