// The built-in tree-based models of loom::models (decision trees, forests, boosting).
#include "../pipeline/builtin_steps.hpp"

namespace loom::detail {

void register_tree_model_steps(Registry& registry) {
  static_cast<void>(registry);
}

}  // namespace loom::detail
