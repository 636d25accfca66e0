#include "string_column_join.hpp"

#include <cstdint>
#include <string_view>

namespace loom::io::detail {

namespace {

using SortedValue = StringColumnBuilder::SortedValue;

// The distinct values of all parts in string order, each once, and for each part the rank
// of each of its distinct values.
struct MergedValues {
  std::vector<std::string_view> unique;
  std::vector<std::vector<std::int32_t>> rank_of;  // [part][index in the part]
};

// Starts loading a value that is about to be copied: the values are read in an order (sorted,
// or by row) that jumps around the file.
inline void prefetch(const void* address) {
#if defined(__GNUC__)
  __builtin_prefetch(address);
#endif
}

constexpr std::size_t kPrefetchDistance = 8;

MergedValues merge_sorted(const std::vector<StringColumnBuilder*>& parts) {
  const std::size_t n_parts = parts.size();
  MergedValues merged;
  merged.rank_of.resize(n_parts);
  if (n_parts == 1) {
    // One part's distinct values are distinct already: its sorted order is the answer.
    const auto& sorted = parts.front()->sorted_values();
    merged.rank_of.front().resize(sorted.size());
    merged.unique.reserve(sorted.size());
    for (std::size_t rank = 0; rank < sorted.size(); ++rank) {
      const auto index = static_cast<std::size_t>(sorted[rank].index);
      merged.unique.push_back(parts.front()->values()[index]);
      merged.rank_of.front()[index] = static_cast<std::int32_t>(rank);
    }
    return merged;
  }
  std::vector<const std::vector<SortedValue>*> sorted(n_parts);
  std::vector<std::size_t> position(n_parts, 0);
  std::size_t total = 0;
  for (std::size_t part = 0; part < n_parts; ++part) {
    sorted[part] = &parts[part]->sorted_values();
    merged.rank_of[part].resize(parts[part]->n_distinct());
    total += parts[part]->n_distinct();
  }
  merged.unique.reserve(total);
  const auto head = [&](std::size_t part) -> const SortedValue& {
    return (*sorted[part])[position[part]];
  };
  const auto value_of = [&](std::size_t part) {
    return parts[part]->values()[static_cast<std::size_t>(head(part).index)];
  };
  StringColumnBuilder::SortKey last_key{};
  for (;;) {
    // The smallest head among the parts (there are few parts: a scan is enough).
    std::size_t best = n_parts;
    for (std::size_t part = 0; part < n_parts; ++part) {
      if (position[part] == sorted[part]->size()) continue;
      if (best == n_parts) {
        best = part;
        continue;
      }
      const auto order = head(part).key <=> head(best).key;
      if (order < 0 || (order == 0 && value_of(part) < value_of(best))) best = part;
    }
    if (best == n_parts) break;
    const SortedValue& entry = head(best);
    const std::string_view value = value_of(best);
    if (merged.unique.empty() || entry.key != last_key || value != merged.unique.back()) {
      merged.unique.push_back(value);
      last_key = entry.key;
    }
    merged.rank_of[best][static_cast<std::size_t>(entry.index)] =
        static_cast<std::int32_t>(merged.unique.size() - 1);
    ++position[best];
  }
  return merged;
}

// The distinct values over all parts, from each part's own count less the values an earlier
// part already holds (hash lookups: no merge needed when the column turns out to be text).
std::size_t count_distinct(const std::vector<StringColumnBuilder*>& parts) {
  if (parts.size() > 2) return merge_sorted(parts).unique.size();
  std::size_t distinct = parts[0]->n_distinct();
  if (parts.size() == 2) distinct += parts[1]->n_distinct() - parts[0]->count_shared(*parts[1]);
  return distinct;
}

ColumnType infer_type(const std::vector<StringColumnBuilder*>& parts) {
  std::size_t n_present = 0;
  std::size_t upper_bound = 0;
  for (const auto* part : parts) {
    n_present += part->size() - part->n_missing();
    upper_bound += part->n_distinct();
  }
  if (n_present == 0 || upper_bound * 2 <= n_present) return ColumnType::categorical;
  std::size_t total_words = 0;
  for (const auto* part : parts) {
    for (std::size_t index = 0; index < part->n_distinct(); ++index) {
      total_words += part->words()[index] * part->counts()[index];
    }
  }
  if (total_words <= 3 * n_present) return ColumnType::categorical;
  return count_distinct(parts) * 2 > n_present ? ColumnType::text : ColumnType::categorical;
}

Column make_text(const std::vector<StringColumnBuilder*>& parts, std::string name,
                 std::size_t n_rows) {
  std::vector<std::string> values(n_rows);
  std::vector<std::uint8_t> missing(n_rows, 0);
  std::size_t row = 0;
  for (const auto* part : parts) {
    const auto& codes = part->codes();
    const auto& distinct = part->values();
    for (std::size_t index = 0; index < codes.size(); ++index, ++row) {
      if (index + kPrefetchDistance < codes.size() && codes[index + kPrefetchDistance] >= 0) {
        prefetch(distinct[static_cast<std::size_t>(codes[index + kPrefetchDistance])].data());
      }
      const std::int32_t code = codes[index];
      if (code < 0) {
        missing[row] = 1;
      } else {
        values[row] = distinct[static_cast<std::size_t>(code)];
      }
    }
  }
  return Column::text(std::move(name), std::move(values), std::move(missing));
}

Column make_categorical(const std::vector<StringColumnBuilder*>& parts, std::string name,
                        std::size_t n_rows) {
  MergedValues merged = merge_sorted(parts);
  std::vector<std::string> categories;
  categories.reserve(merged.unique.size());
  for (std::size_t rank = 0; rank < merged.unique.size(); ++rank) {
    if (rank + kPrefetchDistance < merged.unique.size()) {
      prefetch(merged.unique[rank + kPrefetchDistance].data());
    }
    categories.emplace_back(merged.unique[rank]);
  }
  merged.unique = {};
  std::vector<std::int32_t> codes;
  if (parts.size() == 1) codes = std::move(parts.front()->codes());  // remapped in place
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

}  // namespace

Column join_string_columns(const std::vector<StringColumnBuilder*>& parts, std::string name,
                           std::optional<ColumnType> type) {
  std::size_t n_rows = 0;
  for (const auto* part : parts)
    n_rows += part->size();
  const ColumnType column_type = type ? *type : infer_type(parts);
  return column_type == ColumnType::text ? make_text(parts, std::move(name), n_rows)
                                         : make_categorical(parts, std::move(name), n_rows);
}

}  // namespace loom::io::detail
