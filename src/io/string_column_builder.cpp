#include "string_column_builder.hpp"

#include <algorithm>
#include <array>
#include <bit>

#include "loom/core/detail/memory.hpp"

namespace loom::io::detail {

namespace {
constexpr std::array<bool, 256> kIsSpace = [] {
  std::array<bool, 256> table{};
  for (const char c : {' ', '\t', '\n', '\r', '\f', '\v'})
    table[static_cast<unsigned char>(c)] = true;
  return table;
}();

// Words as Python's str.split() counts them: runs of non-whitespace (word starts).
std::size_t count_words(std::string_view value) {
  std::size_t words = 0;
  bool previous_space = true;
  for (const char c : value) {
    const bool space = kIsSpace[static_cast<unsigned char>(c)];
    words += previous_space && !space;
    previous_space = space;
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
  if (values_.size() * 2 > slots_.size()) rehash(slots_.size() * 2);
  return code;
}

void StringColumnBuilder::reserve(std::size_t rows) {
  codes_.reserve(rows);
  const std::size_t seen = codes_.size() - n_missing_;
  if (seen < 64 || values_.size() * 4 < seen) return;
  const std::size_t expected = rows / seen * values_.size() + values_.size();
  values_.reserve(expected);
  // Read at random on every dictionary hit: huge pages spare a TLB miss on each.
  loom::detail::advise_huge_pages(values_.data(), expected * sizeof(std::string_view));
  hashes_.reserve(expected);
  counts_.reserve(expected);
  words_.reserve(expected);
  sort_keys_.reserve(expected);
  std::size_t n_slots = slots_.size();
  while (n_slots < 2 * expected)
    n_slots *= 2;
  if (n_slots > slots_.size()) rehash(n_slots);
}

// The table is probed at random, so a large one is put on huge pages (advised before its
// first write): with 4 KiB pages nearly every probe would also miss the TLB (measured: 15-25%
// of the time of a column of a million distinct values).
void StringColumnBuilder::rehash(std::size_t n_slots) {
  std::vector<std::uint64_t> table;
  table.reserve(n_slots);
  loom::detail::advise_huge_pages(table.data(), n_slots * sizeof(std::uint64_t));
  table.assign(n_slots, 0);
  slots_.swap(table);
  mask_ = slots_.size() - 1;
  for (std::size_t index = 0; index < values_.size(); ++index) {
    std::size_t slot = hashes_[index] & mask_;
    while (slots_[slot] != 0)
      slot = (slot + 1) & mask_;
    slots_[slot] = slot_entry(hashes_[index], index);
  }
}

std::size_t StringColumnBuilder::count_shared(const StringColumnBuilder& other) const {
  std::size_t shared = 0;
  std::size_t slot = 0;
  for (std::size_t index = 0; index < other.values_.size(); ++index) {
    if (find(other.values_[index], other.hashes_[index], slot) >= 0) ++shared;
  }
  return shared;
}

// Eight bytes of a value from offset on, big-endian and zero-padded, so that comparing keys
// as integers orders values as memcmp does (ties broken on the whole value).
std::uint64_t StringColumnBuilder::sort_key(std::string_view value, std::size_t offset) {
  std::uint64_t key = 0;
  if (value.size() > offset) {
    std::memcpy(&key, value.data() + offset, std::min<std::size_t>(8, value.size() - offset));
  }
  if constexpr (std::endian::native == std::endian::little) {
#if defined(__GNUC__)
    return __builtin_bswap64(key);
#else
    std::uint64_t swapped = 0;
    for (int byte = 0; byte < 8; ++byte, key >>= 8)
      swapped = swapped << 8 | (key & 0xFF);
    return swapped;
#endif
  }
  return key;
}

// Sorting indices by their strings would chase a pointer into the file buffer on every
// comparison; sorting compact (16-byte prefix, index) entries first keeps that to ties.
const std::vector<StringColumnBuilder::SortedValue>& StringColumnBuilder::sorted_values() {
  if (sorted_ready_) return sorted_;
  sorted_.resize(values_.size());
  for (std::size_t index = 0; index < values_.size(); ++index) {
    sorted_[index] = {sort_keys_[index], static_cast<std::int32_t>(index)};
  }
  std::sort(sorted_.begin(), sorted_.end(),
            [](const SortedValue& a, const SortedValue& b) { return a.key < b.key; });
  for (std::size_t begin = 0; begin < sorted_.size();) {
    std::size_t end = begin + 1;
    while (end < sorted_.size() && sorted_[end].key == sorted_[begin].key)
      ++end;
    if (end - begin > 1) {
      std::sort(sorted_.begin() + static_cast<std::ptrdiff_t>(begin),
                sorted_.begin() + static_cast<std::ptrdiff_t>(end),
                [this](const SortedValue& a, const SortedValue& b) {
                  return values_[static_cast<std::size_t>(a.index)] <
                         values_[static_cast<std::size_t>(b.index)];
                });
    }
    begin = end;
  }
  sorted_ready_ = true;
  return sorted_;
}

}  // namespace loom::io::detail
