#pragma once
// Registration of the built-in step types, one function per area (each defined in that area's
// src/<area>/register_*steps.cpp), all called by register_builtin_steps.
#include "loom/core/registry.hpp"

namespace loom::detail {

void register_clean_steps(Registry& registry);
void register_feature_steps(Registry& registry);             // encoders, scalers, binning
void register_feature_extraction_steps(Registry& registry);  // hashing, text, PCA, selection
void register_model_steps(Registry& registry);       // linear, naive Bayes, neighbours, clusters
void register_tree_model_steps(Registry& registry);  // trees, forests, boosting

}  // namespace loom::detail
