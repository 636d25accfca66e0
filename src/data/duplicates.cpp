#include "loom/data/duplicates.hpp"

#include <string>
#include <unordered_set>

namespace loom::data {

namespace {

// One row as a byte string that is equal for equal rows only: per cell a tag (missing or
// value) and a length-prefixed value, so no value can imitate a cell boundary.
std::string row_key(const Dataset& data, std::size_t row) {
  std::string key;
  for (const auto& column : data.columns()) {
    if (column.is_missing(row)) {
      key += 'M';
      continue;
    }
    std::string value;
    if (column.type() == ColumnType::numeric) {
      const double number = column.numeric_values()[row];
      value = number == 0.0 ? std::string("0") : format_number(number);
    } else {
      value = column.value_string(row);
    }
    key += 'V';
    key += std::to_string(value.size());
    key += ':';
    key += value;
  }
  return key;
}

}  // namespace

std::vector<std::size_t> find_duplicates(const Dataset& data) {
  std::vector<std::size_t> duplicates;
  std::unordered_set<std::string> seen;
  seen.reserve(data.n_rows());
  for (std::size_t row = 0; row < data.n_rows(); ++row) {
    if (!seen.insert(row_key(data, row)).second) duplicates.push_back(row);
  }
  return duplicates;
}

DropDuplicatesResult drop_duplicates(const Dataset& data) {
  const auto duplicates = find_duplicates(data);
  if (duplicates.empty()) return {data, 0};
  std::vector<std::size_t> keep;
  keep.reserve(data.n_rows() - duplicates.size());
  std::size_t next = 0;
  for (std::size_t row = 0; row < data.n_rows(); ++row) {
    if (next < duplicates.size() && duplicates[next] == row) {
      ++next;
    } else {
      keep.push_back(row);
    }
  }
  return {data.take(keep), duplicates.size()};
}

}  // namespace loom::data
