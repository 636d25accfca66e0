// The built-in steps of loom::clean (imputers, outlier steps, resamplers).
#include "../pipeline/builtin_steps.hpp"
#include "loom/clean/adasyn.hpp"
#include "loom/clean/borderline_smote.hpp"
#include "loom/clean/random_over_sampler.hpp"
#include "loom/clean/random_under_sampler.hpp"
#include "loom/clean/simple_imputer.hpp"
#include "loom/clean/smote.hpp"
#include "loom/clean/smotenc.hpp"
#include "loom/clean/tomek_links.hpp"

namespace loom::detail {

void register_clean_steps(Registry& registry) {
  registry.add<clean::SimpleImputer>();
  // Resamplers (imbalanced-learn).
  registry.add<clean::RandomOverSampler>();
  registry.add<clean::RandomUnderSampler>();
  registry.add<clean::TomekLinks>();
  registry.add<clean::SMOTE>();
  registry.add<clean::BorderlineSMOTE>();
  registry.add<clean::ADASYN>();
  registry.add<clean::SMOTENC>();
}

}  // namespace loom::detail
