#pragma once
// Checks that the data given to transform / predict has the columns the step was fitted on,
// as scikit-learn's feature_names_in_ check. Throws SchemaError naming missing and extra
// columns, or DataError for an empty input.
#include <string>
#include <string_view>
#include <vector>

#include "loom/core/table.hpp"

namespace loom {

// At fit: the input must have rows and columns (DataError otherwise).
void require_non_empty(const Table& x, std::string_view caller);
// At transform / predict: same column names in the same order as at fit.
void require_same_columns(const Table& x, const std::vector<std::string>& fitted_names,
                          std::string_view caller);

}  // namespace loom
