// The one place that lists every built-in step type for the registry (explicit registration:
// static initialisers in a static library would be dropped by the linker).
#include "loom/clean/simple_imputer.hpp"
#include "loom/core/registry.hpp"
#include "loom/features/standard_scaler.hpp"
#include "loom/models/linear/logistic_regression.hpp"
#include "loom/pipeline/column_transformer.hpp"
#include "loom/pipeline/pipeline.hpp"

namespace loom::detail {

void register_builtin_steps(Registry& registry) {
  registry.add<pipeline::Pipeline>();
  registry.add<pipeline::ColumnTransformer>();
  registry.add<clean::SimpleImputer>();
  registry.add<features::StandardScaler>();
  registry.add<models::LogisticRegression>();
}

}  // namespace loom::detail
