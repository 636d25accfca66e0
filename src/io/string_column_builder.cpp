#include "string_column_builder.hpp"

#include <algorithm>
#include <numeric>

#include "number_parser.hpp"

namespace loom::io::detail {

namespace {
// Words as Python's str.split() counts them: runs of non-whitespace.
std::size_t count_words(std::string_view value) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : value) {
    const bool space = is_ascii_space(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}
}  // namespace

StringColumnBuilder::StringColumnBuilder() : slots_(64, 0), mask_(63) {}

std::int32_t StringColumnBuilder::insert(std::string_view value, bool stable, std::uint64_t hash,
                                         std::size_t slot) {
  if (!stable) value = owned_.emplace_back(value);
  const auto code = static_cast<std::int32_t>(values_.size());
  values_.push_back(value);
  hashes_.push_back(hash);
  counts_.push_back(0);
  // Computed now, while the value's bytes are in cache, rather than at the end.
  words_.push_back(static_cast<std::uint32_t>(count_words(value)));
  sort_keys_.push_back({sort_key(value, 0), sort_key(value, 8)});
  slots_[slot] = slot_entry(hash, values_.size() - 1);
  if (values_.size() * 2 > slots_.size()) grow();
  return code;
}

void StringColumnBuilder::reserve(std::size_t rows) {
  codes_.reserve(rows);
  const std::size_t seen = codes_.size() - n_missing_;
  if (seen < 64 || values_.size() * 4 < seen) return;
  const std::size_t expected = rows / seen * values_.size() + values_.size();
  values_.reserve(expected);
  hashes_.reserve(expected);
  counts_.reserve(expected);
  words_.reserve(expected);
  sort_keys_.reserve(expected);
  std::size_t n_slots = slots_.size();
  while (n_slots < 2 * expected)
    n_slots *= 2;
  if (n_slots > slots_.size()) rehash(n_slots);
}

void StringColumnBuilder::grow() {
  rehash(slots_.size() * 2);
}

void StringColumnBuilder::rehash(std::size_t n_slots) {
  slots_.assign(n_slots, 0);
  mask_ = slots_.size() - 1;
  for (std::size_t index = 0; index < values_.size(); ++index) {
    std::size_t slot = hashes_[index] & mask_;
    while (slots_[slot] != 0)
      slot = (slot + 1) & mask_;
    slots_[slot] = slot_entry(hashes_[index], index);
  }
}

// Eight bytes of a value from offset on, big-endian and zero-padded, so that comparing keys
// as integers orders values as memcmp does (ties broken on the whole value).
std::uint64_t StringColumnBuilder::sort_key(std::string_view value, std::size_t offset) {
  unsigned char bytes[8] = {};
  if (value.size() > offset) {
    std::memcpy(bytes, value.data() + offset, std::min<std::size_t>(8, value.size() - offset));
  }
  std::uint64_t key = 0;
  for (const unsigned char byte : bytes)
    key = key << 8 | byte;
  return key;
}

// Sorting indices by their strings would chase a pointer into the file buffer on every
// comparison; sorting compact (16-byte prefix, index) entries first keeps that to ties.
const std::vector<std::int32_t>& StringColumnBuilder::sorted_order() {
  if (ordered_) return order_;
  struct Entry {
    SortKey key;
    std::int32_t index;
  };
  std::vector<Entry> entries(values_.size());
  for (std::size_t index = 0; index < values_.size(); ++index) {
    entries[index] = {sort_keys_[index], static_cast<std::int32_t>(index)};
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.key < b.key; });
  std::vector<std::int32_t>& order = order_;
  order.resize(entries.size());
  for (std::size_t begin = 0; begin < entries.size();) {
    std::size_t end = begin + 1;
    while (end < entries.size() && entries[end].key == entries[begin].key)
      ++end;
    if (end - begin > 1) {
      std::sort(entries.begin() + static_cast<std::ptrdiff_t>(begin),
                entries.begin() + static_cast<std::ptrdiff_t>(end),
                [this](const Entry& a, const Entry& b) {
                  return values_[static_cast<std::size_t>(a.index)] <
                         values_[static_cast<std::size_t>(b.index)];
                });
    }
    for (std::size_t position = begin; position < end; ++position)
      order[position] = entries[position].index;
    begin = end;
  }
  ordered_ = true;
  return order_;
}

}  // namespace loom::io::detail
