// The built-in steps of loom::clean (imputers, outlier steps, resamplers).
#include "../pipeline/builtin_steps.hpp"
#include "loom/clean/random_over_sampler.hpp"
#include "loom/clean/random_under_sampler.hpp"
#include "loom/clean/simple_imputer.hpp"

namespace loom::detail {

void register_clean_steps(Registry& registry) {
  registry.add<clean::SimpleImputer>();
  // Resamplers (imbalanced-learn).
  registry.add<clean::RandomOverSampler>();
  registry.add<clean::RandomUnderSampler>();
}

}  // namespace loom::detail
