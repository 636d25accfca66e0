#include "loom/pipeline/column_transformer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <set>

#include "loom/core/registry.hpp"
#include "loom/pipeline/pipeline.hpp"
#include "loom/pipeline/step_json.hpp"

namespace loom::pipeline {

ColumnSelector ColumnSelector::from_json(const Json& json, std::string_view owner) {
  ColumnSelector selector;
  if (json.is_string()) {
    selector.kind = Kind::single;
    selector.names = {json.get<std::string>()};
  } else if (json.is_array()) {
    for (const auto& name : json) {
      if (!name.is_string()) {
        throw ParseError(
            fmt::format("{}: \"columns\" must list column names, found {}", owner, name.dump()));
      }
      selector.names.push_back(name.get<std::string>());
    }
  } else if (json.is_object() && json.contains("dtype") && json["dtype"].is_string()) {
    selector.kind = Kind::dtype;
    selector.dtype = column_type_from_string(json["dtype"].get<std::string>());
  } else if (json.is_object() && json.contains("pattern") && json["pattern"].is_string()) {
    selector.kind = Kind::pattern;
    selector.pattern = json["pattern"].get<std::string>();
    try {
      std::regex check(selector.pattern);
    } catch (const std::regex_error& error) {
      throw ParseError(
          fmt::format("{}: invalid pattern \"{}\": {}", owner, selector.pattern, error.what()));
    }
  } else {
    throw ParseError(
        fmt::format("{}: \"columns\" must be a list of names, a name, {{\"dtype\": ...}} or "
                    "{{\"pattern\": ...}}; "
                    "found {}",
                    owner, json.dump()));
  }
  return selector;
}

Json ColumnSelector::to_json() const {
  switch (kind) {
    case Kind::names:
      return names;
    case Kind::single:
      return names.front();
    case Kind::dtype:
      return {{"dtype", to_string(dtype)}};
    case Kind::pattern:
      return {{"pattern", pattern}};
  }
  return nullptr;
}

std::vector<std::string> ColumnSelector::resolve(const Dataset& data,
                                                 std::string_view owner) const {
  std::vector<std::string> chosen;
  switch (kind) {
    case Kind::names:
    case Kind::single:
      for (const auto& name : names) {
        if (!data.has_column(name)) {
          throw SchemaError(fmt::format("{}: unknown column \"{}\" in \"columns\"", owner, name));
        }
      }
      return names;
    case Kind::dtype:
      return data.names_of_type(dtype);
    case Kind::pattern: {
      const std::regex expression(pattern);
      for (const auto& name : data.column_names()) {
        if (std::regex_search(name, expression)) chosen.push_back(name);
      }
      return chosen;
    }
  }
  return chosen;
}

ColumnTransformer::ColumnTransformer(const ColumnTransformer& other)
    : Transformer(other),
      remainder_(other.remainder_),
      verbose_feature_names_out_(other.verbose_feature_names_out_),
      sparse_threshold_(other.sparse_threshold_),
      fitted_(other.fitted_),
      remainder_columns_(other.remainder_columns_),
      output_names_(other.output_names_) {
  for (const auto& entry : other.entries_) {
    entries_.push_back({entry.name, entry.step ? entry.step->clone() : nullptr, entry.special,
                        entry.selector, entry.columns, entry.output_names});
  }
}

ColumnTransformer& ColumnTransformer::operator=(const ColumnTransformer& other) {
  if (this != &other) {
    ColumnTransformer copy(other);
    std::swap(entries_, copy.entries_);
    remainder_ = copy.remainder_;
    verbose_feature_names_out_ = copy.verbose_feature_names_out_;
    sparse_threshold_ = copy.sparse_threshold_;
    fitted_ = copy.fitted_;
    remainder_columns_ = copy.remainder_columns_;
    output_names_ = copy.output_names_;
    name_ = copy.name_;
  }
  return *this;
}

std::unique_ptr<Step> ColumnTransformer::clone() const {
  return std::make_unique<ColumnTransformer>(*this);
}

void ColumnTransformer::set_progress(ProgressCallback callback) {
  for (auto& entry : entries_) {
    if (entry.step) entry.step->set_progress(callback);
  }
  Step::set_progress(std::move(callback));
}

ColumnTransformer& ColumnTransformer::add(std::string name, std::unique_ptr<Step> step,
                                          ColumnSelector selector) {
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
  entries_.push_back({std::move(name), std::move(step), "", std::move(selector), {}, {}});
  fitted_ = false;
  return *this;
}

ColumnTransformer::Entry& ColumnTransformer::entry(std::string_view name) {
  std::vector<std::string> names;
  for (auto& candidate : entries_) {
    if (candidate.name == name) return candidate;
    names.push_back(candidate.name);
  }
  throw ParameterError(fmt::format("{}: no transformer named \"{}\" (transformers: {})", describe(),
                                   name, fmt::join(names, ", ")));
}

void ColumnTransformer::validate_params() const {
  if (remainder_ != "drop" && remainder_ != "passthrough") {
    throw ParameterError(
        fmt::format("{}: parameter remainder = \"{}\" must be one of \"drop\", \"passthrough\"",
                    describe(), remainder_));
  }
  if (sparse_threshold_ < 0.0 || sparse_threshold_ > 1.0) {
    throw ParameterError(fmt::format("{}: parameter sparse_threshold = {} must be in [0, 1]",
                                     describe(), sparse_threshold_));
  }
  for (const auto& entry : entries_) {
    if (entry.step) entry.step->validate_params();
  }
}

Table ColumnTransformer::apply(const Table& x, const Column* y, bool fitting) {
  const Dataset data = x.to_dataset();
  if (fitting) {
    validate_params();
    if (data.n_rows() == 0) {
      throw DataError(
          fmt::format("{}: the input has 0 rows; at least one row is needed", describe()));
    }
  }
  std::set<std::string> used;
  Table output;
  bool have_output = false;
  std::size_t nonzeros = 0, cells = 0;
  bool any_sparse = false;
  std::vector<std::string> names;
  auto append = [&](const Table& part, const std::vector<std::string>& part_names,
                    const std::string& prefix) {
    std::vector<std::string> prefixed;
    for (const auto& name : part_names) {
      prefixed.push_back(verbose_feature_names_out_ ? prefix + "__" + name : name);
    }
    const Table renamed = part.with_column_names(prefixed);
    if (renamed.is_sparse()) {
      any_sparse = true;
      nonzeros += static_cast<std::size_t>(renamed.matrix().sparse().nonZeros());
    } else {
      nonzeros += renamed.n_rows() * renamed.n_columns();
    }
    cells += renamed.n_rows() * renamed.n_columns();
    output = have_output ? output.concat_columns(renamed) : renamed;
    have_output = true;
    names.insert(names.end(), prefixed.begin(), prefixed.end());
  };
  for (auto& entry : entries_) {
    if (fitting) entry.columns = entry.selector.resolve(data, describe());
    for (const auto& column : entry.columns) {
      if (!data.has_column(column)) {
        throw SchemaError(fmt::format("{}: column \"{}\" used by transformer \"{}\" is missing",
                                      describe(), column, entry.name));
      }
      used.insert(column);
    }
    if (entry.columns.empty() || entry.special == "drop") continue;
    const Dataset selected = data.select(entry.columns);
    if (entry.special == "passthrough") {
      append(selected, entry.columns, entry.name);
      continue;
    }
    auto& transformer = static_cast<Transformer&>(*entry.step);
    Table part = fitting ? transformer.fit_transform(selected, y)
                         : static_cast<const Transformer&>(transformer).transform(selected);
    if (fitting) entry.output_names = transformer.feature_names_out();
    append(part, entry.output_names, entry.name);
  }
  if (fitting) {
    remainder_columns_.clear();
    if (remainder_ == "passthrough") {
      for (const auto& name : data.column_names()) {
        if (!used.count(name)) remainder_columns_.push_back(name);
      }
    }
  }
  if (!remainder_columns_.empty()) {
    for (const auto& column : remainder_columns_) {
      if (!data.has_column(column)) {
        throw SchemaError(
            fmt::format("{}: remainder column \"{}\" is missing", describe(), column));
      }
    }
    append(data.select(remainder_columns_), remainder_columns_, "remainder");
  }
  if (!have_output) {
    throw DataError(fmt::format("{}: no columns were selected by any transformer", describe()));
  }
  if (fitting) {
    std::set<std::string> unique(names.begin(), names.end());
    if (unique.size() != names.size()) {
      throw SchemaError(
          fmt::format("{}: output feature names are not unique; keep "
                      "verbose_feature_names_out=true",
                      describe()));
    }
    output_names_ = names;
  }
  // As scikit-learn: stay sparse only when some part is sparse and the whole is sparse enough.
  if (any_sparse && !output.is_dataset()) {
    const double density = cells ? static_cast<double>(nonzeros) / static_cast<double>(cells) : 0.0;
    if (density >= sparse_threshold_ && output.is_sparse()) {
      return FeatureMatrix(output.matrix().to_dense(), output.matrix().names());
    }
  }
  return output;
}

void ColumnTransformer::fit(const Table& x, const Column* y) {
  fit_transform(x, y);
}

Table ColumnTransformer::fit_transform(const Table& x, const Column* y) {
  fitted_ = false;
  Table output = apply(x, y, true);
  fitted_ = true;
  return output;
}

Table ColumnTransformer::transform(const Table& x) const {
  require_fitted("transform");
  // apply() does not modify the fitted state when fitting is false.
  return const_cast<ColumnTransformer*>(this)->apply(x, nullptr, false);
}

std::vector<std::string> ColumnTransformer::feature_names_out() const {
  require_fitted("feature_names_out");
  return output_names_;
}

Json ColumnTransformer::get_params() const {
  Json transformers = Json::array();
  for (const auto& entry : entries_) {
    Json item =
        entry.step ? step_spec(*entry.step) : Json{{"name", entry.name}, {"type", entry.special}};
    item["columns"] = entry.selector.to_json();
    transformers.push_back(std::move(item));
  }
  return {{"transformers", transformers},
          {"remainder", remainder_},
          {"verbose_feature_names_out", verbose_feature_names_out_},
          {"sparse_threshold", sparse_threshold_}};
}

Json ColumnTransformer::get_param(std::string_view path) const {
  auto [head, rest] = split_path(path);
  if (rest.empty()) return Step::get_param(path);
  auto& found = const_cast<ColumnTransformer*>(this)->entry(head);
  if (!found.step)
    throw ParameterError(fmt::format("{}: \"{}\" has no parameters", describe(), head));
  return found.step->get_param(rest);
}

void ColumnTransformer::set_param(std::string_view path, const Json& value) {
  fitted_ = false;
  if (path == "remainder") {
    if (!value.is_string()) {
      throw ParameterError(
          fmt::format("{}: parameter remainder = {} must be \"drop\" or \"passthrough\"",
                      describe(), value.dump()));
    }
    remainder_ = value.get<std::string>();
    return;
  }
  if (path == "verbose_feature_names_out") {
    if (!value.is_boolean()) {
      throw ParameterError(
          fmt::format("{}: parameter verbose_feature_names_out = {} must be a boolean", describe(),
                      value.dump()));
    }
    verbose_feature_names_out_ = value.get<bool>();
    return;
  }
  if (path == "sparse_threshold") {
    if (!value.is_number()) {
      throw ParameterError(fmt::format("{}: parameter sparse_threshold = {} must be a number",
                                       describe(), value.dump()));
    }
    sparse_threshold_ = value.get<double>();
    return;
  }
  if (path == "transformers") {
    if (!value.is_array()) {
      throw ParseError(fmt::format("{}: \"transformers\" must be a list", describe()));
    }
    std::vector<Entry> previous;
    previous.swap(entries_);
    try {
      for (const auto& item : value) {
        if (!item.is_object() || !item.contains("columns")) {
          throw ParseError(
              fmt::format("{}: each transformer needs \"name\", \"type\" and \"columns\"; found {}",
                          describe(), item.dump()));
        }
        const std::string type = item.value("type", "");
        const std::string name = item.value("name", type);
        ColumnSelector selector = ColumnSelector::from_json(item["columns"], describe());
        if (type == "drop" || type == "passthrough") {
          add(name, nullptr, std::move(selector));
          entries_.back().special = type;
        } else {
          add(name, make_step(item), std::move(selector));
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
        fmt::format("{}: unknown parameter \"{}\" (parameters: transformers, remainder, "
                    "verbose_feature_names_out, sparse_threshold, or <transformer>.<param>)",
                    describe(), path));
  }
  auto& found = entry(head);
  if (!found.step)
    throw ParameterError(fmt::format("{}: \"{}\" has no parameters", describe(), head));
  found.step->set_param(rest, value);
}

Json ColumnTransformer::fitted_state() const {
  require_fitted("fitted_state");
  Json entries = Json::array();
  for (const auto& entry : entries_) {
    entries.push_back(
        {{"columns", entry.columns},
         {"output_names", entry.output_names},
         {"state", entry.step && !entry.columns.empty() ? entry.step->fitted_state() : Json()}});
  }
  return {{"entries", entries},
          {"remainder_columns", remainder_columns_},
          {"output_names", output_names_}};
}

void ColumnTransformer::load_fitted_state(const Json& state) {
  if (!state.is_object() || !state.contains("entries") || !state["entries"].is_array() ||
      state["entries"].size() != entries_.size()) {
    throw ParseError(fmt::format("{}: saved state must hold one entry per transformer ({})",
                                 describe(), entries_.size()));
  }
  try {
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      const Json& saved = state["entries"][i];
      entries_[i].columns = saved.at("columns").get<std::vector<std::string>>();
      entries_[i].output_names = saved.at("output_names").get<std::vector<std::string>>();
      if (entries_[i].step && !entries_[i].columns.empty()) {
        entries_[i].step->load_fitted_state(saved.at("state"));
      }
    }
    remainder_columns_ = state.at("remainder_columns").get<std::vector<std::string>>();
    output_names_ = state.at("output_names").get<std::vector<std::string>>();
  } catch (const Json::exception& error) {
    throw ParseError(fmt::format("{}: malformed saved state: {}", describe(), error.what()));
  }
  fitted_ = true;
}

}  // namespace loom::pipeline
