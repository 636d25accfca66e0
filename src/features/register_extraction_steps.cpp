// The built-in feature-extraction steps of loom::features (hashing, text vectorisers,
// decomposition, selection).
#include "../pipeline/builtin_steps.hpp"

namespace loom::detail {

void register_feature_extraction_steps(Registry& registry) {
  static_cast<void>(registry);
}

}  // namespace loom::detail
