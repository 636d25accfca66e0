// The built-in steps of loom::models (classifiers, regressors, clusterers).
#include "../pipeline/builtin_steps.hpp"
#include "loom/models/linear/logistic_regression.hpp"

namespace loom::detail {

void register_model_steps(Registry& registry) {
  registry.add<models::LogisticRegression>();
}

}  // namespace loom::detail
