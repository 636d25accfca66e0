// The built-in tree-based models of loom::models (decision trees, forests, boosting).
#include "../pipeline/builtin_steps.hpp"
#include "loom/models/ensemble/adaboost_classifier.hpp"
#include "loom/models/ensemble/hist_gradient_boosting.hpp"
#include "loom/models/ensemble/random_forest_classifier.hpp"
#include "loom/models/ensemble/random_forest_regressor.hpp"
#include "loom/models/tree/decision_tree_classifier.hpp"
#include "loom/models/tree/decision_tree_regressor.hpp"

namespace loom::detail {

void register_tree_model_steps(Registry& registry) {
  registry.add<models::DecisionTreeClassifier>();
  registry.add<models::DecisionTreeRegressor>();
  registry.add<models::RandomForestClassifier>();
  registry.add<models::RandomForestRegressor>();
  registry.add<models::HistGradientBoostingClassifier>();
  registry.add<models::HistGradientBoostingRegressor>();
  registry.add<models::AdaBoostClassifier>();
}

}  // namespace loom::detail
