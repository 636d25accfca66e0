#include "loom/core/registry.hpp"

#include <fmt/format.h>

namespace loom {

Registry& Registry::global() {
  static Registry registry = [] {
    Registry built;
    detail::register_builtin_steps(built);
    return built;
  }();
  return registry;
}

void Registry::add(std::string type_name, Factory factory) {
  factories_[std::move(type_name)] = std::move(factory);
}

bool Registry::contains(std::string_view type_name) const {
  return factories_.find(type_name) != factories_.end();
}

std::vector<std::string> Registry::type_names() const {
  std::vector<std::string> names;
  for (const auto& entry : factories_)
    names.push_back(entry.first);
  return names;
}

std::unique_ptr<Step> Registry::create(std::string_view type_name, const Json& params,
                                       std::string step_name) const {
  auto found = factories_.find(type_name);
  if (found == factories_.end()) {
    throw ParameterError(fmt::format("step \"{}\": unknown step type \"{}\" (known types: {})",
                                     step_name, type_name, fmt::join(type_names(), ", ")));
  }
  const Json object_params = params.is_null() ? Json::object() : params;
  if (!object_params.is_object()) {
    throw ParseError(fmt::format("step \"{}\": \"params\" must be a JSON object, found {}",
                                 step_name, object_params.dump()));
  }
  // The name is set first so that parameter errors name the step.
  auto step = found->second();
  step->set_name(step_name);
  step->set_params(object_params);
  return step;
}

std::unique_ptr<Step> make_step(const Json& spec) {
  if (!spec.is_object()) {
    throw ParseError(
        fmt::format("a step must be a JSON object with \"type\", found {}", spec.dump()));
  }
  std::string name = spec.contains("name") && spec["name"].is_string()
                         ? spec["name"].get<std::string>()
                         : std::string();
  if (!spec.contains("type") || !spec["type"].is_string()) {
    throw ParseError(fmt::format("step \"{}\": missing string field \"type\"", name));
  }
  const std::string type = spec["type"].get<std::string>();
  if (name.empty()) name = type;
  return Registry::global().create(type, spec.value("params", Json::object()), name);
}

}  // namespace loom
