#pragma once
// The categories of one input column as scikit-learn's encoders find them (_unique): sorted
// strings for categorical / text columns, sorted numbers for numeric ones, and missing values
// (NaN) as one more category at the end. Shared by OneHotEncoder and OrdinalEncoder; internal.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "loom/core/column.hpp"
#include "loom/core/params.hpp"
#include "loom/core/table.hpp"

namespace loom::features::detail {

// Python's repr of a float (numpy's str of a float64): "1.0", "0.5", "1e-05", "1e+16", "nan".
std::string python_float_repr(double value);

struct ColumnCategories {
  std::string column;                // the input column's name
  bool numeric = false;              // numbers (numeric column) rather than strings
  bool int_like = false;             // numbers print as integers (pandas int64 column)
  std::vector<std::string> strings;  // sorted as strings (when !numeric)
  std::vector<double> numbers;       // sorted ascending (when numeric)
  bool has_missing = false;          // NaN is the last category
  std::vector<std::int64_t> counts;  // rows per category, in category order (fit only)

  std::size_t size() const {
    return (numeric ? numbers.size() : strings.size()) + (has_missing ? 1 : 0);
  }
  std::size_t missing_index() const { return size() - 1; }
  // The category as scikit-learn prints it in feature names ("sedan", "1", "1.5", "nan").
  std::string label(std::size_t index) const;
  // The category as a JSON value (string, number, or null for the missing category).
  Json value(std::size_t index) const;

  Json to_json() const;
  static ColumnCategories from_json(const Json& json);
};

// The categories of a column, with their counts.
ColumnCategories find_categories(const Column& column);

// The category index of each row, or -1 for a value not among the categories. When a row is
// unknown, *first_unknown receives the first such row (else it is left unchanged).
void encode_rows(const Column& column, const ColumnCategories& categories,
                 std::span<std::int32_t> out, std::size_t* first_unknown);

// The input as typed columns: a Dataset as it is, a FeatureMatrix as numeric columns (built in
// storage).
const Dataset& input_dataset(const Table& x, Dataset& storage);

}  // namespace loom::features::detail
