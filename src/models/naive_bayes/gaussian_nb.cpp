#include "loom/models/naive_bayes/gaussian_nb.hpp"

#include <cmath>
#include <numbers>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/models/linear/detail/linear_regressor.hpp"
#include "naive_bayes_common.hpp"

namespace loom::models {

const ParamTable<GaussianNBParams>& GaussianNBParams::table() {
  using P = GaussianNBParams;
  static const ParamTable<P> table{
      param("priors", &P::priors),
      param("var_smoothing", &P::var_smoothing, at_least(0.0)),
  };
  return table;
}

void GaussianNB::fit(const Table& x, const Column* y) {
  validate_params();
  require_non_empty(x, describe());
  const Eigen::MatrixXd features = detail::dense_features(x, describe());
  EncodedLabels labels = detail::training_labels(y, x.n_rows(), describe());
  const auto n_classes = static_cast<Eigen::Index>(labels.classes.size());
  const Eigen::Index n_features = features.cols();
  // np.var: the mean first, then the mean squared deviation.
  auto variance = [](const Eigen::MatrixXd& values, const Eigen::RowVectorXd& mean) {
    return ((values.rowwise() - mean).array().square().colwise().sum() /
            static_cast<double>(values.rows()))
        .matrix();
  };
  const Eigen::RowVectorXd overall_mean = features.colwise().mean();
  epsilon_ = params_.var_smoothing * variance(features, overall_mean).maxCoeff();
  theta_.resize(n_classes, n_features);
  var_.resize(n_classes, n_features);
  class_count_ = Eigen::VectorXd::Zero(n_classes);
  std::vector<std::vector<Eigen::Index>> rows(static_cast<std::size_t>(n_classes));
  for (std::size_t i = 0; i < labels.indices.size(); ++i)
    rows[static_cast<std::size_t>(labels.indices[i])].push_back(static_cast<Eigen::Index>(i));
  for (Eigen::Index k = 0; k < n_classes; ++k) {
    const auto& members = rows[static_cast<std::size_t>(k)];
    Eigen::MatrixXd block(static_cast<Eigen::Index>(members.size()), n_features);
    for (std::size_t r = 0; r < members.size(); ++r)
      block.row(static_cast<Eigen::Index>(r)) = features.row(members[r]);
    const Eigen::RowVectorXd mean = block.colwise().mean();
    theta_.row(k) = mean;
    var_.row(k) = variance(block, mean);
    class_count_(k) = static_cast<double>(members.size());
  }
  var_.array() += epsilon_;
  if (params_.priors) {
    class_prior_ =
        detail::given_priors(*params_.priors, labels.classes.size(), "priors", describe());
  } else {
    class_prior_ = class_count_ / class_count_.sum();
  }
  classes_ = labels.classes;
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Eigen::MatrixXd GaussianNB::joint_log_likelihood(const Table& x) const {
  require_fitted("predict");
  require_same_columns(x, feature_names_in_, describe());
  const Eigen::MatrixXd features = detail::dense_features(x, describe());
  Eigen::MatrixXd jll(features.rows(), theta_.rows());
  for (Eigen::Index k = 0; k < theta_.rows(); ++k) {
    const double normaliser = std::log(class_prior_(k)) -
                              0.5 * (2.0 * std::numbers::pi * var_.row(k).array()).log().sum();
    jll.col(k) =
        (normaliser - 0.5 * ((features.rowwise() - theta_.row(k)).array().square().rowwise() /
                             var_.row(k).array())
                                .rowwise()
                                .sum())
            .matrix();
  }
  return jll;
}

Eigen::MatrixXd GaussianNB::predict_log_proba(const Table& x) const {
  return detail::log_proba_from_jll(joint_log_likelihood(x));
}

Eigen::MatrixXd GaussianNB::predict_proba(const Table& x) const {
  return predict_log_proba(x).array().exp().matrix();
}

Column GaussianNB::predict(const Table& x) const {
  return detail::predict_from_jll(classes_, joint_log_likelihood(x));
}

double GaussianNB::score(const Table& x, const Column& y) const {
  return detail::accuracy(predict(x), y, describe());
}

Column GaussianNB::classes() const {
  require_fitted("classes");
  return classes_;
}

Json GaussianNB::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"classes", state::from_column(classes_)},
          {"theta", state::from_matrix(theta_)},
          {"var", state::from_matrix(var_)},
          {"class_prior", state::from_vector(class_prior_)},
          {"class_count", state::from_vector(class_count_)},
          {"epsilon", epsilon_}};
}

void GaussianNB::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  classes_ = state::to_column(saved, "classes");
  theta_ = state::to_matrix(saved, "theta");
  var_ = state::to_matrix(saved, "var");
  class_prior_ = state::to_eigen_vector(saved, "class_prior");
  class_count_ = state::to_eigen_vector(saved, "class_count");
  const auto n_classes = static_cast<Eigen::Index>(classes_.size());
  const auto n_features = static_cast<Eigen::Index>(feature_names_in_.size());
  if (theta_.rows() != n_classes || theta_.cols() != n_features || var_.rows() != n_classes ||
      var_.cols() != n_features || class_prior_.size() != n_classes) {
    throw ParseError(fmt::format("{}: saved state does not match {} classes and {} features",
                                 describe(), n_classes, n_features));
  }
  epsilon_ = saved.value("epsilon", 0.0);
  fitted_ = true;
}

}  // namespace loom::models
