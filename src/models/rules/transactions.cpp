#include "loom/models/rules/transactions.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "loom/core/error.hpp"

namespace loom::models {

namespace {

// Collects transactions as lists of item names, then numbers the items in sorted order.
class TransactionBuilder {
 public:
  void add(std::size_t transaction, const std::string& item) {
    if (transaction >= baskets_.size()) baskets_.resize(transaction + 1);
    const auto [it, inserted] = ids_.emplace(item, static_cast<int>(names_.size()));
    if (inserted) names_.push_back(item);
    baskets_[transaction].push_back(it->second);
  }
  void new_transaction() { baskets_.emplace_back(); }
  std::size_t size() const { return baskets_.size(); }

  Transactions finish() && {
    Transactions result;
    std::vector<int> order(names_.size());
    for (std::size_t i = 0; i < order.size(); ++i)
      order[i] = static_cast<int>(i);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
      return names_[static_cast<std::size_t>(a)] < names_[static_cast<std::size_t>(b)];
    });
    std::vector<int> rank(names_.size());
    for (std::size_t position = 0; position < order.size(); ++position) {
      rank[static_cast<std::size_t>(order[position])] = static_cast<int>(position);
      result.items.push_back(std::move(names_[static_cast<std::size_t>(order[position])]));
    }
    result.transactions.reserve(baskets_.size());
    for (auto& basket : baskets_) {
      for (int& item : basket)
        item = rank[static_cast<std::size_t>(item)];
      std::sort(basket.begin(), basket.end());
      basket.erase(std::unique(basket.begin(), basket.end()), basket.end());
      result.transactions.push_back(std::move(basket));
    }
    return result;
  }

 private:
  std::unordered_map<std::string, int> ids_;
  std::vector<std::string> names_;
  std::vector<std::vector<int>> baskets_;
};

}  // namespace

Transactions transactions_from_baskets(std::string_view text, char delimiter) {
  TransactionBuilder builder;
  std::size_t position = 0;
  while (position < text.size()) {
    std::size_t end = text.find('\n', position);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(position, end - position);
    position = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const std::size_t transaction = builder.size();
    builder.new_transaction();
    std::size_t start = 0;
    while (start <= line.size()) {
      std::size_t stop = line.find(delimiter, start);
      if (stop == std::string_view::npos) stop = line.size();
      if (stop > start) builder.add(transaction, std::string(line.substr(start, stop - start)));
      start = stop + 1;
    }
  }
  return std::move(builder).finish();
}

Transactions transactions_from_long(const Dataset& data, const std::string& transaction_column,
                                    const std::string& item_column) {
  for (const auto* name : {&transaction_column, &item_column}) {
    if (!data.has_column(*name)) {
      throw SchemaError(fmt::format("column \"{}\" is not in the data (columns: {})", *name,
                                    fmt::join(data.column_names(), ", ")));
    }
  }
  const Column& transactions = data.column(transaction_column);
  const Column& items = data.column(item_column);
  TransactionBuilder builder;
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t row = 0; row < data.n_rows(); ++row) {
    if (transactions.is_missing(row) || items.is_missing(row)) continue;
    const auto [it, inserted] = index.emplace(transactions.value_string(row), index.size());
    builder.add(it->second, items.value_string(row));
  }
  return std::move(builder).finish();
}

Transactions transactions_from_onehot(const Dataset& data) {
  TransactionBuilder builder;
  for (std::size_t row = 0; row < data.n_rows(); ++row)
    builder.new_transaction();
  for (const auto& column : data.columns()) {
    for (std::size_t row = 0; row < data.n_rows(); ++row) {
      const std::string value = column.is_missing(row) ? "" : column.value_string(row);
      if (value == "1" || value == "true" || value == "True" || value == "TRUE") {
        builder.add(row, column.name());
      } else if (value != "0" && value != "false" && value != "False" && value != "FALSE") {
        throw DataError(fmt::format(
            "one-hot transactions: column \"{}\", data row {}: expected 0 or 1 (or true / "
            "false), found {}",
            column.name(), row + 1,
            column.is_missing(row) ? "a missing value" : '"' + value + '"'));
      }
    }
  }
  return std::move(builder).finish();
}

}  // namespace loom::models
