#include "loom/core/labels.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "loom/core/error.hpp"

namespace loom {

namespace {
void require_no_missing_labels(const Column& y, std::string_view caller) {
  for (std::size_t row = 0; row < y.size(); ++row) {
    if (y.is_missing(row)) {
      throw DataError(
          fmt::format("{}: target \"{}\" is missing at row {}; labels must not be missing", caller,
                      y.name(), row));
    }
  }
}
}  // namespace

EncodedLabels encode_labels(const Column& y, std::string_view caller) {
  require_no_missing_labels(y, caller);
  if (y.size() == 0) throw DataError(fmt::format("{}: the target has no rows", caller));
  if (y.type() == ColumnType::numeric) {
    auto values = y.numeric_values();
    std::vector<double> classes(values.begin(), values.end());
    std::sort(classes.begin(), classes.end());
    classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
    EncodedLabels result{Column::numeric(y.name(), classes), {}};
    result.indices.reserve(values.size());
    for (double value : values) {
      result.indices.push_back(static_cast<int>(
          std::lower_bound(classes.begin(), classes.end(), value) - classes.begin()));
    }
    return result;
  }
  const Column categorical = y.as_categorical();
  // Categories are sorted; drop those with no rows so classes are exactly the labels seen.
  const auto& categories = categorical.categories();
  std::vector<int> remap(categories.size(), -1);
  for (std::int32_t code : categorical.codes())
    remap[static_cast<std::size_t>(code)] = 0;
  std::vector<std::optional<std::string>> kept;
  for (std::size_t i = 0; i < categories.size(); ++i) {
    if (remap[i] == 0) {
      remap[i] = static_cast<int>(kept.size());
      kept.emplace_back(categories[i]);
    }
  }
  EncodedLabels result{Column::categorical_from_values(y.name(), kept), {}};
  result.indices.reserve(categorical.size());
  for (std::int32_t code : categorical.codes()) {
    result.indices.push_back(remap[static_cast<std::size_t>(code)]);
  }
  return result;
}

Column decode_labels(const Column& classes, const std::vector<int>& indices, std::string name) {
  if (classes.type() == ColumnType::numeric) {
    auto values = classes.numeric_values();
    std::vector<double> decoded;
    decoded.reserve(indices.size());
    for (int index : indices)
      decoded.push_back(values[static_cast<std::size_t>(index)]);
    return Column::numeric(std::move(name), std::move(decoded));
  }
  std::vector<std::int32_t> codes(indices.begin(), indices.end());
  return Column::categorical(std::move(name), std::move(codes), classes.categories());
}

std::vector<int> label_indices(const Column& classes, const Column& y, std::string_view caller) {
  require_no_missing_labels(y, caller);
  std::map<std::string, int> index_of;
  for (std::size_t i = 0; i < classes.size(); ++i) {
    index_of.emplace(classes.value_string(i), static_cast<int>(i));
  }
  std::vector<int> indices;
  indices.reserve(y.size());
  for (std::size_t row = 0; row < y.size(); ++row) {
    auto found = index_of.find(y.value_string(row));
    if (found == index_of.end()) {
      throw DataError(fmt::format("{}: label \"{}\" at row {} is not one of the fitted classes",
                                  caller, y.value_string(row), row));
    }
    indices.push_back(found->second);
  }
  return indices;
}

}  // namespace loom
