#include "loom/pipeline/feature_union.hpp"

#include <fmt/format.h>

#include <set>

#include "loom/core/input_check.hpp"
#include "loom/core/registry.hpp"
#include "loom/pipeline/pipeline.hpp"
#include "loom/pipeline/step_json.hpp"

namespace loom::pipeline {

FeatureUnion::FeatureUnion(const FeatureUnion& other)
    : Transformer(other),
      transformer_weights_(other.transformer_weights_),
      n_jobs_(other.n_jobs_),
      verbose_(other.verbose_),
      fitted_(other.fitted_),
      input_names_(other.input_names_),
      output_names_(other.output_names_) {
  for (const auto& entry : other.entries_) {
    entries_.push_back({entry.name, entry.step ? entry.step->clone() : nullptr, entry.special,
                        entry.output_names});
  }
}

FeatureUnion& FeatureUnion::operator=(const FeatureUnion& other) {
  if (this != &other) {
    FeatureUnion copy(other);
    std::swap(entries_, copy.entries_);
    transformer_weights_ = copy.transformer_weights_;
    n_jobs_ = copy.n_jobs_;
    verbose_ = copy.verbose_;
    fitted_ = copy.fitted_;
    input_names_ = copy.input_names_;
    output_names_ = copy.output_names_;
    name_ = copy.name_;
  }
  return *this;
}

std::unique_ptr<Step> FeatureUnion::clone() const {
  return std::make_unique<FeatureUnion>(*this);
}

void FeatureUnion::set_progress(ProgressCallback callback) {
  for (auto& entry : entries_) {
    if (entry.step) entry.step->set_progress(callback);
  }
  Step::set_progress(std::move(callback));
}

FeatureUnion& FeatureUnion::add(std::string name, std::unique_ptr<Step> step, std::string special) {
  for (const auto& existing : entries_) {
    if (existing.name == name) {
      throw ParameterError(fmt::format("{}: duplicate transformer name \"{}\"", describe(), name));
    }
  }
  if (step && step->kind() != StepKind::transformer) {
    throw ParameterError(fmt::format("{}: \"{}\" is a {}, expected a transformer", describe(), name,
                                     step->type_name()));
  }
  if (step) {
    step->set_name(name);
    step->set_progress(progress_);
  }
  entries_.push_back({std::move(name), std::move(step), std::move(special), {}});
  fitted_ = false;
  return *this;
}

FeatureUnion::Entry& FeatureUnion::entry(std::string_view name) {
  std::vector<std::string> names;
  for (auto& candidate : entries_) {
    if (candidate.name == name) return candidate;
    names.push_back(candidate.name);
  }
  throw ParameterError(fmt::format("{}: no transformer named \"{}\" (transformers: {})", describe(),
                                   name, fmt::join(names, ", ")));
}

void FeatureUnion::validate_params() const {
  if (!transformer_weights_.is_null()) {
    if (!transformer_weights_.is_object()) {
      throw ParameterError(
          fmt::format("{}: parameter transformer_weights = {} must be null or {{\"name\": weight}}",
                      describe(), transformer_weights_.dump()));
    }
    for (const auto& [name, weight] : transformer_weights_.items()) {
      bool known = false;
      for (const auto& entry : entries_)
        known = known || entry.name == name;
      if (!known || !weight.is_number()) {
        throw ParameterError(fmt::format(
            "{}: parameter transformer_weights names \"{}\" = {}; expected a transformer name "
            "and a number",
            describe(), name, weight.dump()));
      }
    }
  }
  for (const auto& entry : entries_) {
    if (entry.step) entry.step->validate_params();
  }
}

Table FeatureUnion::apply(const Table& x, const Column* y, bool fitting) {
  if (fitting) {
    validate_params();
    require_non_empty(x, describe());
    input_names_ = x.column_names();
  } else {
    require_same_columns(x, input_names_, describe());
  }
  Table output;
  bool have_output = false;
  std::vector<std::string> names;
  for (auto& entry : entries_) {
    if (entry.special == "drop") continue;
    Table part;
    if (entry.special == "passthrough") {
      part = x;
      if (fitting) entry.output_names = x.column_names();
    } else {
      auto& transformer = static_cast<Transformer&>(*entry.step);
      part = fitting ? transformer.fit_transform(x, y)
                     : static_cast<const Transformer&>(transformer).transform(x);
      if (fitting) entry.output_names = transformer.feature_names_out();
    }
    if (transformer_weights_.is_object() && transformer_weights_.contains(entry.name)) {
      const double weight = transformer_weights_[entry.name].get<double>();
      if (part.is_sparse()) {
        part = FeatureMatrix(SparseMatrix(part.matrix().sparse() * weight), part.column_names());
      } else {
        part =
            FeatureMatrix(Eigen::MatrixXd(part.to_dense(describe()) * weight), part.column_names());
      }
    }
    std::vector<std::string> prefixed;
    for (const auto& feature : entry.output_names)
      prefixed.push_back(entry.name + "__" + feature);
    const Table renamed = part.with_column_names(prefixed);
    output = have_output ? output.concat_columns(renamed) : renamed;
    have_output = true;
    names.insert(names.end(), prefixed.begin(), prefixed.end());
  }
  if (!have_output) {
    throw DataError(
        fmt::format("{}: every transformer is \"drop\"; there is no output", describe()));
  }
  if (fitting) output_names_ = names;
  return output;
}

void FeatureUnion::fit(const Table& x, const Column* y) {
  fit_transform(x, y);
}

Table FeatureUnion::fit_transform(const Table& x, const Column* y) {
  fitted_ = false;
  Table output = apply(x, y, true);
  fitted_ = true;
  return output;
}

Table FeatureUnion::transform(const Table& x) const {
  require_fitted("transform");
  // apply() does not modify the fitted state when fitting is false.
  return const_cast<FeatureUnion*>(this)->apply(x, nullptr, false);
}

std::vector<std::string> FeatureUnion::feature_names_out() const {
  require_fitted("feature_names_out");
  return output_names_;
}

Json FeatureUnion::get_params() const {
  Json transformers = Json::array();
  for (const auto& entry : entries_) {
    transformers.push_back(entry.step ? step_spec(*entry.step)
                                      : Json{{"name", entry.name}, {"type", entry.special}});
  }
  return {{"transformer_list", transformers},
          {"transformer_weights", transformer_weights_},
          {"n_jobs", n_jobs_},
          {"verbose", verbose_}};
}

Json FeatureUnion::get_param(std::string_view path) const {
  auto [head, rest] = split_path(path);
  if (rest.empty()) return Step::get_param(path);
  auto& found = const_cast<FeatureUnion*>(this)->entry(head);
  if (!found.step)
    throw ParameterError(fmt::format("{}: \"{}\" has no parameters", describe(), head));
  return found.step->get_param(rest);
}

void FeatureUnion::set_param(std::string_view path, const Json& value) {
  fitted_ = false;
  if (path == "transformer_weights") {
    transformer_weights_ = value;
    return;
  }
  if (path == "n_jobs") {
    n_jobs_ = value;
    return;
  }
  if (path == "verbose") {
    if (!value.is_boolean()) {
      throw ParameterError(
          fmt::format("{}: parameter verbose = {} must be a boolean", describe(), value.dump()));
    }
    verbose_ = value.get<bool>();
    return;
  }
  if (path == "transformer_list") {
    if (!value.is_array()) {
      throw ParseError(fmt::format("{}: \"transformer_list\" must be a list", describe()));
    }
    std::vector<Entry> previous;
    previous.swap(entries_);
    try {
      for (const auto& item : value) {
        if (!item.is_object() || !item.contains("type") || !item["type"].is_string()) {
          throw ParseError(fmt::format("{}: each transformer needs \"name\" and \"type\"; found {}",
                                       describe(), item.dump()));
        }
        const std::string type = item["type"].get<std::string>();
        const std::string name = item.value("name", type);
        if (type == "drop" || type == "passthrough") {
          add(name, nullptr, type);
        } else {
          add(name, make_step(item));
        }
      }
    } catch (...) {
      entries_.swap(previous);
      throw;
    }
    return;
  }
  auto [head, rest] = split_path(path);
  if (rest.empty()) {
    throw ParameterError(
        fmt::format("{}: unknown parameter \"{}\" (parameters: transformer_list, "
                    "transformer_weights, n_jobs, verbose, or <transformer>.<param>)",
                    describe(), path));
  }
  auto& found = entry(head);
  if (!found.step)
    throw ParameterError(fmt::format("{}: \"{}\" has no parameters", describe(), head));
  found.step->set_param(rest, value);
}

Json FeatureUnion::fitted_state() const {
  require_fitted("fitted_state");
  Json entries = Json::array();
  for (const auto& entry : entries_) {
    entries.push_back({{"output_names", entry.output_names},
                       {"state", entry.step ? entry.step->fitted_state() : Json()}});
  }
  return {{"entries", entries}, {"input_names", input_names_}, {"output_names", output_names_}};
}

void FeatureUnion::load_fitted_state(const Json& state) {
  if (!state.is_object() || !state.contains("entries") || !state["entries"].is_array() ||
      state["entries"].size() != entries_.size()) {
    throw ParseError(fmt::format("{}: saved state must hold one entry per transformer ({})",
                                 describe(), entries_.size()));
  }
  try {
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      const Json& saved = state["entries"][i];
      entries_[i].output_names = saved.at("output_names").get<std::vector<std::string>>();
      if (entries_[i].step) entries_[i].step->load_fitted_state(saved.at("state"));
    }
    input_names_ = state.at("input_names").get<std::vector<std::string>>();
    output_names_ = state.at("output_names").get<std::vector<std::string>>();
  } catch (const Json::exception& error) {
    throw ParseError(fmt::format("{}: malformed saved state: {}", describe(), error.what()));
  }
  fitted_ = true;
}

}  // namespace loom::pipeline
