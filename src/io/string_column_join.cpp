#include "string_column_join.hpp"

#include <cstdint>
#include <string_view>

namespace loom::io::detail {

namespace {

// The distinct values of all parts in string order, each once, and for each part the rank
// of each of its distinct values.
struct MergedValues {
  std::vector<std::string_view> unique;
  std::vector<std::vector<std::int32_t>> rank_of;  // [part][index in the part]
};

MergedValues merge_sorted(const std::vector<StringColumnBuilder*>& parts) {
  using SortKey = StringColumnBuilder::SortKey;
  const std::size_t n_parts = parts.size();
  MergedValues merged;
  merged.rank_of.resize(n_parts);
  std::vector<const std::vector<std::int32_t>*> orders(n_parts);
  std::vector<std::size_t> position(n_parts, 0);
  std::size_t total = 0;
  for (std::size_t part = 0; part < n_parts; ++part) {
    orders[part] = &parts[part]->sorted_order();
    merged.rank_of[part].resize(parts[part]->n_distinct());
    total += parts[part]->n_distinct();
  }
  merged.unique.reserve(total);
  const auto key_of = [&](std::size_t part) -> const SortKey& {
    return parts[part]->sort_keys()[static_cast<std::size_t>((*orders[part])[position[part]])];
  };
  const auto value_of = [&](std::size_t part) {
    return parts[part]->values()[static_cast<std::size_t>((*orders[part])[position[part]])];
  };
  SortKey last_key{};
  for (;;) {
    // The smallest head among the parts (there are few parts: a scan is enough).
    std::size_t best = n_parts;
    for (std::size_t part = 0; part < n_parts; ++part) {
      if (position[part] == orders[part]->size()) continue;
      if (best == n_parts) {
        best = part;
        continue;
      }
      const auto order = key_of(part) <=> key_of(best);
      if (order < 0 || (order == 0 && value_of(part) < value_of(best))) best = part;
    }
    if (best == n_parts) break;
    const std::string_view value = value_of(best);
    const SortKey& key = key_of(best);
    if (merged.unique.empty() || key != last_key || value != merged.unique.back()) {
      merged.unique.push_back(value);
      last_key = key;
    }
    const auto index = static_cast<std::size_t>((*orders[best])[position[best]]);
    merged.rank_of[best][index] = static_cast<std::int32_t>(merged.unique.size() - 1);
    ++position[best];
  }
  return merged;
}

ColumnType infer_type(const std::vector<StringColumnBuilder*>& parts, std::size_t n_distinct) {
  std::size_t n_present = 0;
  for (const auto* part : parts)
    n_present += part->size() - part->n_missing();
  if (n_present == 0 || n_distinct * 2 <= n_present) return ColumnType::categorical;
  std::size_t total_words = 0;
  for (const auto* part : parts) {
    for (std::size_t index = 0; index < part->n_distinct(); ++index) {
      total_words += part->words()[index] * part->counts()[index];
    }
  }
  return total_words > 3 * n_present ? ColumnType::text : ColumnType::categorical;
}

}  // namespace

Column join_string_columns(const std::vector<StringColumnBuilder*>& parts, std::string name,
                           std::optional<ColumnType> type) {
  MergedValues merged = merge_sorted(parts);
  const ColumnType column_type = type ? *type : infer_type(parts, merged.unique.size());
  std::size_t n_rows = 0;
  for (const auto* part : parts)
    n_rows += part->size();

  if (column_type == ColumnType::text) {
    std::vector<std::string> values(n_rows);
    std::vector<std::uint8_t> missing(n_rows, 0);
    std::size_t row = 0;
    for (const auto* part : parts) {
      for (const std::int32_t code : part->codes()) {
        if (code < 0) {
          missing[row] = 1;
        } else {
          values[row] = part->values()[static_cast<std::size_t>(code)];
        }
        ++row;
      }
    }
    return Column::text(std::move(name), std::move(values), std::move(missing));
  }

  std::vector<std::string> categories(merged.unique.begin(), merged.unique.end());
  merged.unique = {};
  std::vector<std::int32_t> codes;
  if (parts.size() == 1) codes = std::move(parts.front()->codes());
  codes.resize(n_rows);
  std::size_t row = 0;
  for (std::size_t part = 0; part < parts.size(); ++part) {
    const auto& rank_of = merged.rank_of[part];
    const auto& part_codes = parts.size() == 1 ? codes : parts[part]->codes();
    for (std::size_t index = 0; index < part_codes.size(); ++index, ++row) {
      const std::int32_t code = part_codes[index];
      codes[row] = code < 0 ? Column::kMissingCode : rank_of[static_cast<std::size_t>(code)];
    }
  }
  return Column::categorical(std::move(name), std::move(codes), std::move(categories));
}

}  // namespace loom::io::detail
