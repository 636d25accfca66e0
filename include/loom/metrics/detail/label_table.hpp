#pragma once
// Integer codes for string labels in order of first appearance; the metrics code their inputs
// once, then count over integers.
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace loom::metrics::detail {

class LabelTable {
 public:
  // The code of label, adding it when new. The string must outlive the table.
  std::int32_t code(std::string_view label);
  // The code of label, or -1 when absent.
  std::int32_t find(std::string_view label) const;
  // Distinct labels, indexed by code.
  const std::vector<std::string_view>& labels() const { return labels_; }

 private:
  // Few labels are the rule: a linear scan beats hashing until the table grows.
  static constexpr std::size_t kLinearScanLimit = 16;
  std::vector<std::string_view> labels_;
  std::unordered_map<std::string_view, std::int32_t> index_;
};

}  // namespace loom::metrics::detail
