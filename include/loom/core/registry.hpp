#pragma once
// Builds any step from its scikit-learn type name and JSON parameters, so a whole pipeline can
// be written as JSON. Unknown type names throw ParameterError listing the known ones.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "loom/core/step.hpp"

namespace loom {

class Registry {
 public:
  // Makes a step with default parameters; create() then sets the given ones.
  using Factory = std::function<std::unique_ptr<Step>()>;

  // The registry holding every built-in step.
  static Registry& global();

  void add(std::string type_name, Factory factory);
  template <class StepType>
  void add() {
    add(std::string(StepType::kTypeName), [] { return std::make_unique<StepType>(); });
  }
  bool contains(std::string_view type_name) const;
  std::vector<std::string> type_names() const;
  std::unique_ptr<Step> create(std::string_view type_name, const Json& params,
                               std::string step_name) const;

 private:
  std::map<std::string, Factory, std::less<>> factories_;
};

// Builds a step from {"name": ..., "type": ..., "params": {...}}; ParseError if malformed.
std::unique_ptr<Step> make_step(const Json& spec);

namespace detail {
// Defined beside the pipeline code: registers every built-in step type.
void register_builtin_steps(Registry& registry);
}  // namespace detail

}  // namespace loom
