#include "loom/pipeline/pipeline.hpp"

#include <fmt/format.h>

#include "loom/core/registry.hpp"
#include "loom/pipeline/column_transformer.hpp"
#include "loom/pipeline/step_json.hpp"

namespace loom::pipeline {

std::pair<std::string_view, std::string_view> split_path(std::string_view path) {
  const auto dot = path.find('.');
  if (dot == std::string_view::npos) return {path, {}};
  return {path.substr(0, dot), path.substr(dot + 1)};
}

Pipeline::Pipeline(const Pipeline& other) : Transformer(other) {
  for (const auto& step : other.steps_)
    steps_.push_back(step->clone());
}

Pipeline& Pipeline::operator=(const Pipeline& other) {
  if (this != &other) {
    Pipeline copy(other);
    *this = std::move(copy);
  }
  return *this;
}

std::unique_ptr<Step> Pipeline::clone() const {
  return std::make_unique<Pipeline>(*this);
}

Pipeline Pipeline::from_spec(const Json& spec) {
  if (!spec.is_object() || !spec.contains("steps")) {
    throw ParseError("pipeline spec: expected a JSON object with a \"steps\" list");
  }
  Pipeline pipeline;
  pipeline.set_param("steps", spec["steps"]);
  return pipeline;
}

Json Pipeline::spec() const {
  return get_params();
}

Pipeline& Pipeline::add(std::string name, std::unique_ptr<Step> step) {
  if (name.empty() || name.find('.') != std::string::npos) {
    throw ParameterError(
        fmt::format("{}: step name \"{}\" must be non-empty and contain no '.'", describe(), name));
  }
  for (const auto& existing : steps_) {
    if (existing->name() == name) {
      throw ParameterError(fmt::format("{}: duplicate step name \"{}\"", describe(), name));
    }
  }
  step->set_name(std::move(name));
  step->set_progress(progress_);
  steps_.push_back(std::move(step));
  return *this;
}

Step& Pipeline::step(std::string_view name) {
  return const_cast<Step&>(static_cast<const Pipeline&>(*this).step(name));
}

const Step& Pipeline::step(std::string_view name) const {
  std::vector<std::string> names;
  for (const auto& step : steps_) {
    if (step->name() == name) return *step;
    names.push_back(step->name());
  }
  throw ParameterError(fmt::format("{}: no step named \"{}\" (steps: {})", describe(), name,
                                   fmt::join(names, ", ")));
}

const Predictor* Pipeline::predictor() const {
  if (steps_.empty() || steps_.back()->kind() != StepKind::predictor) return nullptr;
  return static_cast<const Predictor*>(steps_.back().get());
}

void Pipeline::validate_params() const {
  if (steps_.empty())
    throw ParameterError(fmt::format("{}: the pipeline has no steps", describe()));
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    if (steps_[i]->kind() == StepKind::predictor && i + 1 != steps_.size()) {
      throw ParameterError(
          fmt::format("{}: predictor {} must be the last step", describe(), steps_[i]->describe()));
    }
    steps_[i]->validate_params();
  }
}

Table Pipeline::fit_transform(const Table& x, const Column* y) {
  validate_params();
  Table current = x;
  Column labels = y ? *y : Column();
  const Column* target = y ? &labels : nullptr;
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    Step& step = *steps_[i];
    report_progress(i, steps_.size());
    switch (step.kind()) {
      case StepKind::transformer:
        current = static_cast<Transformer&>(step).fit_transform(current, target);
        break;
      case StepKind::resampler: {
        if (!target) {
          throw DataError(
              fmt::format("{}: resampler {} needs a target", describe(), step.describe()));
        }
        auto [resampled, resampled_labels] =
            static_cast<Resampler&>(step).fit_resample(current, labels);
        current = std::move(resampled);
        labels = std::move(resampled_labels);
        break;
      }
      case StepKind::predictor:
        static_cast<Predictor&>(step).fit(current, target);
        break;
    }
  }
  report_progress(steps_.size(), steps_.size());
  return current;
}

void Pipeline::fit(const Table& x, const Column* y) {
  fit_transform(x, y);
}

Table Pipeline::run_fitted(const Table& x, std::size_t end) const {
  Table current = x;
  for (std::size_t i = 0; i < end; ++i) {
    if (steps_[i]->kind() == StepKind::transformer) {
      current = static_cast<const Transformer&>(*steps_[i]).transform(current);
    }
  }
  return current;
}

Table Pipeline::transform(const Table& x) const {
  if (predictor()) {
    throw Error(fmt::format("{}: transform is not available when the last step is a predictor ({})",
                            describe(), steps_.back()->describe()));
  }
  require_fitted("transform");
  return run_fitted(x, steps_.size());
}

Table Pipeline::transform_features(const Table& x) const {
  require_fitted("transform_features");
  return run_fitted(x, predictor() ? steps_.size() - 1 : steps_.size());
}

Column Pipeline::predict(const Table& x) const {
  const Predictor* model = predictor();
  if (!model)
    throw Error(fmt::format("{}: predict needs a predictor as the last step", describe()));
  return model->predict(transform_features(x));
}

Eigen::MatrixXd Pipeline::predict_proba(const Table& x) const {
  const Predictor* model = predictor();
  if (!model)
    throw Error(fmt::format("{}: predict_proba needs a predictor as the last step", describe()));
  return model->predict_proba(transform_features(x));
}

std::vector<std::string> Pipeline::feature_names_out() const {
  for (std::size_t i = steps_.size(); i-- > 0;) {
    if (steps_[i]->kind() == StepKind::transformer) {
      return static_cast<const Transformer&>(*steps_[i]).feature_names_out();
    }
  }
  throw Error(fmt::format("{}: no transformer step to name output features", describe()));
}

Json Pipeline::get_params() const {
  Json steps = Json::array();
  for (const auto& step : steps_)
    steps.push_back(step_spec(*step));
  return {{"steps", steps}};
}

Json Pipeline::get_param(std::string_view path) const {
  if (path == "steps") return get_params()["steps"];
  auto [head, rest] = split_path(path);
  if (rest.empty()) {
    throw ParameterError(
        fmt::format("{}: parameter \"{}\" must be a path step.param", describe(), path));
  }
  return step(head).get_param(rest);
}

void Pipeline::set_param(std::string_view path, const Json& value) {
  if (path == "steps") {
    if (!value.is_array()) {
      throw ParseError(fmt::format("{}: \"steps\" must be a list of step specs", describe()));
    }
    std::vector<std::unique_ptr<Step>> previous;
    previous.swap(steps_);
    try {
      for (const auto& spec : value) {
        auto built = make_step(spec);
        const std::string name = built->name();
        add(name, std::move(built));
      }
    } catch (...) {
      steps_.swap(previous);
      throw;
    }
    return;
  }
  auto [head, rest] = split_path(path);
  if (rest.empty()) {
    throw ParameterError(
        fmt::format("{}: parameter \"{}\" must be a path step.param", describe(), path));
  }
  step(head).set_param(rest, value);
}

namespace {
// Leaf parameters under prefix; pipelines and column transformers are walked into, so that
// every key is a path get_param / set_param accept ("prep.num.scaler.with_mean").
void flatten_params(const Step& step, const std::string& prefix, Json& flat) {
  if (const auto* nested = dynamic_cast<const Pipeline*>(&step)) {
    for (std::size_t i = 0; i < nested->size(); ++i) {
      flatten_params(nested->step(i), prefix + nested->step(i).name() + ".", flat);
    }
    return;
  }
  if (const auto* columns = dynamic_cast<const ColumnTransformer*>(&step)) {
    const Json params = columns->get_params();
    for (const auto& [key, value] : params.items()) {
      if (key != "transformers") flat[prefix + key] = value;
    }
    for (const auto& entry : columns->entries()) {
      if (entry.step) flatten_params(*entry.step, prefix + entry.name + ".", flat);
    }
    return;
  }
  const Json params = step.get_params();
  for (const auto& [key, value] : params.items())
    flat[prefix + key] = value;
}
}  // namespace

Json Pipeline::flat_params() const {
  Json flat = Json::object();
  flatten_params(*this, "", flat);
  return flat;
}

bool Pipeline::is_fitted() const {
  if (steps_.empty()) return false;
  for (const auto& step : steps_) {
    if (!step->is_fitted()) return false;
  }
  return true;
}

Json Pipeline::fitted_state() const {
  // Name the first unfitted step: set_param unfits only the step it changes.
  for (const auto& step : steps_) {
    if (!step->is_fitted()) {
      throw NotFittedError(fmt::format("{}: fitted_state called before fit ({} is not fitted)",
                                       describe(), step->describe()));
    }
  }
  require_fitted("fitted_state");
  Json states = Json::array();
  for (const auto& step : steps_)
    states.push_back(step->fitted_state());
  return {{"steps", states}};
}

void Pipeline::load_fitted_state(const Json& state) {
  if (!state.is_object() || !state.contains("steps") || !state["steps"].is_array() ||
      state["steps"].size() != steps_.size()) {
    throw ParseError(fmt::format("{}: saved state must hold one entry per step ({} steps)",
                                 describe(), steps_.size()));
  }
  for (std::size_t i = 0; i < steps_.size(); ++i)
    steps_[i]->load_fitted_state(state["steps"][i]);
}

void Pipeline::set_progress(ProgressCallback callback) {
  for (auto& step : steps_)
    step->set_progress(callback);
  Step::set_progress(std::move(callback));
}

}  // namespace loom::pipeline
