#include "loom/models/ensemble/random_forest_classifier.hpp"

#include <cmath>
#include <limits>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/models/ensemble/detail/forest.hpp"
#include "loom/models/tree/detail/float_columns.hpp"
#include "loom/models/tree/detail/random.hpp"
#include "loom/models/tree/detail/targets.hpp"
#include "loom/models/tree/detail/threads.hpp"
#include "loom/models/tree/detail/tree_params.hpp"

namespace loom::models {

const ParamTable<RandomForestClassifierParams>& RandomForestClassifierParams::table() {
  using P = RandomForestClassifierParams;
  static const ParamTable<P> table{
      param("n_estimators", &P::n_estimators, at_least(1)),
      param("criterion", &P::criterion, one_of({"gini", "entropy", "log_loss"})),
      param("max_depth", &P::max_depth, detail::optional_at_least(1)),
      param("min_samples_split", &P::min_samples_split, detail::count_or_fraction_check(2, false)),
      param("min_samples_leaf", &P::min_samples_leaf, detail::count_or_fraction_check(1, true)),
      param("min_weight_fraction_leaf", &P::min_weight_fraction_leaf, between(0.0, 0.5)),
      param("max_features", &P::max_features, detail::max_features_check()),
      param("min_impurity_decrease", &P::min_impurity_decrease, at_least(0.0)),
      param("bootstrap", &P::bootstrap),
      param("oob_score", &P::oob_score),
      param<P, std::optional<int>>("n_jobs", &P::n_jobs,
                                   [](const std::optional<int>& value) {
                                     return (!value || *value != 0) ? std::string()
                                                                    : std::string("must not be 0");
                                   }),
      param("random_state", &P::random_state),
      param<P, std::optional<std::string>>(
          "class_weight", &P::class_weight,
          [](const std::optional<std::string>& value) {
            return (!value || *value == "balanced" || *value == "balanced_subsample")
                       ? std::string()
                       : std::string("must be null, \"balanced\" or \"balanced_subsample\"");
          }),
      param("max_samples", &P::max_samples, detail::max_samples_check()),
  };
  return table;
}

void RandomForestClassifier::fit(const Table& x, const Column* y) {
  validate_params();
  if (params_.oob_score && !params_.bootstrap) {
    throw ParameterError(fmt::format(
        "{}: parameter oob_score = true needs bootstrap = true (no out-of-bag rows otherwise)",
        describe()));
  }
  const EncodedLabels labels = detail::classification_target(x, y, describe());
  const detail::FloatColumns features = detail::float_columns(x, describe());
  const auto n_classes = static_cast<int>(labels.classes.size());
  const bool subsample = params_.class_weight && *params_.class_weight == "balanced_subsample";
  const std::vector<double> weights = detail::class_weight_per_row(
      subsample ? std::nullopt : params_.class_weight, labels.indices, n_classes);
  const detail::CartOptions options = detail::cart_options(
      {params_.max_depth, params_.min_samples_split, params_.min_samples_leaf,
       params_.min_weight_fraction_leaf, params_.max_features, params_.min_impurity_decrease},
      detail::classification_criterion(params_.criterion), features.n_rows, features.n_columns,
      n_classes);
  detail::ForestSetup setup;
  setup.n_estimators = static_cast<std::size_t>(params_.n_estimators);
  setup.bootstrap = params_.bootstrap;
  setup.n_draws = detail::resolve_max_samples(params_.max_samples, features.n_rows);
  setup.balanced_subsample = subsample && params_.bootstrap;
  setup.seed = detail::seed_from(params_.random_state);
  setup.n_threads = detail::resolve_n_jobs(params_.n_jobs);
  setup.progress = [this](std::size_t done, std::size_t total) { report_progress(done, total); };
  detail::GrownForest forest =
      detail::grow_forest(features, labels.indices, {}, weights, options, setup);
  oob_score_ = std::numeric_limits<double>::quiet_NaN();
  if (params_.oob_score) {
    const Eigen::MatrixXd oob = detail::out_of_bag_average(forest, features, true, setup.n_draws);
    const std::vector<int> predicted = detail::argmax_rows(oob);
    double correct = 0.0, counted = 0.0;
    for (std::size_t row = 0; row < features.n_rows; ++row) {
      if (std::isnan(oob(static_cast<Eigen::Index>(row), 0))) continue;
      counted += 1.0;
      correct += predicted[row] == labels.indices[row] ? 1.0 : 0.0;
    }
    oob_score_ = counted > 0.0 ? correct / counted : std::numeric_limits<double>::quiet_NaN();
  }
  trees_ = std::move(forest.trees);
  std::vector<const detail::TreeStructure*> pointers;
  for (const auto& tree : trees_)
    pointers.push_back(&tree);
  feature_importances_ = detail::impurity_importances(pointers, features.n_columns);
  classes_ = labels.classes;
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Eigen::MatrixXd RandomForestClassifier::predict_proba(const Table& x) const {
  require_fitted("predict_proba");
  require_same_columns(x, feature_names_in_, describe());
  const detail::FloatColumns features = detail::float_columns(x, describe());
  return detail::forest_average(trees_, features, true, detail::resolve_n_jobs(params_.n_jobs));
}

Column RandomForestClassifier::predict(const Table& x) const {
  return decode_labels(classes_, detail::argmax_rows(predict_proba(x)), classes_.name());
}

Column RandomForestClassifier::classes() const {
  require_fitted("classes");
  return classes_;
}

Json RandomForestClassifier::fitted_state() const {
  require_fitted("fitted_state");
  Json trees = Json::array();
  for (const auto& tree : trees_)
    trees.push_back(tree.to_json());
  Json result = {{"feature_names_in", feature_names_in_},
                 {"classes", state::from_column(classes_)},
                 {"estimators", std::move(trees)}};
  if (!std::isnan(oob_score_)) result["oob_score"] = oob_score_;
  return result;
}

void RandomForestClassifier::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  classes_ = state::to_column(saved, "classes");
  if (classes_.size() < 2) {
    throw ParseError(fmt::format("{}: saved state has fewer than 2 classes", describe()));
  }
  const Json& trees = state::field(saved, "estimators");
  if (!trees.is_array() || trees.empty()) {
    throw ParseError(fmt::format("{}: saved estimators must be a non-empty list", describe()));
  }
  trees_.clear();
  std::vector<const detail::TreeStructure*> pointers;
  for (const auto& tree : trees) {
    trees_.push_back(detail::TreeStructure::from_json(
        tree, feature_names_in_.size(), static_cast<std::int32_t>(classes_.size()), describe()));
  }
  for (const auto& tree : trees_)
    pointers.push_back(&tree);
  feature_importances_ = detail::impurity_importances(pointers, feature_names_in_.size());
  oob_score_ = saved.contains("oob_score") && saved["oob_score"].is_number()
                   ? saved["oob_score"].get<double>()
                   : std::numeric_limits<double>::quiet_NaN();
  fitted_ = true;
}

}  // namespace loom::models
