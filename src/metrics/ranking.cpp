#include "loom/metrics/ranking.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "loom/core/error.hpp"
#include "loom/metrics/detail/checks.hpp"
#include "loom/metrics/detail/label_table.hpp"
#include "loom/metrics/labels.hpp"

namespace loom::metrics {
namespace {

// The scores of positive and of negative samples, each sorted ascending.
struct SplitScores {
  std::vector<double> positive;
  std::vector<double> negative;
  std::vector<std::string> labels;  // of y_true, sorted
};

// Checks the inputs and picks the positive label: pos_label, or the larger label of y_true.
SplitScores split_by_label(std::string_view caller, std::span<const std::string> y_true,
                           std::span<const double> y_score, std::string_view pos_label) {
  detail::check_pair(caller, "y_true", y_true.size(), "y_score", y_score.size());
  detail::check_finite(caller, "y_score", y_score);
  detail::LabelTable table;
  for (const auto& label : y_true) {
    table.code(label);
    if (table.labels().size() > 2) {
      throw DataError(fmt::format(
          "{}: y_true has more than two classes (\"{}\", \"{}\", \"{}\", ...); only binary "
          "targets are supported",
          caller, table.labels()[0], table.labels()[1], table.labels()[2]));
    }
  }
  std::vector<std::string> labels(table.labels().begin(), table.labels().end());
  sort_labels(labels);
  std::string positive_label(pos_label);
  if (pos_label.empty()) {
    positive_label = labels.back();
  } else if (labels.size() == 2 && table.find(pos_label) < 0) {
    throw ParameterError(
        fmt::format("{}: pos_label \"{}\" is not a label of y_true (\"{}\", \"{}\")", caller,
                    pos_label, labels[0], labels[1]));
  }
  SplitScores split;
  split.labels = std::move(labels);
  for (std::size_t index = 0; index < y_true.size(); ++index) {
    (y_true[index] == positive_label ? split.positive : split.negative).push_back(y_score[index]);
  }
  std::sort(split.positive.begin(), split.positive.end());
  std::sort(split.negative.begin(), split.negative.end());
  return split;
}

// Walks the distinct scores from the highest down, calling step(new positives, new negatives)
// once per threshold: tied scores form one step, as scikit-learn's _binary_clf_curve.
template <typename Step>
void walk_thresholds(const SplitScores& split, Step step) {
  auto positive = split.positive.rbegin();
  auto negative = split.negative.rbegin();
  while (positive != split.positive.rend() || negative != split.negative.rend()) {
    double threshold = positive != split.positive.rend() ? *positive : *negative;
    if (negative != split.negative.rend()) threshold = std::max(threshold, *negative);
    double new_positives = 0.0;
    double new_negatives = 0.0;
    for (; positive != split.positive.rend() && *positive == threshold; ++positive)
      new_positives += 1.0;
    for (; negative != split.negative.rend() && *negative == threshold; ++negative)
      new_negatives += 1.0;
    step(new_positives, new_negatives);
  }
}

}  // namespace

double roc_auc_score(std::span<const std::string> y_true, std::span<const double> y_score,
                     std::string_view pos_label) {
  constexpr std::string_view kCaller = "roc_auc_score";
  const SplitScores split = split_by_label(kCaller, y_true, y_score, pos_label);
  if (split.positive.empty() || split.negative.empty()) {
    throw DataError(fmt::format(
        "{}: only one class present in y_true (\"{}\"); ROC AUC is not defined in that case",
        kCaller, y_true.front()));
  }
  double true_positives = 0.0;
  double area = 0.0;  // in units of (false positives) x (true positives)
  walk_thresholds(split, [&](double new_positives, double new_negatives) {
    area += new_negatives * (true_positives + 0.5 * new_positives);
    true_positives += new_positives;
  });
  return area /
         (static_cast<double>(split.positive.size()) * static_cast<double>(split.negative.size()));
}

double average_precision_score(std::span<const std::string> y_true, std::span<const double> y_score,
                               std::string_view pos_label) {
  constexpr std::string_view kCaller = "average_precision_score";
  const SplitScores split = split_by_label(kCaller, y_true, y_score, pos_label);
  if (pos_label.empty() && split.labels.size() < 2) {
    throw DataError(fmt::format(
        "{}: y_true holds only one class (\"{}\"); pass pos_label to say which is positive",
        kCaller, split.labels.front()));
  }
  // No positive sample: scikit-learn sets recall to 1 everywhere and the sum comes out 0.
  if (split.positive.empty()) return 0.0;
  double true_positives = 0.0;
  double predicted_positives = 0.0;
  double sum = 0.0;
  walk_thresholds(split, [&](double new_positives, double new_negatives) {
    true_positives += new_positives;
    predicted_positives += new_positives + new_negatives;
    sum += new_positives * (true_positives / predicted_positives);
  });
  return sum / static_cast<double>(split.positive.size());
}

}  // namespace loom::metrics
