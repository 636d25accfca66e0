#include "loom/models/tree/decision_tree_regressor.hpp"

#include <numeric>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/models/tree/detail/cart_builder.hpp"
#include "loom/models/tree/detail/float_columns.hpp"
#include "loom/models/tree/detail/targets.hpp"
#include "loom/models/tree/detail/tree_params.hpp"

namespace loom::models {

const ParamTable<DecisionTreeRegressorParams>& DecisionTreeRegressorParams::table() {
  using P = DecisionTreeRegressorParams;
  static const ParamTable<P> table{
      param("criterion", &P::criterion, one_of({"squared_error"})),
      param("splitter", &P::splitter, one_of({"best"})),
      param("max_depth", &P::max_depth, detail::optional_at_least(1)),
      param("min_samples_split", &P::min_samples_split, detail::count_or_fraction_check(2, false)),
      param("min_samples_leaf", &P::min_samples_leaf, detail::count_or_fraction_check(1, true)),
      param("min_weight_fraction_leaf", &P::min_weight_fraction_leaf, between(0.0, 0.5)),
      param("max_features", &P::max_features, detail::max_features_check()),
      param("random_state", &P::random_state),
      param("min_impurity_decrease", &P::min_impurity_decrease, at_least(0.0)),
  };
  return table;
}

void DecisionTreeRegressor::fit(const Table& x, const Column* y) {
  validate_params();
  const std::vector<double> target = detail::regression_target(x, y, describe());
  const detail::FloatColumns features = detail::float_columns(x, describe());
  const std::vector<double> weights(features.n_rows, 1.0);
  const detail::CartOptions options = detail::cart_options(
      {params_.max_depth, params_.min_samples_split, params_.min_samples_leaf,
       params_.min_weight_fraction_leaf, params_.max_features, params_.min_impurity_decrease},
      detail::Criterion::squared_error, features.n_rows, features.n_columns, 0);
  std::vector<std::uint32_t> samples(features.n_rows);
  std::iota(samples.begin(), samples.end(), 0u);
  detail::Random random(detail::seed_from(params_.random_state));
  tree_ = detail::build_cart(features, {}, target, weights, std::move(samples), options, random);
  feature_importances_ = detail::impurity_importances({&tree_}, features.n_columns);
  target_name_ = y->name();
  feature_names_in_ = x.column_names();
  fitted_ = true;
  report_progress(1, 1);
}

Column DecisionTreeRegressor::predict(const Table& x) const {
  require_fitted("predict");
  require_same_columns(x, feature_names_in_, describe());
  const detail::FloatColumns features = detail::float_columns(x, describe());
  std::vector<double> result(features.n_rows);
  for (std::size_t row = 0; row < features.n_rows; ++row)
    result[row] = tree_.node_value(tree_.apply(features, row))[0];
  return Column::numeric(target_name_, std::move(result));
}

Json DecisionTreeRegressor::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"target_name", target_name_},
          {"tree", tree_.to_json()}};
}

void DecisionTreeRegressor::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  target_name_ = saved.value("target_name", std::string("prediction"));
  tree_ = detail::TreeStructure::from_json(state::field(saved, "tree"), feature_names_in_.size(), 1,
                                           describe());
  feature_importances_ = detail::impurity_importances({&tree_}, feature_names_in_.size());
  fitted_ = true;
}

}  // namespace loom::models
