#pragma once
// Registration of the built-in step types, one function per area (each defined in that area's
// src/<area>/register_steps.cpp), all called by register_builtin_steps.
#include "loom/core/registry.hpp"

namespace loom::detail {

void register_clean_steps(Registry& registry);
void register_feature_steps(Registry& registry);
void register_model_steps(Registry& registry);

}  // namespace loom::detail
