#include "loom/data/profile.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "loom/core/error.hpp"
#include "loom/data/duplicates.hpp"
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

// The share of rows where the column has a value (NaN for a table without rows).
double present_share(const Column& column) {
  if (column.size() == 0) return std::numeric_limits<double>::quiet_NaN();
  return static_cast<double>(column.size() - column.count_missing()) /
         static_cast<double>(column.size());
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
    for (const char* key : {"min", "max", "mean", "std", "variance"})
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
  const double variance = values.size() > 1 ? squares / static_cast<double>(values.size() - 1)
                                            : std::numeric_limits<double>::quiet_NaN();
  entry["min"] = values.front();
  entry["max"] = values.back();
  entry["mean"] = number_or_null(mean);
  entry["std"] = number_or_null(std::sqrt(variance));
  entry["variance"] = number_or_null(variance);
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
                         {"missing", column.count_missing()},
                         {"popularity", number_or_null(present_share(column))}};
    entry = column.type() == ColumnType::numeric
                ? numeric_profile(column, std::move(entry))
                : string_profile(column, std::move(entry), options.top_values);
    if (entry["distinct"].get<std::size_t>() <= 1) constant.push_back(column.name());
    columns.push_back(std::move(entry));
  }
  OrderedJson result = {
      {"rows", data.n_rows()},
      {"columns", columns},
      {"duplicate_rows", find_duplicates(data).size()},
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
  const auto rows = profile.at("rows").get<std::size_t>();
  std::string text = fmt::format("{} rows, {} columns\n", rows, profile.at("columns").size());
  const double row_count = std::max<double>(1.0, static_cast<double>(rows));
  const auto number = [](const nlohmann::ordered_json& value) {
    return value.is_null() ? std::string("-") : fmt::format("{:.6g}", value.get<double>());
  };
  for (const auto& column : profile.at("columns")) {
    text += fmt::format("  {:<24} {:<12} {:5.1f}% missing, {} distinct",
                        column.at("name").get<std::string>(), column.at("type").get<std::string>(),
                        100.0 * column.at("missing").get<double>() / row_count,
                        column.at("distinct").get<std::size_t>());
    if (column.contains("mean")) {
      text += fmt::format(", min {}, mean {}, max {}, std {}", number(column.at("min")),
                          number(column.at("mean")), number(column.at("max")),
                          number(column.at("std")));
    } else if (column.contains("top") && !column.at("top").empty()) {
      const auto& top = column.at("top")[0];
      text += fmt::format(", most frequent \"{}\" ({})", top.at("value").get<std::string>(),
                          top.at("count").get<std::size_t>());
    }
    text += '\n';
  }
  if (profile.contains("duplicate_rows")) {
    text += fmt::format("duplicate rows: {}\n", profile.at("duplicate_rows").get<std::size_t>());
  }
  if (profile.contains("constant_columns") && !profile.at("constant_columns").empty()) {
    text += fmt::format(
        "constant columns: {}\n",
        fmt::join(profile.at("constant_columns").get<std::vector<std::string>>(), ", "));
  }
  if (profile.contains("correlated_pairs")) {
    for (const auto& pair : profile.at("correlated_pairs")) {
      text += fmt::format(
          "correlated: {} ~ {} (r = {:.3f})\n", pair.at("columns")[0].get<std::string>(),
          pair.at("columns")[1].get<std::string>(), pair.at("correlation").get<double>());
    }
  }
  if (profile.contains("class_balance")) {
    std::vector<std::string> parts;
    for (const auto& [label, count] : profile.at("class_balance").items()) {
      parts.push_back(fmt::format("{}: {}", label, count.get<std::size_t>()));
    }
    text += fmt::format("class balance: {}\n", fmt::join(parts, ", "));
  }
  return text;
}

}  // namespace loom::data
