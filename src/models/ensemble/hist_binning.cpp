#include "loom/models/ensemble/detail/hist_binning.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "loom/core/error.hpp"
#include "loom/core/json_state.hpp"

namespace loom::models::detail {

namespace {

// scikit-learn's ALMOST_INF: thresholds are clipped to it.
constexpr double kAlmostInf = 1e300;

RawColumn numeric_column(std::string name, std::vector<double> values) {
  RawColumn column;
  column.name = std::move(name);
  column.values = std::move(values);
  return column;
}

// A numeric column used as categorical: its values must be non-negative integers, as in
// scikit-learn; the categories are their text.
RawColumn categorical_from_numbers(std::string name, const std::vector<double>& values,
                                   std::string_view caller) {
  RawColumn column;
  column.name = std::move(name);
  column.categorical = true;
  std::unordered_map<double, std::int32_t> index;
  column.codes.resize(values.size());
  for (std::size_t row = 0; row < values.size(); ++row) {
    const double value = values[row];
    if (std::isnan(value)) {
      column.codes[row] = -1;
      continue;
    }
    if (value < 0.0 || value != std::floor(value)) {
      throw DataError(
          fmt::format("{}: categorical column \"{}\" has value {} at row {}; "
                      "categorical values must be non-negative integers",
                      caller, column.name, format_number(value), row));
    }
    auto [found, added] = index.try_emplace(value, static_cast<std::int32_t>(index.size()));
    if (added) column.categories.push_back(format_number(value));
    column.codes[row] = found->second;
  }
  return column;
}

std::vector<double> column_values(const Table& x, std::size_t column) {
  if (x.is_dataset()) {
    const auto values = x.dataset().column(column).numeric_values();
    return {values.begin(), values.end()};
  }
  const FeatureMatrix& matrix = x.matrix();
  std::vector<double> values(x.n_rows(), 0.0);
  if (matrix.is_sparse()) {
    const SparseMatrix& sparse = matrix.sparse();
    for (Eigen::Index row = 0; row < sparse.outerSize(); ++row) {
      for (SparseMatrix::InnerIterator it(sparse, row); it; ++it) {
        if (static_cast<std::size_t>(it.col()) == column)
          values[static_cast<std::size_t>(row)] = it.value();
      }
    }
  } else {
    const auto source = matrix.dense().col(static_cast<Eigen::Index>(column));
    std::copy(source.begin(), source.end(), values.begin());
  }
  return values;
}

}  // namespace

std::vector<RawColumn> raw_columns_like(const Table& x, const std::vector<bool>& categorical,
                                        std::string_view caller) {
  const auto names = x.column_names();
  std::vector<RawColumn> columns;
  for (std::size_t j = 0; j < names.size(); ++j) {
    const bool is_dataset_column = x.is_dataset();
    const ColumnType type = is_dataset_column ? x.dataset().column(j).type() : ColumnType::numeric;
    if (type == ColumnType::text) {
      throw DataError(fmt::format("{}: column \"{}\" is text; encode it first", caller, names[j]));
    }
    if (type == ColumnType::categorical) {
      if (!categorical[j]) {
        throw DataError(fmt::format(
            "{}: column \"{}\" is categorical; declare it in categorical_features (or use "
            "\"from_dtype\") or encode it first",
            caller, names[j]));
      }
      const Column& source = x.dataset().column(j);
      RawColumn column;
      column.name = names[j];
      column.categorical = true;
      column.codes.assign(source.codes().begin(), source.codes().end());
      column.categories = source.categories();
      columns.push_back(std::move(column));
    } else if (categorical[j]) {
      columns.push_back(categorical_from_numbers(names[j], column_values(x, j), caller));
    } else {
      columns.push_back(numeric_column(names[j], column_values(x, j)));
    }
  }
  return columns;
}

std::vector<RawColumn> raw_columns(const Table& x, const Json& categorical_features,
                                   std::string_view caller) {
  const auto names = x.column_names();
  std::vector<bool> categorical(names.size(), false);
  if (categorical_features.is_string()) {  // "from_dtype"
    if (x.is_dataset()) {
      for (std::size_t j = 0; j < names.size(); ++j)
        categorical[j] = x.dataset().column(j).type() == ColumnType::categorical;
    }
  } else if (categorical_features.is_array()) {
    const bool mask = !categorical_features.empty() && categorical_features[0].is_boolean();
    if (mask && categorical_features.size() != names.size()) {
      throw ParameterError(
          fmt::format("{}: parameter categorical_features has {} booleans for {} columns", caller,
                      categorical_features.size(), names.size()));
    }
    for (std::size_t i = 0; i < categorical_features.size(); ++i) {
      const Json& entry = categorical_features[i];
      if (mask) {
        categorical[i] = entry.get<bool>();
      } else if (entry.is_string()) {
        const auto found = std::find(names.begin(), names.end(), entry.get<std::string>());
        if (found == names.end()) {
          throw ParameterError(fmt::format(
              "{}: parameter categorical_features names \"{}\", which is not an input column",
              caller, entry.get<std::string>()));
        }
        categorical[static_cast<std::size_t>(found - names.begin())] = true;
      } else {
        const auto index = entry.get<long long>();
        if (index < 0 || static_cast<std::size_t>(index) >= names.size()) {
          throw ParameterError(
              fmt::format("{}: parameter categorical_features has index {} for {} columns", caller,
                          index, names.size()));
        }
        categorical[static_cast<std::size_t>(index)] = true;
      }
    }
  }
  return raw_columns_like(x, categorical, caller);
}

std::vector<double> binning_thresholds(std::vector<double> values, int max_bins) {
  std::sort(values.begin(), values.end());
  std::vector<double> distinct = values;
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::vector<double> midpoints;
  if (distinct.size() <= static_cast<std::size_t>(max_bins)) {
    for (std::size_t i = 0; i + 1 < distinct.size(); ++i)
      midpoints.push_back((distinct[i] + distinct[i + 1]) * 0.5);
  } else {
    // numpy.percentile(..., method="midpoint") at linspace(0, 100, max_bins + 1)[1:-1].
    const double n = static_cast<double>(values.size());
    const double step = 100.0 / static_cast<double>(max_bins);
    for (int k = 1; k < max_bins; ++k) {
      const double quantile = (static_cast<double>(k) * step) / 100.0;
      const double index = quantile * (n - 1.0);
      const double below = std::floor(index);
      const auto low = static_cast<std::size_t>(below);
      const std::size_t high = std::min(low + 1, values.size() - 1);
      if (index == below) {
        midpoints.push_back(values[low]);
      } else {
        // numpy's lerp at t = 0.5: b - (b - a) * 0.5.
        midpoints.push_back(values[high] - (values[high] - values[low]) * 0.5);
      }
    }
  }
  for (double& midpoint : midpoints)
    midpoint = std::min(midpoint, kAlmostInf);
  return midpoints;
}

void BinMapper::fit(const std::vector<RawColumn>& columns, int max_bins,
                    const std::vector<std::size_t>& rows, std::string_view caller) {
  const std::size_t n_features = columns.size();
  is_categorical_.assign(n_features, false);
  n_bins_non_missing_.assign(n_features, 0);
  thresholds_.assign(n_features, {});
  categories_.assign(n_features, {});
  for (std::size_t j = 0; j < n_features; ++j) {
    const RawColumn& column = columns[j];
    const std::size_t n_rows =
        rows.empty() ? column.values.size() + column.codes.size() : rows.size();
    auto row_at = [&](std::size_t i) { return rows.empty() ? i : rows[i]; };
    if (column.categorical) {
      is_categorical_[j] = true;
      std::vector<bool> seen(column.categories.size(), false);
      for (std::size_t i = 0; i < n_rows; ++i) {
        const std::int32_t code = column.codes[row_at(i)];
        if (code >= 0) seen[static_cast<std::size_t>(code)] = true;
      }
      for (std::size_t code = 0; code < seen.size(); ++code) {
        if (seen[code]) categories_[j].push_back(column.categories[code]);
      }
      std::sort(categories_[j].begin(), categories_[j].end());
      // One bin is kept for categories unseen at fit, below the missing-value bin.
      if (categories_[j].size() > static_cast<std::size_t>(max_bins) - 1) {
        throw DataError(fmt::format(
            "{}: categorical column \"{}\" has {} categories; at most max_bins - 1 = {} are "
            "supported",
            caller, column.name, categories_[j].size(), max_bins - 1));
      }
      n_bins_non_missing_[j] = static_cast<int>(categories_[j].size());
    } else {
      std::vector<double> values;
      values.reserve(n_rows);
      for (std::size_t i = 0; i < n_rows; ++i) {
        const double value = column.values[row_at(i)];
        if (!std::isnan(value)) values.push_back(value);
      }
      thresholds_[j] = binning_thresholds(std::move(values), max_bins);
      n_bins_non_missing_[j] = static_cast<int>(thresholds_[j].size()) + 1;
    }
  }
}

std::vector<std::uint8_t> BinMapper::transform(const std::vector<RawColumn>& columns,
                                               const std::vector<std::size_t>& rows) const {
  const std::size_t n_rows =
      rows.empty()
          ? (columns.empty()
                 ? 0
                 : (columns[0].categorical ? columns[0].codes.size() : columns[0].values.size()))
          : rows.size();
  std::vector<std::uint8_t> bins(n_rows * columns.size());
  for (std::size_t j = 0; j < columns.size(); ++j) {
    const RawColumn& column = columns[j];
    std::uint8_t* out = bins.data() + j * n_rows;
    auto row_at = [&](std::size_t i) { return rows.empty() ? i : rows[i]; };
    if (is_categorical_[j]) {
      // The bin of each of this column's codes: its category's rank among those seen at fit.
      std::vector<std::uint8_t> code_bins(column.categories.size());
      for (std::size_t code = 0; code < column.categories.size(); ++code) {
        const auto found =
            std::lower_bound(categories_[j].begin(), categories_[j].end(), column.categories[code]);
        code_bins[code] = (found != categories_[j].end() && *found == column.categories[code])
                              ? static_cast<std::uint8_t>(found - categories_[j].begin())
                              : static_cast<std::uint8_t>(n_bins_non_missing_[j]);
      }
      for (std::size_t i = 0; i < n_rows; ++i) {
        const std::int32_t code = column.codes[row_at(i)];
        out[i] = code < 0 ? kMissingBin : code_bins[static_cast<std::size_t>(code)];
      }
    } else {
      const std::vector<double>& thresholds = thresholds_[j];
      for (std::size_t i = 0; i < n_rows; ++i) {
        const double value = column.values[row_at(i)];
        // Bin b holds thresholds[b - 1] < x <= thresholds[b].
        out[i] = std::isnan(value)
                     ? kMissingBin
                     : static_cast<std::uint8_t>(
                           std::lower_bound(thresholds.begin(), thresholds.end(), value) -
                           thresholds.begin());
      }
    }
  }
  return bins;
}

Json BinMapper::to_json() const {
  Json features = Json::array();
  for (std::size_t j = 0; j < n_features(); ++j) {
    if (is_categorical_[j]) {
      features.push_back({{"categories", categories_[j]}});
    } else {
      features.push_back({{"thresholds", state::from_vector(thresholds_[j])}});
    }
  }
  return features;
}

BinMapper BinMapper::from_json(const Json& saved, std::string_view caller) {
  BinMapper mapper;
  if (!saved.is_array()) throw ParseError(fmt::format("{}: saved bins must be a list", caller));
  for (const Json& feature : saved) {
    if (feature.contains("categories")) {
      mapper.is_categorical_.push_back(true);
      mapper.categories_.push_back(state::to_strings(feature, "categories"));
      mapper.thresholds_.emplace_back();
      mapper.n_bins_non_missing_.push_back(static_cast<int>(mapper.categories_.back().size()));
    } else {
      mapper.is_categorical_.push_back(false);
      mapper.thresholds_.push_back(state::to_vector(feature, "thresholds"));
      mapper.categories_.emplace_back();
      mapper.n_bins_non_missing_.push_back(static_cast<int>(mapper.thresholds_.back().size()) + 1);
    }
    if (mapper.n_bins_non_missing_.back() > 255) {
      throw ParseError(fmt::format("{}: saved bins: more than 255 bins in a feature", caller));
    }
  }
  return mapper;
}

}  // namespace loom::models::detail
