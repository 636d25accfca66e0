#include "loom/pipeline/step_json.hpp"

#include "loom/core/registry.hpp"

namespace loom::pipeline {

Json step_spec(const Step& step) {
  return {{"name", step.name()}, {"type", step.type_name()}, {"params", step.get_params()}};
}

Json step_to_json(const Step& step) {
  Json json = step_spec(step);
  json["state"] = step.fitted_state();
  return json;
}

std::unique_ptr<Step> step_from_json(const Json& json) {
  auto step = make_step(json);
  if (json.contains("state")) step->load_fitted_state(json["state"]);
  return step;
}

}  // namespace loom::pipeline
