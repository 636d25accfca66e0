#pragma once
// The numeric input of the tree models as float32 columns (column-major), as scikit-learn's
// trees cast X to float32: thresholds then fall where scikit-learn's do. Internal.
#include <cstddef>
#include <string_view>
#include <vector>

#include "loom/core/table.hpp"

namespace loom::models::detail {

struct FloatColumns {
  std::vector<float> values;  // column j at [j * n_rows, (j + 1) * n_rows)
  std::size_t n_rows = 0;
  std::size_t n_columns = 0;
  float at(std::size_t row, std::size_t column) const { return values[column * n_rows + row]; }
  const float* column(std::size_t column) const { return values.data() + column * n_rows; }
};

// x's columns as floats; DataError naming the caller and the column for a non-numeric column,
// or, unless allow_missing, for a missing value.
FloatColumns float_columns(const Table& x, std::string_view caller, bool allow_missing = false);

}  // namespace loom::models::detail
