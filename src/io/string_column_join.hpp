#pragma once
// Makes one Column from the StringColumnBuilders of consecutive parts of a column (one part
// when the input was read in one go): the parts' sorted distinct values are merged, which
// gives the global categories in string order, each part's code mapping and the distinct
// count the type decision needs, without a second round of hashing.
#include <optional>
#include <string>
#include <vector>

#include "loom/core/column.hpp"
#include "string_column_builder.hpp"

namespace loom::io::detail {

// type: categorical or text; nullopt infers it by the CLI's rule (text when more than half
// of the non-missing values are distinct and they average more than three words).
Column join_string_columns(const std::vector<StringColumnBuilder*>& parts, std::string name,
                           std::optional<ColumnType> type);

}  // namespace loom::io::detail
