// The built-in steps of loom::features (encoders, scalers, text, reduction, selection).
#include "../pipeline/builtin_steps.hpp"
#include "loom/features/standard_scaler.hpp"

namespace loom::detail {

void register_feature_steps(Registry& registry) {
  registry.add<features::StandardScaler>();
}

}  // namespace loom::detail
