#include "loom/core/step.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace loom {

std::string Step::describe() const {
  if (name_.empty()) return std::string(type_name());
  return fmt::format("{} \"{}\"", type_name(), name_);
}

void Step::set_params(const Json& params) {
  if (!params.is_object()) {
    throw ParameterError(
        fmt::format("{}: params must be a JSON object, found {}", describe(), params.dump()));
  }
  for (const auto& [key, value] : params.items())
    set_param(key, value);
}

Json Step::get_param(std::string_view name) const {
  const Json params = get_params();
  auto found = params.find(std::string(name));
  if (found == params.end()) {
    std::vector<std::string> names;
    for (const auto& item : params.items())
      names.push_back(item.key());
    throw ParameterError(fmt::format("{}: unknown parameter \"{}\" (parameters: {})", describe(),
                                     name, fmt::join(names, ", ")));
  }
  return *found;
}

void Step::report_progress(std::size_t done, std::size_t total) const {
  if (progress_) progress_(ProgressEvent{name_.empty() ? type_name() : name_, done, total});
}

void Step::require_fitted(std::string_view method) const {
  if (!is_fitted()) {
    throw NotFittedError(fmt::format("{}: {} called before fit", describe(), method));
  }
}

Eigen::MatrixXd Predictor::predict_proba(const Table&) const {
  throw Error(fmt::format("{}: predict_proba is not available for this model", describe()));
}

Column Predictor::classes() const {
  throw Error(fmt::format("{}: classes is only defined for classifiers", describe()));
}

}  // namespace loom
