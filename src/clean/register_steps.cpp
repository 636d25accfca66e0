// The built-in steps of loom::clean (imputers, outlier steps, resamplers).
#include "../pipeline/builtin_steps.hpp"
#include "loom/clean/iterative_imputer.hpp"
#include "loom/clean/knn_imputer.hpp"
#include "loom/clean/missing_indicator.hpp"
#include "loom/clean/outlier_remover.hpp"
#include "loom/clean/simple_imputer.hpp"
#include "loom/clean/winsorizer.hpp"

namespace loom::detail {

void register_clean_steps(Registry& registry) {
  registry.add<clean::SimpleImputer>();
  // Missing values and outliers.
  registry.add<clean::KNNImputer>();
  registry.add<clean::IterativeImputer>();
  registry.add<clean::MissingIndicator>();
  registry.add<clean::OutlierRemover>();
  registry.add<clean::Winsorizer>();
}

}  // namespace loom::detail
