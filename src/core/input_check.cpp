#include "loom/core/input_check.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "loom/core/error.hpp"

namespace loom {

void require_non_empty(const Table& x, std::string_view caller) {
  if (x.n_rows() == 0) {
    throw DataError(fmt::format("{}: the input has 0 rows; at least one row is needed", caller));
  }
  if (x.n_columns() == 0) {
    throw DataError(
        fmt::format("{}: the input has 0 columns; at least one column is needed", caller));
  }
}

void require_same_columns(const Table& x, const std::vector<std::string>& fitted_names,
                          std::string_view caller) {
  const auto names = x.column_names();
  if (names == fitted_names) return;
  std::vector<std::string> missing, extra;
  for (const auto& name : fitted_names) {
    if (std::find(names.begin(), names.end(), name) == names.end()) missing.push_back(name);
  }
  for (const auto& name : names) {
    if (std::find(fitted_names.begin(), fitted_names.end(), name) == fitted_names.end()) {
      extra.push_back(name);
    }
  }
  std::string detail;
  if (!missing.empty()) detail += fmt::format(" (missing: \"{}\")", fmt::join(missing, "\", \""));
  if (!extra.empty()) detail += fmt::format(" (unexpected: \"{}\")", fmt::join(extra, "\", \""));
  if (missing.empty() && extra.empty()) detail = " (same columns in another order)";
  throw SchemaError(fmt::format("{}: input has {} columns, fitted on {}{}", caller, names.size(),
                                fitted_names.size(), detail));
}

}  // namespace loom
