#include "loom/models/ensemble/adaboost_classifier.hpp"

#include <cmath>
#include <limits>
#include <numeric>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/models/tree/detail/cart_builder.hpp"
#include "loom/models/tree/detail/float_columns.hpp"
#include "loom/models/tree/detail/random.hpp"
#include "loom/models/tree/detail/targets.hpp"

namespace loom::models {

namespace {
constexpr double kEps = std::numeric_limits<double>::epsilon();

// A stump's class probabilities for every row, clipped below at eps as scikit-learn.
Eigen::MatrixXd stump_proba(const detail::TreeStructure& tree, const detail::FloatColumns& x) {
  const auto width = static_cast<Eigen::Index>(tree.value_width);
  Eigen::MatrixXd proba(static_cast<Eigen::Index>(x.n_rows), width);
  for (std::size_t row = 0; row < x.n_rows; ++row) {
    const double* leaf = tree.node_value(tree.apply(x, row));
    double total = 0.0;
    for (Eigen::Index k = 0; k < width; ++k)
      total += leaf[k];
    for (Eigen::Index k = 0; k < width; ++k)
      proba(static_cast<Eigen::Index>(row), k) = leaf[k] / total;
  }
  return proba;
}

// SAMME.R's per-estimator score: (K - 1) (log p - mean_k log p).
Eigen::MatrixXd samme_r_scores(const Eigen::MatrixXd& proba) {
  const Eigen::ArrayXXd log_proba = proba.array().max(kEps).log();
  const double k = static_cast<double>(proba.cols());
  return ((k - 1.0) * (log_proba.colwise() - log_proba.rowwise().sum() / k)).matrix();
}
}  // namespace

const ParamTable<AdaBoostClassifierParams>& AdaBoostClassifierParams::table() {
  using P = AdaBoostClassifierParams;
  static const ParamTable<P> table{
      param("n_estimators", &P::n_estimators, at_least(1)),
      param("learning_rate", &P::learning_rate, greater_than(0.0)),
      param("algorithm", &P::algorithm, one_of({"SAMME.R", "SAMME"})),
      param("random_state", &P::random_state),
  };
  return table;
}

void AdaBoostClassifier::fit(const Table& x, const Column* y) {
  validate_params();
  const EncodedLabels labels = detail::classification_target(x, y, describe());
  const detail::FloatColumns features = detail::float_columns(x, describe());
  const int n_classes = static_cast<int>(labels.classes.size());
  const double k = n_classes;
  const std::size_t n = features.n_rows;
  detail::CartOptions options;
  options.max_depth = 1;
  options.max_features = features.n_columns;
  options.n_classes = n_classes;
  std::vector<double> weight(n, 1.0 / static_cast<double>(n));
  detail::Random random(detail::seed_from(params_.random_state));
  const bool real = params_.algorithm == "SAMME.R";
  trees_.clear();
  estimator_weights_.clear();
  estimator_errors_.clear();
  for (int iteration = 0; iteration < params_.n_estimators; ++iteration) {
    std::vector<std::uint32_t> samples;
    for (std::size_t row = 0; row < n; ++row) {
      if (weight[row] > 0.0) samples.push_back(static_cast<std::uint32_t>(row));
    }
    detail::Random tree_random(random.next());
    detail::TreeStructure tree =
        detail::build_cart(features, labels.indices, {}, weight, samples, options, tree_random);
    const Eigen::MatrixXd proba = stump_proba(tree, features);
    const std::vector<int> predicted = detail::argmax_rows(proba);
    double error = 0.0, total = 0.0;
    for (std::size_t row = 0; row < n; ++row) {
      total += weight[row];
      if (predicted[row] != labels.indices[row]) error += weight[row];
    }
    error /= total;
    const bool last = iteration + 1 == params_.n_estimators;
    if (error <= 0.0) {  // a perfect stump: keep it and stop, as scikit-learn
      trees_.push_back(std::move(tree));
      estimator_weights_.push_back(1.0);
      estimator_errors_.push_back(0.0);
      break;
    }
    double estimator_weight = 1.0;
    if (real) {
      const Eigen::ArrayXXd log_proba = proba.array().max(kEps).log();
      for (std::size_t row = 0; row < n && !last; ++row) {
        // y_coding is 1 for the true class and -1 / (K - 1) elsewhere.
        double coded = 0.0;
        for (int c = 0; c < n_classes; ++c) {
          const double code = c == labels.indices[row] ? 1.0 : -1.0 / (k - 1.0);
          coded += code * log_proba(static_cast<Eigen::Index>(row), c);
        }
        const double boost = -params_.learning_rate * ((k - 1.0) / k) * coded;
        if (weight[row] > 0.0 || boost < 0.0) weight[row] *= std::exp(boost);
      }
    } else {
      if (error >= 1.0 - 1.0 / k) {
        if (trees_.empty()) {
          throw DataError(fmt::format(
              "{}: the first stump is no better than chance (error {}); AdaBoost cannot fit",
              describe(), error));
        }
        break;
      }
      estimator_weight =
          params_.learning_rate * (std::log((1.0 - error) / error) + std::log(k - 1.0));
      for (std::size_t row = 0; row < n && !last; ++row) {
        if (predicted[row] != labels.indices[row] && weight[row] > 0.0)
          weight[row] *= std::exp(estimator_weight);
      }
    }
    trees_.push_back(std::move(tree));
    estimator_weights_.push_back(estimator_weight);
    estimator_errors_.push_back(error);
    report_progress(static_cast<std::size_t>(iteration) + 1,
                    static_cast<std::size_t>(params_.n_estimators));
    const double sum = std::accumulate(weight.begin(), weight.end(), 0.0);
    if (!std::isfinite(sum) || sum <= 0.0) break;
    if (!last) {
      for (double& w : weight)
        w /= sum;
    }
  }
  // scikit-learn: importances weighted by the estimator weights.
  feature_importances_.assign(features.n_columns, 0.0);
  const double weight_sum =
      std::accumulate(estimator_weights_.begin(), estimator_weights_.end(), 0.0);
  for (std::size_t t = 0; t < trees_.size(); ++t) {
    const auto importances = detail::impurity_importances({&trees_[t]}, features.n_columns);
    for (std::size_t j = 0; j < features.n_columns; ++j)
      feature_importances_[j] += estimator_weights_[t] * importances[j] / weight_sum;
  }
  classes_ = labels.classes;
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Eigen::MatrixXd AdaBoostClassifier::decision_function(const Table& x) const {
  require_fitted("decision_function");
  require_same_columns(x, feature_names_in_, describe());
  const detail::FloatColumns features = detail::float_columns(x, describe());
  const auto n_classes = static_cast<Eigen::Index>(classes_.size());
  Eigen::MatrixXd scores =
      Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(features.n_rows), n_classes);
  const bool real = params_.algorithm == "SAMME.R";
  for (std::size_t t = 0; t < trees_.size(); ++t) {
    const Eigen::MatrixXd proba = stump_proba(trees_[t], features);
    if (real) {
      scores += samme_r_scores(proba);
    } else {
      const std::vector<int> predicted = detail::argmax_rows(proba);
      for (std::size_t row = 0; row < features.n_rows; ++row)
        scores(static_cast<Eigen::Index>(row), predicted[row]) += estimator_weights_[t];
    }
  }
  scores /= std::accumulate(estimator_weights_.begin(), estimator_weights_.end(), 0.0);
  if (n_classes == 2) return (scores.col(1) - scores.col(0)).eval();
  return scores;
}

Eigen::MatrixXd AdaBoostClassifier::predict_proba(const Table& x) const {
  Eigen::MatrixXd decision = decision_function(x);
  const auto n_classes = static_cast<Eigen::Index>(classes_.size());
  if (n_classes == 2) {
    Eigen::MatrixXd both(decision.rows(), 2);
    both.col(0) = -decision.col(0) / 2.0;
    both.col(1) = decision.col(0) / 2.0;
    decision = both;
  } else {
    decision /= static_cast<double>(n_classes - 1);
  }
  for (Eigen::Index i = 0; i < decision.rows(); ++i) {
    const Eigen::ArrayXd e =
        (decision.row(i).array() - decision.row(i).maxCoeff()).exp().transpose();
    decision.row(i) = (e / e.sum()).matrix().transpose();
  }
  return decision;
}

Column AdaBoostClassifier::predict(const Table& x) const {
  const Eigen::MatrixXd decision = decision_function(x);
  std::vector<int> indices;
  if (decision.cols() == 1) {
    for (Eigen::Index i = 0; i < decision.rows(); ++i)
      indices.push_back(decision(i, 0) > 0.0 ? 1 : 0);
  } else {
    indices = detail::argmax_rows(decision);
  }
  return decode_labels(classes_, indices, classes_.name());
}

Column AdaBoostClassifier::classes() const {
  require_fitted("classes");
  return classes_;
}

Json AdaBoostClassifier::fitted_state() const {
  require_fitted("fitted_state");
  Json trees = Json::array();
  for (const auto& tree : trees_)
    trees.push_back(tree.to_json());
  return {{"feature_names_in", feature_names_in_},
          {"classes", state::from_column(classes_)},
          {"estimators", std::move(trees)},
          {"estimator_weights", state::from_vector(estimator_weights_)},
          {"estimator_errors", state::from_vector(estimator_errors_)},
          {"feature_importances", state::from_vector(feature_importances_)}};
}

void AdaBoostClassifier::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  classes_ = state::to_column(saved, "classes");
  estimator_weights_ = state::to_vector(saved, "estimator_weights");
  estimator_errors_ = state::to_vector(saved, "estimator_errors");
  feature_importances_ = state::to_vector(saved, "feature_importances");
  const Json& trees = state::field(saved, "estimators");
  if (classes_.size() < 2 || !trees.is_array() || trees.empty() ||
      trees.size() != estimator_weights_.size() ||
      feature_importances_.size() != feature_names_in_.size()) {
    throw ParseError(fmt::format("{}: saved estimators, weights, classes and features do not match",
                                 describe()));
  }
  trees_.clear();
  for (const auto& tree : trees) {
    trees_.push_back(detail::TreeStructure::from_json(
        tree, feature_names_in_.size(), static_cast<std::int32_t>(classes_.size()), describe()));
  }
  fitted_ = true;
}

}  // namespace loom::models
