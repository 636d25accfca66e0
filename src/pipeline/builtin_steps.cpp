// The one place that gathers every built-in step type for the registry (explicit registration:
// static initialisers in a static library would be dropped by the linker). Each area lists its
// own steps in src/<area>/register_steps.cpp.
#include "builtin_steps.hpp"

#include "loom/pipeline/column_transformer.hpp"
#include "loom/pipeline/feature_union.hpp"
#include "loom/pipeline/pipeline.hpp"

namespace loom::detail {

void register_builtin_steps(Registry& registry) {
  registry.add<pipeline::Pipeline>();
  registry.add<pipeline::ColumnTransformer>();
  registry.add<pipeline::FeatureUnion>();
  register_clean_steps(registry);
  register_feature_steps(registry);
  register_feature_extraction_steps(registry);
  register_model_steps(registry);
  register_tree_model_steps(registry);
}

}  // namespace loom::detail
