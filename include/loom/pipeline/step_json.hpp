#pragma once
// A step as JSON: {"name", "type", "params"} (its spec) and, once fitted, "state".
#include "loom/core/step.hpp"

namespace loom::pipeline {

Json step_spec(const Step& step);
// The spec plus the fitted state under "state".
Json step_to_json(const Step& step);
// Rebuilds a step from step_to_json's output (or a plain spec, unfitted).
std::unique_ptr<Step> step_from_json(const Json& json);

}  // namespace loom::pipeline
