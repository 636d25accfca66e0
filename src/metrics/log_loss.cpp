#include "loom/metrics/log_loss.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <vector>

#include "loom/core/error.hpp"
#include "loom/metrics/detail/checks.hpp"
#include "loom/metrics/detail/label_table.hpp"
#include "loom/metrics/labels.hpp"

namespace loom::metrics {
namespace {

constexpr std::string_view kCaller = "log_loss";
constexpr double kEpsilon = std::numeric_limits<double>::epsilon();

double clip(double probability) {
  return std::clamp(probability, kEpsilon, 1.0 - kEpsilon);
}

// The classes in column order: the given list, or the sorted labels of y_true.
std::vector<std::string> class_list(std::span<const std::string> y_true,
                                    std::span<const std::string> classes) {
  if (classes.empty()) {
    std::vector<std::string> labels = unique_labels(y_true);
    if (labels.size() < 2) {
      throw DataError(
          fmt::format("{}: y_true contains only one label (\"{}\"); pass the classes explicitly",
                      kCaller, labels.front()));
    }
    return labels;
  }
  std::vector<std::string> list(classes.begin(), classes.end());
  detail::LabelTable table;
  for (const auto& label : list) {
    if (table.find(label) >= 0) {
      throw ParameterError(fmt::format("{}: class \"{}\" is listed twice", kCaller, label));
    }
    table.code(label);
  }
  if (list.size() < 2) {
    throw DataError(fmt::format("{}: needs at least two classes, got {}", kCaller, list.size()));
  }
  return list;
}

// The column of each sample's true class.
std::vector<std::int32_t> true_columns(std::span<const std::string> y_true,
                                       const std::vector<std::string>& classes) {
  detail::LabelTable table;
  for (const auto& label : classes)
    table.code(label);
  std::vector<std::int32_t> columns(y_true.size());
  for (std::size_t index = 0; index < y_true.size(); ++index) {
    columns[index] = table.find(y_true[index]);
    if (columns[index] < 0) {
      throw DataError(fmt::format("{}: y_true[{}] = \"{}\" is not one of the {} classes", kCaller,
                                  index, y_true[index], classes.size()));
    }
  }
  return columns;
}

// Binary loss from the probability of classes[1]: clip, then complete the row, then
// renormalise, in scikit-learn 1.2's order of operations.
double binary_loss(std::span<const std::int32_t> columns,
                   const std::function<double(std::size_t)>& positive_probability) {
  double loss = 0.0;
  for (std::size_t index = 0; index < columns.size(); ++index) {
    const double positive = clip(positive_probability(index));
    const double negative = 1.0 - positive;
    loss -= std::log((columns[index] == 1 ? positive : negative) / (negative + positive));
  }
  return loss / static_cast<double>(columns.size());
}

}  // namespace

double log_loss(std::span<const std::string> y_true, const Eigen::MatrixXd& probabilities,
                std::span<const std::string> classes) {
  detail::check_pair(kCaller, "y_true", y_true.size(), "probabilities",
                     static_cast<std::size_t>(probabilities.rows()));
  if (!probabilities.allFinite()) {
    throw DataError(fmt::format("{}: probabilities hold a NaN or infinite value", kCaller));
  }
  const std::vector<std::string> columns_classes = class_list(y_true, classes);
  const std::vector<std::int32_t> columns = true_columns(y_true, columns_classes);
  if (probabilities.cols() == 1 && columns_classes.size() == 2) {
    return binary_loss(
        columns, [&](std::size_t row) { return probabilities(static_cast<Eigen::Index>(row), 0); });
  }
  if (static_cast<std::size_t>(probabilities.cols()) != columns_classes.size()) {
    throw DataError(fmt::format("{}: probabilities have {} columns but there are {} classes",
                                kCaller, probabilities.cols(), columns_classes.size()));
  }
  double loss = 0.0;
  for (Eigen::Index row = 0; row < probabilities.rows(); ++row) {
    double row_sum = 0.0;
    for (Eigen::Index column = 0; column < probabilities.cols(); ++column)
      row_sum += clip(probabilities(row, column));
    const double true_probability =
        clip(probabilities(row, columns[static_cast<std::size_t>(row)]));
    loss -= std::log(true_probability / row_sum);
  }
  return loss / static_cast<double>(probabilities.rows());
}

double log_loss(std::span<const std::string> y_true, std::span<const double> positive_probability,
                std::span<const std::string> classes) {
  detail::check_pair(kCaller, "y_true", y_true.size(), "positive_probability",
                     positive_probability.size());
  detail::check_finite(kCaller, "positive_probability", positive_probability);
  std::vector<std::string> columns_classes = class_list(y_true, classes);
  if (columns_classes.size() != 2) {
    throw DataError(fmt::format(
        "{}: a positive-class probability needs two classes, got {}; pass an n x k matrix", kCaller,
        columns_classes.size()));
  }
  sort_labels(columns_classes);
  const std::vector<std::int32_t> columns = true_columns(y_true, columns_classes);
  return binary_loss(columns, [&](std::size_t row) { return positive_probability[row]; });
}

}  // namespace loom::metrics
