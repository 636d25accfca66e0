#pragma once
// Collects the values of a non-numeric column as codes into a dictionary of distinct values
// (first-seen order, an open-addressing hash table of string views), with what joining and
// typing the column later needs: counts, word counts and sort keys per distinct value.
// join_string_columns (string_column_join.hpp) turns one or more of them into a Column.
#include <compare>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "loom/core/column.hpp"

namespace loom::io::detail {

class StringColumnBuilder {
 public:
  StringColumnBuilder();

  // stable: the view outlives the builder (it points into the file buffer); otherwise the
  // builder keeps its own copy of each new distinct value.
  void add(std::string_view value, bool stable) { add_hashed(value, stable, hash(value)); }
  // The same with hash(value) computed earlier, after prefetch(hash) had time to work.
  void add_hashed(std::string_view value, bool stable, std::uint64_t hash) {
    std::size_t slot = 0;
    std::int32_t code = find(value, hash, slot);
    if (code < 0) code = insert(value, stable, hash, slot);
    ++counts_[static_cast<std::size_t>(code)];
    codes_.push_back(code);
  }
  void add_missing() {
    codes_.push_back(Column::kMissingCode);
    ++n_missing_;
  }
  // Starts loading the hash-table slot of a value: with a million distinct values, the
  // table is far larger than the caches and each lookup would otherwise wait for memory.
  void prefetch(std::uint64_t hash) const {
#if defined(__GNUC__)
    __builtin_prefetch(slots_.data() + (hash & mask_));
#endif
  }
  static std::uint64_t hash(std::string_view value) {
    std::uint64_t hash = 0x9E3779B97F4A7C15ull ^ value.size();
    const char* p = value.data();
    std::size_t left = value.size();
    while (left >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, 8);
      hash = mix(hash ^ word);
      p += 8;
      left -= 8;
    }
    if (left > 0) {
      std::uint64_t word = 0;
      std::memcpy(&word, p, left);
      hash = mix(hash ^ word);
    }
    return hash;
  }
  // Room for rows rows; when the values so far are mostly distinct, also for as many
  // distinct values as that share predicts (growing a large table costs a cache miss per
  // value each time).
  void reserve(std::size_t rows);

  std::size_t size() const {
    return codes_.size();
  }
  std::size_t n_missing() const {
    return n_missing_;
  }
  std::size_t n_distinct() const {
    return values_.size();
  }
  // How many of other's distinct values this builder holds too.
  std::size_t count_shared(const StringColumnBuilder& other) const;

  // 16 leading bytes of a value as two big-endian integers, zero-padded: comparing keys
  // orders values as memcmp does, up to ties that the whole values break.
  struct SortKey {
    std::uint64_t high;
    std::uint64_t low;
    auto operator<=>(const SortKey&) const = default;
  };
  struct SortedValue {
    SortKey key;
    std::int32_t index;  // into values()
  };
  // The distinct values in string order, computed once; kept contiguous with their keys
  // so that merging the lists of several parts reads memory in order.
  const std::vector<SortedValue>& sorted_values();

  const auto& values() const {
    return values_;
  }
  const std::vector<std::size_t>& counts() const {
    return counts_;
  }
  const std::vector<std::uint32_t>& words() const {
    return words_;
  }
  const std::vector<std::int32_t>& codes() const {
    return codes_;
  }
  std::vector<std::int32_t>& codes() {
    return codes_;
  }

 private:
  // The code of a value, or -1 with slot set to where it would go.
  std::int32_t find(std::string_view value, std::uint64_t hash, std::size_t& slot) const {
    const std::uint64_t tag = hash >> 32;
    slot = hash & mask_;
    for (;;) {
      const std::uint64_t entry = slots_[slot];
      if (entry == 0) return -1;
      if ((entry >> 32) == tag) {
        const auto index = static_cast<std::uint32_t>(entry) - 1;
        const std::string_view known = values_[index];
        if (known.size() == value.size() &&
            std::memcmp(known.data(), value.data(), value.size()) == 0) {
          return static_cast<std::int32_t>(index);
        }
      }
      slot = (slot + 1) & mask_;
    }
  }
  static std::uint64_t mix(std::uint64_t x) {
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 31;
    x *= 0x94D049BB133111EBull;
    return x ^ (x >> 29);
  }
  static std::uint64_t slot_entry(std::uint64_t hash, std::size_t index) {
    return (hash >> 32) << 32 | (static_cast<std::uint64_t>(index) + 1);
  }
  static std::uint64_t sort_key(std::string_view value, std::size_t offset);
  std::int32_t insert(std::string_view value, bool stable, std::uint64_t hash, std::size_t slot);
  void rehash(std::size_t n_slots);

  std::vector<std::int32_t> codes_;       // per row; kMissingCode when missing
  std::vector<std::string_view> values_;  // distinct values, first-seen order
  std::vector<std::uint64_t> hashes_;     // per distinct value
  std::vector<std::size_t> counts_;       // rows per distinct value
  std::vector<std::uint32_t> words_;      // per distinct value
  std::vector<SortKey> sort_keys_;        // per distinct value
  // Open addressing: high 32 bits of the hash, then code + 1 (0 = empty), so that most
  // mismatches are rejected without reading values_.
  std::vector<std::uint64_t> slots_;
  std::size_t mask_ = 0;
  std::deque<std::string> owned_;    // copies of values that were not stable
  std::vector<SortedValue> sorted_;  // sorted_values(), once asked for
  bool sorted_ready_ = false;
  std::size_t n_missing_ = 0;
};

}  // namespace loom::io::detail
