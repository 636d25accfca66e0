#include "loom/models/tree/decision_tree_classifier.hpp"

#include <numeric>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/models/tree/detail/cart_builder.hpp"
#include "loom/models/tree/detail/float_columns.hpp"
#include "loom/models/tree/detail/targets.hpp"
#include "loom/models/tree/detail/tree_params.hpp"

namespace loom::models {

const ParamTable<DecisionTreeClassifierParams>& DecisionTreeClassifierParams::table() {
  using P = DecisionTreeClassifierParams;
  static const ParamTable<P> table{
      param("criterion", &P::criterion, one_of({"gini", "entropy", "log_loss"})),
      param("splitter", &P::splitter, one_of({"best"})),
      param("max_depth", &P::max_depth, detail::optional_at_least(1)),
      param("min_samples_split", &P::min_samples_split, detail::count_or_fraction_check(2, false)),
      param("min_samples_leaf", &P::min_samples_leaf, detail::count_or_fraction_check(1, true)),
      param("min_weight_fraction_leaf", &P::min_weight_fraction_leaf, between(0.0, 0.5)),
      param("max_features", &P::max_features, detail::max_features_check()),
      param("random_state", &P::random_state),
      param("min_impurity_decrease", &P::min_impurity_decrease, at_least(0.0)),
      param("class_weight", &P::class_weight, detail::balanced_or_null()),
  };
  return table;
}

void DecisionTreeClassifier::fit(const Table& x, const Column* y) {
  validate_params();
  const EncodedLabels labels = detail::classification_target(x, y, describe());
  const detail::FloatColumns features = detail::float_columns(x, describe());
  const auto n_classes = static_cast<int>(labels.classes.size());
  const std::vector<double> weights =
      detail::class_weight_per_row(params_.class_weight, labels.indices, n_classes);
  const detail::CartOptions options = detail::cart_options(
      {params_.max_depth, params_.min_samples_split, params_.min_samples_leaf,
       params_.min_weight_fraction_leaf, params_.max_features, params_.min_impurity_decrease},
      detail::classification_criterion(params_.criterion), features.n_rows, features.n_columns,
      n_classes);
  std::vector<std::uint32_t> samples(features.n_rows);
  std::iota(samples.begin(), samples.end(), 0u);
  detail::Random random(detail::seed_from(params_.random_state));
  tree_ = detail::build_cart(features, labels.indices, {}, weights, std::move(samples), options,
                             random);
  feature_importances_ = detail::impurity_importances({&tree_}, features.n_columns);
  classes_ = labels.classes;
  feature_names_in_ = x.column_names();
  fitted_ = true;
  report_progress(1, 1);
}

Eigen::MatrixXd DecisionTreeClassifier::predict_proba(const Table& x) const {
  require_fitted("predict_proba");
  require_same_columns(x, feature_names_in_, describe());
  const detail::FloatColumns features = detail::float_columns(x, describe());
  const auto n_classes = static_cast<Eigen::Index>(classes_.size());
  Eigen::MatrixXd result(static_cast<Eigen::Index>(features.n_rows), n_classes);
  for (std::size_t row = 0; row < features.n_rows; ++row) {
    const double* leaf = tree_.node_value(tree_.apply(features, row));
    for (Eigen::Index k = 0; k < n_classes; ++k)
      result(static_cast<Eigen::Index>(row), k) = leaf[k];
  }
  detail::normalise_rows(result);
  return result;
}

Column DecisionTreeClassifier::predict(const Table& x) const {
  return decode_labels(classes_, detail::argmax_rows(predict_proba(x)), classes_.name());
}

Column DecisionTreeClassifier::classes() const {
  require_fitted("classes");
  return classes_;
}

Json DecisionTreeClassifier::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"classes", state::from_column(classes_)},
          {"tree", tree_.to_json()}};
}

void DecisionTreeClassifier::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  classes_ = state::to_column(saved, "classes");
  if (classes_.size() < 2) {
    throw ParseError(fmt::format("{}: saved state has fewer than 2 classes", describe()));
  }
  tree_ = detail::TreeStructure::from_json(state::field(saved, "tree"), feature_names_in_.size(),
                                           static_cast<std::int32_t>(classes_.size()), describe());
  feature_importances_ = detail::impurity_importances({&tree_}, feature_names_in_.size());
  fitted_ = true;
}

}  // namespace loom::models
