#pragma once
// The columns of a dense numeric input read in place: a Dataset's numeric buffers or a dense
// FeatureMatrix's columns, without copying them into a matrix. Internal to loom::features.
#include <string_view>
#include <vector>

#include "loom/core/table.hpp"

namespace loom::features::detail {

struct NumericColumns {
  std::vector<const double*> columns;
  std::size_t n_rows = 0;
};

// DataError naming a non-numeric column, or a sparse input (which the caller does not accept).
NumericColumns numeric_columns(const Table& x, std::string_view caller);

// DataError naming the first column and row holding NaN.
void require_finite_columns(const NumericColumns& x, const std::vector<std::string>& names,
                            std::string_view caller);

}  // namespace loom::features::detail
