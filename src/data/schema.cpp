#include "loom/data/schema.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "loom/core/error.hpp"

namespace loom::data {

const SchemaColumn* Schema::find(std::string_view name) const {
  for (const auto& column : columns) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

Schema infer_schema(const Dataset& data) {
  Schema schema;
  schema.rows = data.n_rows();
  for (const Column& column : data.columns()) {
    SchemaColumn inferred;
    inferred.name = column.name();
    inferred.type = column.type();
    const std::size_t missing = column.count_missing();
    inferred.missing_allowed = missing > 0;
    inferred.missing_rate =
        data.n_rows() ? static_cast<double>(missing) / static_cast<double>(data.n_rows()) : 0.0;
    if (column.type() == ColumnType::numeric) {
      for (double value : column.numeric_values()) {
        if (std::isnan(value)) continue;
        inferred.min = inferred.min ? std::min(*inferred.min, value) : value;
        inferred.max = inferred.max ? std::max(*inferred.max, value) : value;
      }
    } else if (column.type() == ColumnType::categorical) {
      std::set<std::string> seen;
      for (std::size_t row = 0; row < column.size(); ++row) {
        if (!column.is_missing(row)) seen.insert(column.value_string(row));
      }
      inferred.categories.assign(seen.begin(), seen.end());
    }
    schema.columns.push_back(std::move(inferred));
  }
  return schema;
}

namespace {

std::string json_quoted(const std::string& value) {
  return nlohmann::json(value).dump();
}

class Validator {
 public:
  Validator(const ValidateOptions& options, double tolerance)
      : tolerance_(tolerance), options_(options) {}

  std::size_t line(std::size_t row) const {
    return options_.line_of_row ? options_.line_of_row(row) : row + 2;
  }

  void add(const std::string& column, std::string kind, std::string detail) {
    anomalies_.push_back({column, std::move(kind), std::move(detail)});
  }

  void check_column(const SchemaColumn& expected, const Column& column) {
    const bool expected_numeric = expected.type == ColumnType::numeric;
    if (expected_numeric && column.type() != ColumnType::numeric) {
      report_type_change(expected, column);
      // Its values cannot be compared with a numeric range; the missing rate still can.
    } else if (expected_numeric) {
      check_range(expected, column);
    } else if (expected.type == ColumnType::categorical) {
      check_categories(expected, column);
    }
    check_missing(expected, column);
  }

  std::vector<Anomaly> take() { return std::move(anomalies_); }

 private:
  void report_type_change(const SchemaColumn& expected, const Column& column) {
    std::string example;
    for (std::size_t row = 0; row < column.size(); ++row) {
      if (column.is_missing(row)) continue;
      const std::string value = column.value_string(row);
      char* end = nullptr;
      std::strtod(value.c_str(), &end);
      if (value.empty() || end != value.c_str() + value.size()) {
        example = fmt::format(" (e.g. {} at line {})", json_quoted(value), line(row));
        break;
      }
    }
    add(column.name(), "type_change",
        fmt::format("expected {}, found {}{}", to_string(expected.type), to_string(column.type()),
                    example));
  }

  void check_range(const SchemaColumn& expected, const Column& column) {
    if (!expected.min || !expected.max) return;  // no value at training: no range to keep
    std::size_t outside = 0;
    std::vector<std::string> examples;
    const auto values = column.numeric_values();
    for (std::size_t row = 0; row < values.size(); ++row) {
      const double value = values[row];
      if (std::isnan(value) || (value >= *expected.min && value <= *expected.max)) continue;
      ++outside;
      if (examples.size() < options_.max_examples)
        examples.push_back(fmt::format("{} at line {}", format_number(value), line(row)));
    }
    if (outside == 0) return;
    add(column.name(), "out_of_range",
        fmt::format("{} value{} outside [{}, {}]: {}{}", outside, outside == 1 ? "" : "s",
                    format_number(*expected.min), format_number(*expected.max),
                    fmt::join(examples, ", "), outside > examples.size() ? ", ..." : ""));
  }

  void check_categories(const SchemaColumn& expected, const Column& column) {
    // Per unseen value: its row count and first row, in order of first appearance.
    std::map<std::string, std::pair<std::size_t, std::size_t>> unseen;
    std::vector<std::string> order;
    std::size_t rows = 0;
    for (std::size_t row = 0; row < column.size(); ++row) {
      if (column.is_missing(row)) continue;
      const std::string value = column.value_string(row);
      if (std::binary_search(expected.categories.begin(), expected.categories.end(), value))
        continue;
      auto [entry, added] = unseen.try_emplace(value, 0, row);
      if (added) order.push_back(value);
      ++entry->second.first;
      ++rows;
    }
    if (unseen.empty()) return;
    std::vector<std::string> examples;
    for (std::size_t i = 0; i < order.size() && i < options_.max_examples; ++i) {
      const auto& [count, first] = unseen[order[i]];
      examples.push_back(fmt::format("{} ({} row{}, first at line {})", json_quoted(order[i]),
                                     count, count == 1 ? "" : "s", line(first)));
    }
    add(column.name(), "unseen_category",
        fmt::format("{} value{} not seen in training, in {} row{}: {}{}", order.size(),
                    order.size() == 1 ? "" : "s", rows, rows == 1 ? "" : "s",
                    fmt::join(examples, ", "), order.size() > examples.size() ? ", ..." : ""));
  }

  void check_missing(const SchemaColumn& expected, const Column& column) {
    const std::size_t missing = column.count_missing();
    if (missing == 0 || column.size() == 0) return;
    const double rate = static_cast<double>(missing) / static_cast<double>(column.size());
    std::size_t first = 0;
    while (!column.is_missing(first))
      ++first;
    const std::string found = fmt::format("{} of {} rows missing (rate {:.4g}, first at line {})",
                                          missing, column.size(), rate, line(first));
    if (!expected.missing_allowed) {
      add(column.name(), "missing_rate",
          fmt::format("{}; the training data had no missing values", found));
    } else if (rate > expected.missing_rate + tolerance_) {
      add(column.name(), "missing_rate",
          fmt::format("{}; expected at most {:.4g} (training rate {:.4g} + tolerance {:.4g})",
                      found, expected.missing_rate + tolerance_, expected.missing_rate,
                      tolerance_));
    }
  }

  double tolerance_;
  const ValidateOptions& options_;
  std::vector<Anomaly> anomalies_;
};

}  // namespace

std::vector<Anomaly> validate(const Schema& schema, const Dataset& data,
                              const ValidateOptions& options) {
  Validator validator(options, schema.missing_rate_tolerance);
  for (const auto& expected : schema.columns) {
    if (!data.has_column(expected.name)) {
      validator.add(expected.name, "missing_column",
                    fmt::format("column {} ({}) is in the schema but not in the data",
                                json_quoted(expected.name), to_string(expected.type)));
      continue;
    }
    validator.check_column(expected, data.column(expected.name));
  }
  for (const Column& column : data.columns()) {
    if (schema.find(column.name())) continue;
    validator.add(column.name(), "new_column",
                  fmt::format("column {} ({}) is not in the schema", json_quoted(column.name()),
                              to_string(column.type())));
  }
  return validator.take();
}

nlohmann::ordered_json to_json(const Schema& schema) {
  nlohmann::ordered_json columns = nlohmann::ordered_json::array();
  for (const auto& column : schema.columns) {
    nlohmann::ordered_json entry;
    entry["name"] = column.name;
    entry["type"] = to_string(column.type);
    entry["missing_allowed"] = column.missing_allowed;
    entry["missing_rate"] = column.missing_rate;
    if (column.type == ColumnType::numeric) {
      entry["min"] = column.min ? nlohmann::ordered_json(*column.min) : nullptr;
      entry["max"] = column.max ? nlohmann::ordered_json(*column.max) : nullptr;
    } else if (column.type == ColumnType::categorical) {
      entry["categories"] = column.categories;
    }
    columns.push_back(std::move(entry));
  }
  nlohmann::ordered_json json;
  json["format"] = "loom-schema";
  json["format_version"] = 1;
  json["rows"] = schema.rows;
  json["missing_rate_tolerance"] = schema.missing_rate_tolerance;
  json["columns"] = std::move(columns);
  return json;
}

namespace {

[[noreturn]] void malformed(std::string_view source, const std::string& what) {
  throw ParseError(fmt::format("{}: not a loom schema: {}", source, what));
}

std::optional<double> optional_number(const nlohmann::json& entry, const char* key,
                                      std::string_view source, const std::string& where) {
  if (!entry.contains(key) || entry[key].is_null()) return std::nullopt;
  if (!entry[key].is_number())
    malformed(source, fmt::format("{}.{} must be a number or null", where, key));
  return entry[key].get<double>();
}

}  // namespace

Schema schema_from_json(const nlohmann::json& json, std::string_view source) {
  if (!json.is_object() || json.value("format", "") != "loom-schema") {
    malformed(source, "expected an object with \"format\": \"loom-schema\"");
  }
  if (!json.contains("format_version") || !json["format_version"].is_number_integer()) {
    malformed(source, "\"format_version\" must be an integer");
  }
  if (json["format_version"].get<int>() > 1) {
    throw ParseError(fmt::format("{}: schema format_version {} is newer than this loom reads (1)",
                                 source, json["format_version"].get<int>()));
  }
  Schema schema;
  if (json.contains("rows")) {
    if (!json["rows"].is_number_unsigned()) malformed(source, "\"rows\" must be a count");
    schema.rows = json["rows"].get<std::size_t>();
  }
  if (json.contains("missing_rate_tolerance")) {
    const auto& tolerance = json["missing_rate_tolerance"];
    if (!tolerance.is_number() || tolerance.get<double>() < 0.0)
      malformed(source, "\"missing_rate_tolerance\" must be a number >= 0");
    schema.missing_rate_tolerance = tolerance.get<double>();
  }
  if (!json.contains("columns") || !json["columns"].is_array())
    malformed(source, "\"columns\" must be a list");
  std::set<std::string> names;
  for (std::size_t i = 0; i < json["columns"].size(); ++i) {
    const auto& entry = json["columns"][i];
    const std::string where = fmt::format("columns[{}]", i);
    if (!entry.is_object() || !entry.contains("name") || !entry["name"].is_string())
      malformed(source, where + " needs a string \"name\"");
    SchemaColumn column;
    column.name = entry["name"].get<std::string>();
    if (!names.insert(column.name).second)
      malformed(source, fmt::format("column {} is listed twice", json_quoted(column.name)));
    if (!entry.contains("type") || !entry["type"].is_string())
      malformed(source, where + " needs a string \"type\"");
    try {
      column.type = column_type_from_string(entry["type"].get<std::string>());
    } catch (const Error&) {
      malformed(source, fmt::format("{}.type = {} must be numeric, categorical or text", where,
                                    entry["type"].dump()));
    }
    column.missing_allowed = entry.value("missing_allowed", false);
    if (entry.contains("missing_rate")) {
      if (!entry["missing_rate"].is_number())
        malformed(source, where + ".missing_rate must be a number");
      column.missing_rate = entry["missing_rate"].get<double>();
    }
    column.min = optional_number(entry, "min", source, where);
    column.max = optional_number(entry, "max", source, where);
    if (entry.contains("categories")) {
      if (!entry["categories"].is_array()) malformed(source, where + ".categories must be a list");
      for (const auto& category : entry["categories"]) {
        if (!category.is_string()) malformed(source, where + ".categories must hold strings");
        column.categories.push_back(category.get<std::string>());
      }
      std::sort(column.categories.begin(), column.categories.end());
    }
    schema.columns.push_back(std::move(column));
  }
  return schema;
}

nlohmann::ordered_json to_json(const std::vector<Anomaly>& anomalies) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& anomaly : anomalies) {
    nlohmann::ordered_json entry;
    entry["column"] = anomaly.column;
    entry["kind"] = anomaly.kind;
    entry["detail"] = anomaly.detail;
    list.push_back(std::move(entry));
  }
  return list;
}

}  // namespace loom::data
