#include "loom/models/ensemble/random_forest_regressor.hpp"

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

const ParamTable<RandomForestRegressorParams>& RandomForestRegressorParams::table() {
  using P = RandomForestRegressorParams;
  static const ParamTable<P> table{
      param("n_estimators", &P::n_estimators, at_least(1)),
      param("criterion", &P::criterion, one_of({"squared_error"})),
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
      param("max_samples", &P::max_samples, detail::max_samples_check()),
  };
  return table;
}

void RandomForestRegressor::fit(const Table& x, const Column* y) {
  validate_params();
  if (params_.oob_score && !params_.bootstrap) {
    throw ParameterError(fmt::format(
        "{}: parameter oob_score = true needs bootstrap = true (no out-of-bag rows otherwise)",
        describe()));
  }
  const std::vector<double> target = detail::regression_target(x, y, describe());
  const detail::FloatColumns features = detail::float_columns(x, describe());
  const std::vector<double> weights(features.n_rows, 1.0);
  const detail::CartOptions options = detail::cart_options(
      {params_.max_depth, params_.min_samples_split, params_.min_samples_leaf,
       params_.min_weight_fraction_leaf, params_.max_features, params_.min_impurity_decrease},
      detail::Criterion::squared_error, features.n_rows, features.n_columns, 0);
  detail::ForestSetup setup;
  setup.n_estimators = static_cast<std::size_t>(params_.n_estimators);
  setup.bootstrap = params_.bootstrap;
  setup.n_draws = detail::resolve_max_samples(params_.max_samples, features.n_rows);
  setup.seed = detail::seed_from(params_.random_state);
  setup.n_threads = detail::resolve_n_jobs(params_.n_jobs);
  setup.progress = [this](std::size_t done, std::size_t total) { report_progress(done, total); };
  detail::GrownForest forest = detail::grow_forest(features, {}, target, weights, options, setup);
  oob_score_ = std::numeric_limits<double>::quiet_NaN();
  if (params_.oob_score) {
    // R2 over the rows that at least one tree left out.
    const Eigen::MatrixXd oob = detail::out_of_bag_average(forest, features, false, setup.n_draws);
    double sum = 0.0, counted = 0.0;
    for (std::size_t row = 0; row < features.n_rows; ++row) {
      if (std::isnan(oob(static_cast<Eigen::Index>(row), 0))) continue;
      sum += target[row];
      counted += 1.0;
    }
    const double mean = sum / counted;
    double residual = 0.0, total = 0.0;
    for (std::size_t row = 0; row < features.n_rows; ++row) {
      const double predicted = oob(static_cast<Eigen::Index>(row), 0);
      if (std::isnan(predicted)) continue;
      residual += (target[row] - predicted) * (target[row] - predicted);
      total += (target[row] - mean) * (target[row] - mean);
    }
    if (counted > 0.0) oob_score_ = total > 0.0 ? 1.0 - residual / total : 0.0;
  }
  trees_ = std::move(forest.trees);
  std::vector<const detail::TreeStructure*> pointers;
  for (const auto& tree : trees_)
    pointers.push_back(&tree);
  feature_importances_ = detail::impurity_importances(pointers, features.n_columns);
  target_name_ = y->name();
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Column RandomForestRegressor::predict(const Table& x) const {
  require_fitted("predict");
  require_same_columns(x, feature_names_in_, describe());
  const detail::FloatColumns features = detail::float_columns(x, describe());
  const Eigen::MatrixXd average =
      detail::forest_average(trees_, features, false, detail::resolve_n_jobs(params_.n_jobs));
  return Column::numeric(target_name_,
                         std::vector<double>(average.data(), average.data() + average.rows()));
}

Json RandomForestRegressor::fitted_state() const {
  require_fitted("fitted_state");
  Json trees = Json::array();
  for (const auto& tree : trees_)
    trees.push_back(tree.to_json());
  Json result = {{"feature_names_in", feature_names_in_},
                 {"target_name", target_name_},
                 {"estimators", std::move(trees)}};
  if (!std::isnan(oob_score_)) result["oob_score"] = oob_score_;
  return result;
}

void RandomForestRegressor::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  target_name_ = saved.value("target_name", std::string("prediction"));
  const Json& trees = state::field(saved, "estimators");
  if (!trees.is_array() || trees.empty()) {
    throw ParseError(fmt::format("{}: saved estimators must be a non-empty list", describe()));
  }
  trees_.clear();
  for (const auto& tree : trees)
    trees_.push_back(
        detail::TreeStructure::from_json(tree, feature_names_in_.size(), 1, describe()));
  std::vector<const detail::TreeStructure*> pointers;
  for (const auto& tree : trees_)
    pointers.push_back(&tree);
  feature_importances_ = detail::impurity_importances(pointers, feature_names_in_.size());
  oob_score_ = saved.contains("oob_score") && saved["oob_score"].is_number()
                   ? saved["oob_score"].get<double>()
                   : std::numeric_limits<double>::quiet_NaN();
  fitted_ = true;
}

}  // namespace loom::models
