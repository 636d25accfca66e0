#include "loom/clean/simple_imputer.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"

namespace loom::clean {

const ParamTable<SimpleImputerParams>& SimpleImputerParams::table() {
  static const ParamTable<SimpleImputerParams> table{
      param("strategy", &SimpleImputerParams::strategy,
            one_of({"mean", "median", "most_frequent", "constant"})),
      param<SimpleImputerParams, Json>(
          "fill_value", &SimpleImputerParams::fill_value,
          [](const Json& value) {
            return (value.is_null() || value.is_number() || value.is_string())
                       ? std::string()
                       : std::string("must be a number, a string or null");
          }),
      param("add_indicator", &SimpleImputerParams::add_indicator),
      param("keep_empty_features", &SimpleImputerParams::keep_empty_features),
  };
  return table;
}

namespace {

// The most frequent value; ties go to the smallest (scikit-learn's rule).
template <class Value>
Value most_frequent(const std::map<Value, std::size_t>& counts) {
  auto best = counts.begin();
  for (auto it = counts.begin(); it != counts.end(); ++it) {
    if (it->second > best->second) best = it;
  }
  return best->first;
}

}  // namespace

Json SimpleImputer::fit_numeric(const Column& column) const {
  const std::string& strategy = params_.strategy;
  if (strategy == "constant") {
    if (params_.fill_value.is_null()) return 0.0;
    if (!params_.fill_value.is_number()) {
      throw DataError(
          fmt::format("{}: fill_value = {} is invalid for numeric column \"{}\"; expected a number",
                      describe(), params_.fill_value.dump(), column.name()));
    }
    return params_.fill_value.get<double>();
  }
  std::vector<double> values;
  for (double value : column.numeric_values()) {
    if (!std::isnan(value)) values.push_back(value);
  }
  if (values.empty()) return params_.keep_empty_features ? Json(0.0) : Json(nullptr);
  if (strategy == "mean") {
    double sum = 0.0;
    for (double value : values)
      sum += value;
    return sum / static_cast<double>(values.size());
  }
  if (strategy == "median") {
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
  }
  std::map<double, std::size_t> counts;
  for (double value : values)
    ++counts[value];
  return most_frequent(counts);
}

Json SimpleImputer::fit_strings(const Column& column) const {
  const std::string& strategy = params_.strategy;
  if (strategy == "mean" || strategy == "median") {
    throw DataError(fmt::format(
        "{}: strategy \"{}\" cannot be used on {} column \"{}\"; use most_frequent or constant",
        describe(), strategy, to_string(column.type()), column.name()));
  }
  if (strategy == "constant") {
    if (params_.fill_value.is_null()) return "missing_value";
    if (params_.fill_value.is_string()) return params_.fill_value;
    return format_number(params_.fill_value.get<double>());
  }
  std::map<std::string, std::size_t> counts;
  for (std::size_t row = 0; row < column.size(); ++row) {
    if (!column.is_missing(row)) ++counts[column.value_string(row)];
  }
  if (counts.empty()) return params_.keep_empty_features ? Json("") : Json(nullptr);
  return most_frequent(counts);
}

void SimpleImputer::fit(const Table& x, const Column*) {
  validate_params();
  require_non_empty(x, describe());
  if (x.is_sparse()) {
    throw DataError(
        fmt::format("{}: sparse input is not supported; impute before encoding", describe()));
  }
  const Dataset data = x.to_dataset();
  std::vector<Json> statistics;
  std::vector<std::size_t> indicators;
  for (std::size_t j = 0; j < data.n_columns(); ++j) {
    const Column& column = data.column(j);
    statistics.push_back(column.type() == ColumnType::numeric ? fit_numeric(column)
                                                              : fit_strings(column));
    if (params_.add_indicator && column.count_missing() > 0) indicators.push_back(j);
  }
  feature_names_in_ = data.column_names();
  statistics_ = std::move(statistics);
  indicator_columns_ = std::move(indicators);
  fitted_ = true;
}

bool SimpleImputer::is_dropped(std::size_t column) const {
  return statistics_[column].is_null();
}

Table SimpleImputer::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  if (x.is_sparse()) {
    throw DataError(
        fmt::format("{}: sparse input is not supported; impute before encoding", describe()));
  }
  const Dataset data = x.to_dataset();
  std::vector<Column> output;
  for (std::size_t j = 0; j < data.n_columns(); ++j) {
    if (is_dropped(j)) continue;
    const Column& column = data.column(j);
    const Json& statistic = statistics_[j];
    if (column.type() == ColumnType::numeric) {
      if (!statistic.is_number()) {
        throw DataError(fmt::format("{}: column \"{}\" is numeric now but was not at fit",
                                    describe(), column.name()));
      }
      std::vector<double> values(column.numeric_values().begin(), column.numeric_values().end());
      const double fill = statistic.get<double>();
      for (double& value : values) {
        if (std::isnan(value)) value = fill;
      }
      output.push_back(Column::numeric(column.name(), std::move(values)));
      continue;
    }
    const std::string fill =
        statistic.is_string() ? statistic.get<std::string>() : statistic.dump();
    if (column.type() == ColumnType::text) {
      auto values = column.text_values();
      for (std::size_t row = 0; row < values.size(); ++row) {
        if (column.is_missing(row)) values[row] = fill;
      }
      output.push_back(Column::text(column.name(), std::move(values), {}));
      continue;
    }
    auto categories = column.categories();
    auto position = std::find(categories.begin(), categories.end(), fill);
    const auto fill_code = static_cast<std::int32_t>(position - categories.begin());
    if (position == categories.end()) categories.push_back(fill);
    std::vector<std::int32_t> codes(column.codes().begin(), column.codes().end());
    for (auto& code : codes) {
      if (code == Column::kMissingCode) code = fill_code;
    }
    output.push_back(Column::categorical(column.name(), std::move(codes), std::move(categories)));
  }
  for (std::size_t j : indicator_columns_) {
    const Column& column = data.column(j);
    std::vector<double> flags(column.size());
    for (std::size_t row = 0; row < column.size(); ++row)
      flags[row] = column.is_missing(row) ? 1.0 : 0.0;
    output.push_back(Column::numeric("missingindicator_" + column.name(), std::move(flags)));
  }
  Dataset result(std::move(output));
  if (x.is_dataset()) return result;
  return FeatureMatrix(result.to_matrix(), result.column_names());
}

std::vector<std::string> SimpleImputer::feature_names_out() const {
  require_fitted("feature_names_out");
  std::vector<std::string> names;
  for (std::size_t j = 0; j < feature_names_in_.size(); ++j) {
    if (!is_dropped(j)) names.push_back(feature_names_in_[j]);
  }
  for (std::size_t j : indicator_columns_)
    names.push_back("missingindicator_" + feature_names_in_[j]);
  return names;
}

Json SimpleImputer::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"statistics", statistics_},
          {"indicator_columns", indicator_columns_}};
}

void SimpleImputer::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  const Json& statistics = state::field(saved, "statistics");
  const Json& indicators = state::field(saved, "indicator_columns");
  if (!statistics.is_array() || statistics.size() != feature_names_in_.size() ||
      !indicators.is_array()) {
    throw ParseError(fmt::format("{}: saved statistics do not match {} columns", describe(),
                                 feature_names_in_.size()));
  }
  statistics_.assign(statistics.begin(), statistics.end());
  indicator_columns_.clear();
  for (const auto& index : indicators) {
    if (!index.is_number_unsigned() || index.get<std::size_t>() >= feature_names_in_.size()) {
      throw ParseError(
          fmt::format("{}: saved indicator column {} is out of range", describe(), index.dump()));
    }
    indicator_columns_.push_back(index.get<std::size_t>());
  }
  fitted_ = true;
}

}  // namespace loom::clean
