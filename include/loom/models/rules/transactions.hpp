#pragma once
// A set of transactions (market baskets) for association rules: item names sorted as
// strings and, per transaction, the sorted distinct indices of its items. Built from the
// three CLI.md layouts: basket lines, long (transaction, item) rows, or a 0/1 one-hot table.
// Throws DataError naming the line, row or column at fault.
#include <string>
#include <string_view>
#include <vector>

#include "loom/core/dataset.hpp"

namespace loom::models {

struct Transactions {
  std::vector<std::string> items;              // sorted, distinct
  std::vector<std::vector<int>> transactions;  // indices into items, sorted, distinct
};

// One transaction per line, items separated by `delimiter` (no header, no quoting). Empty
// fields and a final "\r" are dropped; a repeated item counts once; blank lines are skipped.
Transactions transactions_from_baskets(std::string_view text, char delimiter);
// One row per (transaction, item) pair; transactions in order of first appearance, rows with
// a missing transaction or item skipped. SchemaError when a column is absent.
Transactions transactions_from_long(const Dataset& data, const std::string& transaction_column,
                                    const std::string& item_column);
// A header of item names and 0/1 (or true/false) cells; DataError naming the column and row
// of any other value, missing included.
Transactions transactions_from_onehot(const Dataset& data);

}  // namespace loom::models
