#include "loom/features/relational_features.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>
#include <unordered_map>

#include "loom/core/error.hpp"

namespace loom::features {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const std::vector<std::string> kFunctions = {"count", "sum", "mean",           "std",
                                             "min",   "max", "distinct_count", "most_recent"};

// The key of a row as text, so numeric and categorical keys join alike ("7" == 7.0).
std::string key_of(const Column& column, std::size_t row) {
  return column.value_string(row);
}

}  // namespace

Dataset synthesize_features(const Dataset& entities, const Dataset& related,
                            const RelationalAggregation& aggregation) {
  const std::string related_key =
      aggregation.related_key.empty() ? aggregation.entity_key : aggregation.related_key;
  const std::string prefix = aggregation.prefix.empty() ? "related" : aggregation.prefix;
  if (!entities.has_column(aggregation.entity_key)) {
    throw SchemaError(
        fmt::format("synthesize_features: entity key \"{}\" is not a column of the "
                    "entity table",
                    aggregation.entity_key));
  }
  if (!related.has_column(related_key)) {
    throw SchemaError(fmt::format(
        "synthesize_features: key \"{}\" is not a column of the related table", related_key));
  }
  bool wants_recent = false;
  for (const auto& function : aggregation.functions) {
    if (std::find(kFunctions.begin(), kFunctions.end(), function) == kFunctions.end()) {
      throw ParameterError(
          fmt::format("synthesize_features: unknown function \"{}\" (functions: {})", function,
                      fmt::join(kFunctions, ", ")));
    }
    wants_recent = wants_recent || function == "most_recent";
  }
  if (wants_recent && aggregation.time_column.empty()) {
    throw ParameterError("synthesize_features: most_recent needs a time_column");
  }
  if (!aggregation.time_column.empty() && !related.has_column(aggregation.time_column)) {
    throw SchemaError(
        fmt::format("synthesize_features: time column \"{}\" is not a column of the related table",
                    aggregation.time_column));
  }
  std::vector<std::string> columns = aggregation.columns;
  if (columns.empty()) {
    for (const auto& name : related.column_names()) {
      if (name != related_key && name != aggregation.time_column) columns.push_back(name);
    }
  }
  for (const auto& name : columns) {
    if (!related.has_column(name)) {
      throw SchemaError(fmt::format(
          "synthesize_features: column \"{}\" is not a column of the related table", name));
    }
  }

  // Entity index of each related row (-1 when its key names no entity).
  const Column& entity_keys = entities.column(aggregation.entity_key);
  std::unordered_map<std::string, std::size_t> entity_of;
  for (std::size_t row = 0; row < entities.n_rows(); ++row) {
    if (entity_keys.is_missing(row)) {
      throw DataError(fmt::format("synthesize_features: entity key \"{}\" is missing at row {}",
                                  entity_keys.name(), row));
    }
    entity_of.emplace(key_of(entity_keys, row), row);
  }
  const Column& related_keys = related.column(related_key);
  const std::size_t n_entities = entities.n_rows();
  std::vector<std::vector<std::size_t>> rows_of(n_entities);
  for (std::size_t row = 0; row < related.n_rows(); ++row) {
    if (related_keys.is_missing(row)) continue;
    auto found = entity_of.find(key_of(related_keys, row));
    if (found != entity_of.end()) rows_of[found->second].push_back(row);
  }
  // The entity's latest row by time whose value in `column` is not missing (ties: the later
  // row), as pandas' sort_values(time).groupby(key).last() skips missing values.
  auto latest_row = [&](std::size_t entity, const Column& column) -> std::optional<std::size_t> {
    const Column& time = related.column(aggregation.time_column);
    std::optional<std::size_t> best;
    for (std::size_t row : rows_of[entity]) {
      if (time.is_missing(row) || column.is_missing(row)) continue;
      if (best) {
        const bool later = time.type() == ColumnType::numeric
                               ? time.numeric_values()[row] >= time.numeric_values()[*best]
                               : time.value_string(row) >= time.value_string(*best);
        if (!later) continue;
      }
      best = row;
    }
    return best;
  };

  Dataset result = entities;
  const auto wants = [&](const std::string& function) {
    return std::find(aggregation.functions.begin(), aggregation.functions.end(), function) !=
           aggregation.functions.end();
  };
  if (wants("count")) {
    std::vector<double> counts(n_entities);
    for (std::size_t entity = 0; entity < n_entities; ++entity)
      counts[entity] = static_cast<double>(rows_of[entity].size());
    result.add_column(Column::numeric(prefix + "_count", std::move(counts)));
  }
  for (const auto& name : columns) {
    const Column& column = related.column(name);
    const bool numeric = column.type() == ColumnType::numeric;
    const std::string base = prefix + "_" + name + "_";
    if (numeric) {
      const auto values = column.numeric_values();
      std::vector<double> sum(n_entities, kNaN), mean(n_entities, kNaN), spread(n_entities, kNaN),
          low(n_entities, kNaN), high(n_entities, kNaN);
      for (std::size_t entity = 0; entity < n_entities; ++entity) {
        if (rows_of[entity].empty()) continue;
        double total = 0.0, count = 0.0;
        double minimum = std::numeric_limits<double>::infinity(), maximum = -minimum;
        for (std::size_t row : rows_of[entity]) {
          const double value = values[row];
          if (std::isnan(value)) continue;
          total += value;
          count += 1.0;
          minimum = std::min(minimum, value);
          maximum = std::max(maximum, value);
        }
        sum[entity] = total;
        if (count == 0) continue;
        mean[entity] = total / count;
        low[entity] = minimum;
        high[entity] = maximum;
        if (count > 1) {
          double squares = 0.0;
          for (std::size_t row : rows_of[entity]) {
            if (!std::isnan(values[row]))
              squares += (values[row] - mean[entity]) * (values[row] - mean[entity]);
          }
          spread[entity] = std::sqrt(squares / (count - 1.0));
        }
      }
      if (wants("sum")) result.add_column(Column::numeric(base + "sum", std::move(sum)));
      if (wants("mean")) result.add_column(Column::numeric(base + "mean", std::move(mean)));
      if (wants("std")) result.add_column(Column::numeric(base + "std", std::move(spread)));
      if (wants("min")) result.add_column(Column::numeric(base + "min", std::move(low)));
      if (wants("max")) result.add_column(Column::numeric(base + "max", std::move(high)));
    }
    if (wants("distinct_count")) {
      std::vector<double> distinct(n_entities, kNaN);
      for (std::size_t entity = 0; entity < n_entities; ++entity) {
        if (rows_of[entity].empty()) continue;
        std::set<std::string> seen;
        for (std::size_t row : rows_of[entity]) {
          if (!column.is_missing(row)) seen.insert(column.value_string(row));
        }
        distinct[entity] = static_cast<double>(seen.size());
      }
      result.add_column(Column::numeric(base + "distinct_count", std::move(distinct)));
    }
    if (wants("most_recent")) {
      if (numeric) {
        std::vector<double> recent(n_entities, kNaN);
        for (std::size_t entity = 0; entity < n_entities; ++entity) {
          if (const auto row = latest_row(entity, column))
            recent[entity] = column.numeric_values()[*row];
        }
        result.add_column(Column::numeric(base + "most_recent", std::move(recent)));
      } else {
        std::vector<std::optional<std::string>> recent(n_entities);
        for (std::size_t entity = 0; entity < n_entities; ++entity) {
          if (const auto row = latest_row(entity, column))
            recent[entity] = column.value_string(*row);
        }
        result.add_column(Column::categorical_from_values(base + "most_recent", recent));
      }
    }
  }
  return result;
}

}  // namespace loom::features
