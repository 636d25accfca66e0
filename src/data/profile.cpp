#include "loom/data/profile.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_set>

#include "loom/core/error.hpp"
#include "loom/metrics/labels.hpp"

namespace loom::data {

namespace {

using OrderedJson = nlohmann::ordered_json;

OrderedJson number_or_null(double value) {
  return std::isfinite(value) ? OrderedJson(value) : OrderedJson(nullptr);
}

// pandas' quantile with linear interpolation over sorted values.
double quantile(const std::vector<double>& sorted, double q) {
  const double position = q * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const auto above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return sorted[below] + (sorted[above] - sorted[below]) * fraction;
}

OrderedJson numeric_profile(const Column& column, OrderedJson entry) {
  std::vector<double> values;
  for (double value : column.numeric_values()) {
    if (!std::isnan(value)) values.push_back(value);
  }
  std::sort(values.begin(), values.end());
  std::size_t unique_count = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i == 0 || values[i] != values[i - 1]) ++unique_count;
  }
  entry["distinct"] = unique_count;
  if (values.empty()) {
    for (const char* key : {"min", "max", "mean", "std"})
      entry[key] = nullptr;
    entry["zeros"] = 0;
    entry["quantiles"] = {{"25%", nullptr}, {"50%", nullptr}, {"75%", nullptr}};
    return entry;
  }
  double sum = 0.0;
  for (double value : values)
    sum += value;
  const double mean = sum / static_cast<double>(values.size());
  double squares = 0.0;
  for (double value : values)
    squares += (value - mean) * (value - mean);
  const double std_dev = values.size() > 1
                             ? std::sqrt(squares / static_cast<double>(values.size() - 1))
                             : std::numeric_limits<double>::quiet_NaN();
  entry["min"] = values.front();
  entry["max"] = values.back();
  entry["mean"] = number_or_null(mean);
  entry["std"] = number_or_null(std_dev);
  entry["zeros"] = static_cast<std::size_t>(std::count(values.begin(), values.end(), 0.0));
  entry["quantiles"] = {{"25%", quantile(values, 0.25)},
                        {"50%", quantile(values, 0.5)},
                        {"75%", quantile(values, 0.75)}};
  return entry;
}

OrderedJson string_profile(const Column& column, OrderedJson entry, std::size_t top_values) {
  std::map<std::string, std::size_t> counts;
  for (std::size_t row = 0; row < column.size(); ++row) {
    if (!column.is_missing(row)) ++counts[column.value_string(row)];
  }
  entry["distinct"] = counts.size();
  std::vector<std::pair<std::string, std::size_t>> ranked(counts.begin(), counts.end());
  // Most frequent first; equal counts in value order, so output is reproducible.
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  OrderedJson top = OrderedJson::array();
  for (std::size_t i = 0; i < ranked.size() && i < top_values; ++i) {
    top.push_back({{"value", ranked[i].first}, {"count", ranked[i].second}});
  }
  entry["top"] = top;
  return entry;
}

std::size_t duplicate_rows(const Dataset& data) {
  std::unordered_set<std::string> seen;
  std::size_t duplicates = 0;
  for (std::size_t row = 0; row < data.n_rows(); ++row) {
    std::string key;
    for (const auto& column : data.columns()) {
      key += column.is_missing(row) ? std::string("\x01") : column.value_string(row);
      key += '\x1f';
    }
    if (!seen.insert(std::move(key)).second) ++duplicates;
  }
  return duplicates;
}

OrderedJson correlated_pairs(const Dataset& data, double threshold) {
  OrderedJson pairs = OrderedJson::array();
  const auto names = data.names_of_type(ColumnType::numeric);
  for (std::size_t a = 0; a < names.size(); ++a) {
    for (std::size_t b = a + 1; b < names.size(); ++b) {
      const auto x = data.column(names[a]).numeric_values();
      const auto y = data.column(names[b]).numeric_values();
      // Pairwise-complete rows, as pandas' DataFrame.corr.
      double n = 0, sum_x = 0, sum_y = 0;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(x[i]) || std::isnan(y[i])) continue;
        n += 1;
        sum_x += x[i];
        sum_y += y[i];
      }
      if (n < 2) continue;
      const double mean_x = sum_x / n, mean_y = sum_y / n;
      double sxy = 0, sxx = 0, syy = 0;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(x[i]) || std::isnan(y[i])) continue;
        sxy += (x[i] - mean_x) * (y[i] - mean_y);
        sxx += (x[i] - mean_x) * (x[i] - mean_x);
        syy += (y[i] - mean_y) * (y[i] - mean_y);
      }
      if (sxx == 0 || syy == 0) continue;
      const double r = sxy / std::sqrt(sxx * syy);
      if (std::abs(r) >= threshold) {
        pairs.push_back({{"columns", {names[a], names[b]}}, {"correlation", r}});
      }
    }
  }
  return pairs;
}

}  // namespace

nlohmann::ordered_json profile(const Dataset& data, const ProfileOptions& options) {
  if (options.target && !data.has_column(*options.target)) {
    throw SchemaError(fmt::format("target column \"{}\" is not in the data (columns: {})",
                                  *options.target, fmt::join(data.column_names(), ", ")));
  }
  OrderedJson columns = OrderedJson::array();
  OrderedJson constant = OrderedJson::array();
  for (const auto& column : data.columns()) {
    OrderedJson entry = {{"name", column.name()},
                         {"type", to_string(column.type())},
                         {"count", column.size() - column.count_missing()},
                         {"missing", column.count_missing()}};
    entry = column.type() == ColumnType::numeric
                ? numeric_profile(column, std::move(entry))
                : string_profile(column, std::move(entry), options.top_values);
    if (entry["distinct"].get<std::size_t>() <= 1) constant.push_back(column.name());
    columns.push_back(std::move(entry));
  }
  OrderedJson result = {
      {"rows", data.n_rows()},
      {"columns", columns},
      {"duplicate_rows", duplicate_rows(data)},
      {"constant_columns", constant},
      {"correlated_pairs", correlated_pairs(data, options.correlation_threshold)}};
  if (options.target) {
    const Column& target = data.column(*options.target);
    std::map<std::string, std::size_t> counts;
    for (std::size_t row = 0; row < target.size(); ++row) {
      if (!target.is_missing(row)) ++counts[target.value_string(row)];
    }
    // Labels in the order of a classifier's classes_ (numerically for numeric labels).
    std::vector<std::string> labels;
    for (const auto& [label, count] : counts)
      labels.push_back(label);
    metrics::sort_labels(labels);
    OrderedJson balance = OrderedJson::object();
    for (const auto& label : labels)
      balance[label] = counts[label];
    result["class_balance"] = std::move(balance);
  }
  return result;
}

std::string profile_summary(const nlohmann::ordered_json& profile) {
  std::string text = fmt::format("{} rows, {} columns\n", profile["rows"].get<std::size_t>(),
                                 profile["columns"].size());
  const double rows = std::max(1.0, profile["rows"].get<double>());
  for (const auto& column : profile["columns"]) {
    text += fmt::format("  {:<24} {:<12} {:5.1f}% missing, {} distinct\n",
                        column["name"].get<std::string>(), column["type"].get<std::string>(),
                        100.0 * column["missing"].get<double>() / rows,
                        column["distinct"].get<std::size_t>());
  }
  return text;
}

}  // namespace loom::data
