#pragma once
// The set of field values read as missing, checked once per field: a bit per marker length
// rules out most fields before any comparison.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "loom/io/csv.hpp"

namespace loom::io::detail {

class MissingMarkers {
 public:
  explicit MissingMarkers(const CsvOptions& options) {
    if (options.keep_default_na) {
      for (auto marker : kDefaultNaValues)
        add(std::string(marker));
    }
    for (const auto& marker : options.na_values)
      add(marker);
  }

  bool matches(std::string_view value) const {
    if (value.size() >= 64 || (length_bits_ >> value.size() & 1u) == 0) {
      return value.size() >= 64 && matches_long(value);
    }
    for (const auto& marker : markers_) {
      if (marker == value) return true;
    }
    return false;
  }

 private:
  void add(std::string marker) {
    if (marker.size() < 64) length_bits_ |= std::uint64_t{1} << marker.size();
    markers_.push_back(std::move(marker));
  }
  bool matches_long(std::string_view value) const {
    for (const auto& marker : markers_) {
      if (marker == value) return true;
    }
    return false;
  }

  std::vector<std::string> markers_;
  std::uint64_t length_bits_ = 0;
};

}  // namespace loom::io::detail
