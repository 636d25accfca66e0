#include "loom/models/naive_bayes/multinomial_nb.hpp"

#include <algorithm>
#include <cmath>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "naive_bayes_common.hpp"

namespace loom::models {

const ParamTable<MultinomialNBParams>& MultinomialNBParams::table() {
  using P = MultinomialNBParams;
  static const ParamTable<P> table{
      param("alpha", &P::alpha, at_least(0.0)),
      param("fit_prior", &P::fit_prior),
      param("class_prior", &P::class_prior),
  };
  return table;
}

namespace {

// Refuses NaN (naming the column) and negative counts, as scikit-learn does.
void check_counts(const Table& x, const Eigen::Ref<const Eigen::VectorXd>& values,
                  std::string_view caller) {
  if (values.size() == 0) return;
  if (values.hasNaN()) x.require_no_missing(caller);
  if (values.minCoeff() < 0.0) {
    throw DataError(fmt::format(
        "{}: negative values in the input; MultinomialNB needs non-negative counts", caller));
  }
}

// Rows x classes: x times the transposed weights, for dense or sparse x.
Eigen::MatrixXd times_transposed(const Table& x, const Eigen::MatrixXd& weights,
                                 std::string_view caller) {
  if (x.is_sparse()) {
    const SparseMatrix& values = x.matrix().sparse();
    check_counts(x, Eigen::Map<const Eigen::VectorXd>(values.valuePtr(), values.nonZeros()),
                 caller);
    return values * weights.transpose();
  }
  const Eigen::MatrixXd values = x.to_dense(caller);
  check_counts(x, values.reshaped(), caller);
  return values * weights.transpose();
}

}  // namespace

void MultinomialNB::fit(const Table& x, const Column* y) {
  validate_params();
  require_non_empty(x, describe());
  EncodedLabels labels = detail::training_labels(y, x.n_rows(), describe());
  const auto n_classes = static_cast<Eigen::Index>(labels.classes.size());
  // Indicator (classes x rows) times x gives the per-class feature sums.
  Eigen::MatrixXd indicator =
      Eigen::MatrixXd::Zero(n_classes, static_cast<Eigen::Index>(x.n_rows()));
  for (std::size_t i = 0; i < labels.indices.size(); ++i)
    indicator(labels.indices[i], static_cast<Eigen::Index>(i)) = 1.0;
  if (x.is_sparse()) {
    const SparseMatrix& values = x.matrix().sparse();
    check_counts(x, Eigen::Map<const Eigen::VectorXd>(values.valuePtr(), values.nonZeros()),
                 describe());
    feature_count_ = indicator * values;
  } else {
    const Eigen::MatrixXd values = x.to_dense(describe());
    check_counts(x, values.reshaped(), describe());
    feature_count_ = indicator * values;
  }
  class_count_ = indicator.rowwise().sum();
  // scikit-learn 1.2 (force_alpha=False) raises alpha to 1e-10 to avoid log(0).
  const double alpha = std::max(params_.alpha, 1e-10);
  const Eigen::ArrayXXd smoothed = feature_count_.array() + alpha;
  const Eigen::ArrayXd smoothed_total = smoothed.rowwise().sum();
  feature_log_prob_ = (smoothed.log().colwise() - smoothed_total.log()).matrix();
  if (params_.class_prior) {
    class_log_prior_ =
        detail::given_priors(*params_.class_prior, labels.classes.size(), "class_prior", describe())
            .array()
            .log()
            .matrix();
  } else if (params_.fit_prior) {
    class_log_prior_ = (class_count_.array().log() - std::log(class_count_.sum())).matrix();
  } else {
    class_log_prior_ =
        Eigen::VectorXd::Constant(n_classes, -std::log(static_cast<double>(n_classes)));
  }
  classes_ = labels.classes;
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Eigen::MatrixXd MultinomialNB::joint_log_likelihood(const Table& x) const {
  require_fitted("predict");
  require_same_columns(x, feature_names_in_, describe());
  Eigen::MatrixXd jll = times_transposed(x, feature_log_prob_, describe());
  jll.rowwise() += class_log_prior_.transpose();
  return jll;
}

Eigen::MatrixXd MultinomialNB::predict_log_proba(const Table& x) const {
  return detail::log_proba_from_jll(joint_log_likelihood(x));
}

Eigen::MatrixXd MultinomialNB::predict_proba(const Table& x) const {
  return predict_log_proba(x).array().exp().matrix();
}

Column MultinomialNB::predict(const Table& x) const {
  return detail::predict_from_jll(classes_, joint_log_likelihood(x));
}

double MultinomialNB::score(const Table& x, const Column& y) const {
  return detail::accuracy(predict(x), y, describe());
}

Column MultinomialNB::classes() const {
  require_fitted("classes");
  return classes_;
}

Json MultinomialNB::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"classes", state::from_column(classes_)},
          {"feature_count", state::from_matrix(feature_count_)},
          {"class_count", state::from_vector(class_count_)},
          {"feature_log_prob", state::from_matrix(feature_log_prob_)},
          {"class_log_prior", state::from_vector(class_log_prior_)}};
}

void MultinomialNB::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  classes_ = state::to_column(saved, "classes");
  feature_count_ = state::to_matrix(saved, "feature_count");
  class_count_ = state::to_eigen_vector(saved, "class_count");
  feature_log_prob_ = state::to_matrix(saved, "feature_log_prob");
  class_log_prior_ = state::to_eigen_vector(saved, "class_log_prior");
  const auto n_classes = static_cast<Eigen::Index>(classes_.size());
  if (feature_log_prob_.rows() != n_classes ||
      feature_log_prob_.cols() != static_cast<Eigen::Index>(feature_names_in_.size()) ||
      class_log_prior_.size() != n_classes) {
    throw ParseError(fmt::format("{}: saved state does not match {} classes and {} features",
                                 describe(), n_classes, feature_names_in_.size()));
  }
  fitted_ = true;
}

}  // namespace loom::models
