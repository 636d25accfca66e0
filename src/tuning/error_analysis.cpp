#include "loom/tuning/error_analysis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "loom/core/error.hpp"

namespace loom::tuning {
namespace {

void check_inputs(std::string_view caller, std::size_t n_true, std::size_t n_pred) {
  if (n_true == 0) throw DataError(fmt::format("{}: y_true is empty", caller));
  if (n_true != n_pred) {
    throw DataError(fmt::format("{}: y_true has {} values but y_pred {}", caller, n_true, n_pred));
  }
}

}  // namespace

std::vector<Confusion> top_confusions(std::span<const std::string> y_true,
                                      std::span<const std::string> y_pred, std::size_t k) {
  check_inputs("top_confusions", y_true.size(), y_pred.size());
  std::map<std::pair<std::string, std::string>, std::size_t> counts;
  for (std::size_t i = 0; i < y_true.size(); ++i) {
    if (y_true[i] != y_pred[i]) ++counts[{y_true[i], y_pred[i]}];
  }
  std::vector<Confusion> confusions;
  for (const auto& [pair, count] : counts)
    confusions.push_back({pair.first, pair.second, count});
  std::stable_sort(confusions.begin(), confusions.end(),
                   [](const Confusion& a, const Confusion& b) { return a.count > b.count; });
  if (confusions.size() > k) confusions.resize(k);
  return confusions;
}

std::vector<SliceError> error_rate_by_slice(const Column& column,
                                            std::span<const std::string> y_true,
                                            std::span<const std::string> y_pred, int n_bins) {
  check_inputs("error_rate_by_slice", y_true.size(), y_pred.size());
  if (column.size() != y_true.size()) {
    throw DataError(fmt::format("error_rate_by_slice: column \"{}\" has {} rows but y_true {}",
                                column.name(), column.size(), y_true.size()));
  }
  if (n_bins < 1) {
    throw ParameterError(
        fmt::format("error_rate_by_slice: parameter n_bins = {} must be >= 1", n_bins));
  }
  std::vector<std::size_t> slice_of(y_true.size());
  std::vector<std::string> names;
  std::size_t missing_slice = 0;
  if (column.type() == ColumnType::numeric) {
    const auto values = column.numeric_values();
    double low = INFINITY, high = -INFINITY;
    for (const double v : values) {
      if (!std::isnan(v)) low = std::min(low, v), high = std::max(high, v);
    }
    const auto bins = static_cast<std::size_t>(low < high ? n_bins : 1);
    const double width = low < high ? (high - low) / static_cast<double>(bins) : 0.0;
    for (std::size_t b = 0; b < bins; ++b) {
      const double from = low + width * static_cast<double>(b);
      const double to = b + 1 == bins ? high : low + width * static_cast<double>(b + 1);
      names.push_back(fmt::format("[{}, {}{}", format_number(from), format_number(to),
                                  b + 1 == bins ? "]" : ")"));
    }
    missing_slice = names.size();
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (std::isnan(values[i])) {
        slice_of[i] = missing_slice;
      } else {
        const auto bin = width > 0.0 ? static_cast<std::size_t>((values[i] - low) / width) : 0;
        slice_of[i] = std::min(bin, bins - 1);
      }
    }
  } else {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < column.size(); ++i) {
      if (!column.is_missing(i)) index.emplace(column.value_string(i), 0);
    }
    for (auto& [value, position] : index) {
      position = names.size();
      names.push_back(value);
    }
    missing_slice = names.size();
    for (std::size_t i = 0; i < column.size(); ++i)
      slice_of[i] = column.is_missing(i) ? missing_slice : index[column.value_string(i)];
  }
  names.push_back("missing");
  std::vector<SliceError> slices(names.size());
  for (std::size_t s = 0; s < names.size(); ++s)
    slices[s].slice = names[s];
  for (std::size_t i = 0; i < y_true.size(); ++i) {
    ++slices[slice_of[i]].count;
    slices[slice_of[i]].errors += y_true[i] != y_pred[i];
  }
  std::vector<SliceError> kept;
  for (auto& slice : slices) {
    if (slice.count == 0) continue;
    slice.error_rate = static_cast<double>(slice.errors) / static_cast<double>(slice.count);
    kept.push_back(std::move(slice));
  }
  return kept;
}

}  // namespace loom::tuning
