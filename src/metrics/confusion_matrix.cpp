#include "loom/metrics/confusion_matrix.hpp"

#include <fmt/format.h>

#include "loom/core/error.hpp"
#include "loom/metrics/detail/checks.hpp"
#include "loom/metrics/detail/label_table.hpp"
#include "loom/metrics/labels.hpp"

namespace loom::metrics {
namespace {

constexpr std::string_view kCaller = "confusion_matrix";

void check_codes(std::string_view name, std::span<const std::int32_t> codes, std::size_t n_labels) {
  for (std::size_t index = 0; index < codes.size(); ++index) {
    if (codes[index] < 0 || static_cast<std::size_t>(codes[index]) >= n_labels) {
      throw DataError(fmt::format("{}: {}[{}] = {} is not a code of the {} labels (0..{})", kCaller,
                                  name, index, codes[index], n_labels,
                                  static_cast<std::int64_t>(n_labels) - 1));
    }
  }
}

// Counts over the sorted union of the labels of both inputs.
ConfusionMatrix count_over_union(std::span<const std::string> y_true,
                                 std::span<const std::string> y_pred) {
  detail::LabelTable table;
  std::vector<std::int32_t> true_codes(y_true.size());
  std::vector<std::int32_t> pred_codes(y_pred.size());
  for (std::size_t index = 0; index < y_true.size(); ++index)
    true_codes[index] = table.code(y_true[index]);
  for (std::size_t index = 0; index < y_pred.size(); ++index)
    pred_codes[index] = table.code(y_pred[index]);

  std::vector<std::string> labels(table.labels().begin(), table.labels().end());
  sort_labels(labels);
  // Codes follow first appearance; map them onto the sorted order.
  std::vector<std::int32_t> sorted_code(labels.size());
  for (std::size_t position = 0; position < labels.size(); ++position)
    sorted_code[static_cast<std::size_t>(table.find(labels[position]))] =
        static_cast<std::int32_t>(position);
  for (auto& code : true_codes)
    code = sorted_code[static_cast<std::size_t>(code)];
  for (auto& code : pred_codes)
    code = sorted_code[static_cast<std::size_t>(code)];
  return confusion_matrix(true_codes, pred_codes, std::move(labels));
}

// Counts over a given label list, leaving out samples with other labels.
ConfusionMatrix count_over_labels(std::span<const std::string> y_true,
                                  std::span<const std::string> y_pred,
                                  std::span<const std::string> labels) {
  detail::LabelTable table;
  for (const auto& label : labels) {
    if (table.find(label) >= 0) {
      throw ParameterError(fmt::format("{}: label \"{}\" is listed twice", kCaller, label));
    }
    table.code(label);
  }
  const auto n_labels = static_cast<Eigen::Index>(labels.size());
  ConfusionMatrix matrix{{labels.begin(), labels.end()}, CountMatrix::Zero(n_labels, n_labels)};
  bool any_true_label_listed = false;
  for (std::size_t index = 0; index < y_true.size(); ++index) {
    const std::int32_t true_code = table.find(y_true[index]);
    if (true_code < 0) continue;
    any_true_label_listed = true;
    const std::int32_t pred_code = table.find(y_pred[index]);
    if (pred_code >= 0) ++matrix.counts(true_code, pred_code);
  }
  if (!any_true_label_listed) {
    throw DataError(
        fmt::format("{}: none of the {} given labels occurs in y_true", kCaller, labels.size()));
  }
  return matrix;
}

}  // namespace

std::ptrdiff_t ConfusionMatrix::index_of(std::string_view label) const {
  for (std::size_t index = 0; index < labels.size(); ++index) {
    if (labels[index] == label) return static_cast<std::ptrdiff_t>(index);
  }
  return -1;
}

ConfusionMatrix confusion_matrix(std::span<const std::string> y_true,
                                 std::span<const std::string> y_pred,
                                 std::span<const std::string> labels) {
  detail::check_pair(kCaller, "y_true", y_true.size(), "y_pred", y_pred.size());
  if (labels.empty()) return count_over_union(y_true, y_pred);
  return count_over_labels(y_true, y_pred, labels);
}

ConfusionMatrix confusion_matrix(std::span<const std::int32_t> true_codes,
                                 std::span<const std::int32_t> pred_codes,
                                 std::vector<std::string> labels) {
  detail::check_pair(kCaller, "true_codes", true_codes.size(), "pred_codes", pred_codes.size());
  check_codes("true_codes", true_codes, labels.size());
  check_codes("pred_codes", pred_codes, labels.size());
  const auto n_labels = static_cast<Eigen::Index>(labels.size());
  ConfusionMatrix matrix{std::move(labels), CountMatrix::Zero(n_labels, n_labels)};
  std::int64_t* counts = matrix.counts.data();  // column-major: (i, j) at i + j * n
  for (std::size_t index = 0; index < true_codes.size(); ++index)
    ++counts[true_codes[index] + static_cast<std::ptrdiff_t>(pred_codes[index]) * n_labels];
  return matrix;
}

}  // namespace loom::metrics
