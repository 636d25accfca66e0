#include "loom/clean/simple_imputer.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <span>

#include "loom/core/detail/memory.hpp"
#include "loom/core/detail/parallel.hpp"
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

// Column j of a column-major matrix, in place.
std::span<const double> matrix_column(const Eigen::MatrixXd& values, std::size_t j) {
  return {values.data() + static_cast<Eigen::Index>(j) * values.rows(),
          static_cast<std::size_t>(values.rows())};
}

// Columns per thread: enough that a thread has about a million values to work on.
std::size_t columns_per_thread(std::size_t n_rows) {
  return loom::detail::items_for(std::size_t{1} << 20, n_rows);
}

// A column of n_rows values for the output, its memory advised for huge pages before the
// zero-fill first touches it.
std::vector<double> new_column(std::size_t n_rows) {
  std::vector<double> values;
  values.reserve(n_rows);
  loom::detail::advise_huge_pages(values.data(), n_rows * sizeof(double));
  values.resize(n_rows);
  return values;
}

void fill_missing(std::span<const double> in, double fill, double* out) {
  for (std::size_t row = 0; row < in.size(); ++row)
    out[row] = std::isnan(in[row]) ? fill : in[row];
}

void indicate_missing(std::span<const double> in, double* out) {
  for (std::size_t row = 0; row < in.size(); ++row)
    out[row] = std::isnan(in[row]) ? 1.0 : 0.0;
}

}  // namespace

Json SimpleImputer::fit_numeric(std::span<const double> column, const std::string& name) const {
  const std::string& strategy = params_.strategy;
  if (strategy == "constant") {
    if (params_.fill_value.is_null()) return 0.0;
    if (!params_.fill_value.is_number()) {
      throw DataError(
          fmt::format("{}: fill_value = {} is invalid for numeric column \"{}\"; expected a number",
                      describe(), params_.fill_value.dump(), name));
    }
    return params_.fill_value.get<double>();
  }
  if (strategy == "mean") {
    // Summed in row order, as numpy sums a column, without copying the column.
    double sum = 0.0;
    std::size_t count = 0;
    for (double value : column) {
      const bool present = !std::isnan(value);
      sum += present ? value : 0.0;
      count += present ? 1 : 0;
    }
    if (count == 0) return params_.keep_empty_features ? Json(0.0) : Json(nullptr);
    return sum / static_cast<double>(count);
  }
  std::vector<double> values;
  for (double value : column) {
    if (!std::isnan(value)) values.push_back(value);
  }
  if (values.empty()) return params_.keep_empty_features ? Json(0.0) : Json(nullptr);
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
  // Columns are read in place (a FeatureMatrix's or the Dataset's own buffers) and fitted in
  // parallel: each column's statistic depends on that column alone.
  const std::vector<std::string> names = x.column_names();
  const std::size_t n_rows = x.n_rows();
  std::vector<Json> statistics(names.size());
  std::vector<std::uint8_t> has_missing(names.size());
  loom::detail::parallel_for(
      names.size(), columns_per_thread(n_rows), [&](std::size_t begin, std::size_t end) {
        for (std::size_t j = begin; j < end; ++j) {
          if (!x.is_dataset()) {
            const auto values = matrix_column(x.matrix().dense(), j);
            statistics[j] = fit_numeric(values, names[j]);
            has_missing[j] =
                params_.add_indicator &&
                std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); });
            continue;
          }
          const Column& column = x.dataset().column(j);
          statistics[j] = column.type() == ColumnType::numeric
                              ? fit_numeric(column.numeric_values(), column.name())
                              : fit_strings(column);
          has_missing[j] = params_.add_indicator && column.count_missing() > 0;
        }
      });
  std::vector<std::size_t> indicators;
  for (std::size_t j = 0; j < names.size(); ++j) {
    if (has_missing[j]) indicators.push_back(j);
  }
  feature_names_in_ = names;
  statistics_ = std::move(statistics);
  indicator_columns_ = std::move(indicators);
  fitted_ = true;
}

bool SimpleImputer::is_dropped(std::size_t column) const {
  return statistics_[column].is_null();
}

double SimpleImputer::numeric_fill(std::size_t column) const {
  const Json& statistic = statistics_[column];
  if (!statistic.is_number()) {
    throw DataError(fmt::format("{}: column \"{}\" is numeric now but was not at fit", describe(),
                                feature_names_in_[column]));
  }
  return statistic.get<double>();
}

Column SimpleImputer::impute_strings(const Column& column, const Json& statistic) const {
  const std::string fill = statistic.is_string() ? statistic.get<std::string>() : statistic.dump();
  if (column.type() == ColumnType::text) {
    auto values = column.text_values();
    for (std::size_t row = 0; row < values.size(); ++row) {
      if (column.is_missing(row)) values[row] = fill;
    }
    return Column::text(column.name(), std::move(values), {});
  }
  auto categories = column.categories();
  auto position = std::find(categories.begin(), categories.end(), fill);
  const auto fill_code = static_cast<std::int32_t>(position - categories.begin());
  if (position == categories.end()) categories.push_back(fill);
  std::vector<std::int32_t> codes(column.codes().begin(), column.codes().end());
  for (auto& code : codes) {
    if (code == Column::kMissingCode) code = fill_code;
  }
  return Column::categorical(column.name(), std::move(codes), std::move(categories));
}

Table SimpleImputer::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  if (x.is_sparse()) {
    throw DataError(
        fmt::format("{}: sparse input is not supported; impute before encoding", describe()));
  }
  // Output columns: the kept input columns, then one indicator per column in
  // indicator_columns_. Each is written in one pass straight from the input, in parallel.
  std::vector<std::size_t> sources;
  for (std::size_t j = 0; j < feature_names_in_.size(); ++j) {
    if (!is_dropped(j)) sources.push_back(j);
  }
  const std::size_t n_imputed = sources.size();
  sources.insert(sources.end(), indicator_columns_.begin(), indicator_columns_.end());
  const std::size_t n_rows = x.n_rows();

  if (!x.is_dataset()) {
    const Eigen::MatrixXd& input = x.matrix().dense();
    std::vector<double> fills(n_imputed);
    for (std::size_t k = 0; k < n_imputed; ++k)
      fills[k] = numeric_fill(sources[k]);
    Eigen::MatrixXd output(static_cast<Eigen::Index>(n_rows),
                           static_cast<Eigen::Index>(sources.size()));
    loom::detail::advise_huge_pages(output.data(),
                                    static_cast<std::size_t>(output.size()) * sizeof(double));
    loom::detail::parallel_for(sources.size(), columns_per_thread(n_rows),
                               [&](std::size_t begin, std::size_t end) {
                                 for (std::size_t k = begin; k < end; ++k) {
                                   const auto in = matrix_column(input, sources[k]);
                                   double* out = output.col(static_cast<Eigen::Index>(k)).data();
                                   if (k < n_imputed) {
                                     fill_missing(in, fills[k], out);
                                   } else {
                                     indicate_missing(in, out);
                                   }
                                 }
                               });
    return FeatureMatrix(std::move(output), feature_names_out());
  }

  const Dataset& data = x.dataset();
  std::vector<Column> output(sources.size());
  loom::detail::parallel_for(
      sources.size(), columns_per_thread(n_rows), [&](std::size_t begin, std::size_t end) {
        for (std::size_t k = begin; k < end; ++k) {
          const Column& column = data.column(sources[k]);
          if (k >= n_imputed) {
            std::vector<double> flags = new_column(n_rows);
            if (column.type() == ColumnType::numeric) {
              indicate_missing(column.numeric_values(), flags.data());
            } else {
              for (std::size_t row = 0; row < n_rows; ++row)
                flags[row] = column.is_missing(row) ? 1.0 : 0.0;
            }
            output[k] = Column::numeric("missingindicator_" + column.name(), std::move(flags));
          } else if (column.type() == ColumnType::numeric) {
            const double fill = numeric_fill(sources[k]);
            std::vector<double> values = new_column(n_rows);
            fill_missing(column.numeric_values(), fill, values.data());
            output[k] = Column::numeric(column.name(), std::move(values));
          } else {
            output[k] = impute_strings(column, statistics_[sources[k]]);
          }
        }
      });
  return Dataset(std::move(output));
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
