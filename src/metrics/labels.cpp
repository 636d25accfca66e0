#include "loom/metrics/labels.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>

#include "loom/metrics/detail/label_table.hpp"

namespace loom::metrics {

std::optional<double> label_as_number(std::string_view label) {
  const char* first = label.data();
  const char* last = label.data() + label.size();
  // from_chars rejects a leading '+', which CSV readers (and pandas) accept.
  if (first != last && *first == '+') ++first;
  if (first == last || *first == '+') return std::nullopt;
  double value = 0.0;
  const auto [end, error] = std::from_chars(first, last, value);
  if (error != std::errc() || end != last || std::isnan(value)) return std::nullopt;
  return value;
}

void sort_labels(std::vector<std::string>& labels) {
  std::vector<double> numbers;
  numbers.reserve(labels.size());
  for (const auto& label : labels) {
    const auto number = label_as_number(label);
    if (!number) break;
    numbers.push_back(*number);
  }
  if (numbers.size() == labels.size()) {
    std::vector<std::size_t> order(labels.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      if (numbers[a] != numbers[b]) return numbers[a] < numbers[b];
      return labels[a] < labels[b];
    });
    std::vector<std::string> sorted;
    sorted.reserve(labels.size());
    for (const std::size_t index : order)
      sorted.push_back(std::move(labels[index]));
    labels = std::move(sorted);
  } else {
    std::sort(labels.begin(), labels.end());
  }
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
}

std::vector<std::string> unique_labels(std::span<const std::string> first,
                                       std::span<const std::string> second) {
  detail::LabelTable table;
  for (const auto& label : first)
    table.code(label);
  for (const auto& label : second)
    table.code(label);
  std::vector<std::string> labels(table.labels().begin(), table.labels().end());
  sort_labels(labels);
  return labels;
}

namespace detail {

std::int32_t LabelTable::code(std::string_view label) {
  const std::int32_t existing = find(label);
  if (existing >= 0) return existing;
  const auto new_code = static_cast<std::int32_t>(labels_.size());
  labels_.push_back(label);
  if (labels_.size() > kLinearScanLimit) {
    if (index_.empty()) {
      for (std::size_t index = 0; index < labels_.size(); ++index)
        index_.emplace(labels_[index], static_cast<std::int32_t>(index));
    } else {
      index_.emplace(label, new_code);
    }
  }
  return new_code;
}

std::int32_t LabelTable::find(std::string_view label) const {
  if (labels_.size() <= kLinearScanLimit) {
    for (std::size_t index = 0; index < labels_.size(); ++index) {
      if (labels_[index] == label) return static_cast<std::int32_t>(index);
    }
    return -1;
  }
  const auto found = index_.find(label);
  return found == index_.end() ? -1 : found->second;
}

}  // namespace detail
}  // namespace loom::metrics
