#include "loom/metrics/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "loom/core/error.hpp"
#include "loom/metrics/classification.hpp"
#include "loom/metrics/detail/checks.hpp"
#include "loom/metrics/labels.hpp"
#include "loom/metrics/regression.hpp"

namespace loom::metrics {
namespace {

// NaN (an undefined metric such as kappa on a single class) has no JSON form: null.
nlohmann::json number_or_null(double value) {
  return std::isnan(value) ? nlohmann::json(nullptr) : nlohmann::json(value);
}

nlohmann::json confusion_matrix_json(const ConfusionMatrix& matrix) {
  nlohmann::json labels = nlohmann::json::array();
  for (const auto& label : matrix.labels)
    labels.push_back(label_to_json(label));
  nlohmann::json rows = nlohmann::json::array();
  for (Eigen::Index row = 0; row < matrix.counts.rows(); ++row) {
    nlohmann::json counts = nlohmann::json::array();
    for (Eigen::Index column = 0; column < matrix.counts.cols(); ++column)
      counts.push_back(matrix.counts(row, column));
    rows.push_back(std::move(counts));
  }
  return {{"labels", std::move(labels)}, {"matrix", std::move(rows)}};
}

// The positive-class metrics of a two-class problem with probabilities.
void add_binary_metrics(nlohmann::json& report, const ConfusionMatrix& matrix,
                        std::span<const std::string> y_true, const Eigen::MatrixXd& probabilities,
                        std::span<const std::string> classes, const std::string& positive) {
  report["precision"] = precision_score(matrix, Average::binary, positive);
  report["recall"] = recall_score(matrix, Average::binary, positive);
  report["f1"] = f1_score(matrix, Average::binary, positive);
  const auto column = static_cast<Eigen::Index>(
      std::find(classes.begin(), classes.end(), positive) - classes.begin());
  const Eigen::VectorXd scores = probabilities.col(column);
  const std::span<const double> positive_scores(scores.data(),
                                                static_cast<std::size_t>(scores.size()));
  const bool both_classes_true = unique_labels(y_true).size() == 2;
  report["roc_auc"] = both_classes_true
                          ? nlohmann::json(roc_auc_score(y_true, positive_scores, positive))
                          : nlohmann::json(nullptr);
  report["average_precision"] = average_precision_score(y_true, positive_scores, positive);
  report["log_loss"] = log_loss(y_true, probabilities, classes);
}

}  // namespace

nlohmann::json label_to_json(std::string_view label) {
  const auto number = label_as_number(label);
  if (!number || !std::isfinite(*number)) return std::string(label);
  // Integers print without ".0", as they appear in a CSV file.
  if (std::trunc(*number) == *number && std::abs(*number) < 9.0e15) {
    return static_cast<std::int64_t>(*number);
  }
  return *number;
}

nlohmann::json classification_report_json(std::span<const std::string> y_true,
                                          std::span<const std::string> y_pred,
                                          const Eigen::MatrixXd* probabilities,
                                          std::span<const std::string> classes) {
  constexpr std::string_view kCaller = "classification_report_json";
  detail::check_pair(kCaller, "y_true", y_true.size(), "y_pred", y_pred.size());
  if (probabilities != nullptr) {
    detail::check_same_length(kCaller, "y_true", y_true.size(), "probabilities",
                              static_cast<std::size_t>(probabilities->rows()));
    if (classes.size() != static_cast<std::size_t>(probabilities->cols())) {
      throw ParameterError(
          fmt::format("{}: probabilities have {} columns but {} classes were given", kCaller,
                      probabilities->cols(), classes.size()));
    }
  }
  const ConfusionMatrix matrix = confusion_matrix(y_true, y_pred);
  nlohmann::json report = {
      {"accuracy", accuracy_score(matrix)},
      {"balanced_accuracy", balanced_accuracy_score(matrix)},
      {"precision_macro", precision_score(matrix, Average::macro)},
      {"recall_macro", recall_score(matrix, Average::macro)},
      {"f1_macro", f1_score(matrix, Average::macro)},
      {"f1_weighted", f1_score(matrix, Average::weighted)},
      {"cohen_kappa", number_or_null(cohen_kappa_score(matrix))},
      {"matthews_corrcoef", number_or_null(matthews_corrcoef(matrix))},
      {"confusion_matrix", confusion_matrix_json(matrix)},
  };
  if (probabilities == nullptr) return report;
  std::vector<std::string> all_labels = matrix.labels;
  all_labels.insert(all_labels.end(), classes.begin(), classes.end());
  sort_labels(all_labels);
  // Binary: the model's two classes cover every label seen.
  if (classes.size() == 2 && all_labels.size() == 2) {
    add_binary_metrics(report, matrix, y_true, *probabilities, classes, all_labels.back());
  }
  return report;
}

nlohmann::json regression_report_json(std::span<const double> y_true,
                                      std::span<const double> y_pred) {
  return {
      {"r2", r2_score(y_true, y_pred)},
      {"mean_absolute_error", mean_absolute_error(y_true, y_pred)},
      {"mean_squared_error", mean_squared_error(y_true, y_pred)},
      {"root_mean_squared_error", root_mean_squared_error(y_true, y_pred)},
      {"median_absolute_error", median_absolute_error(y_true, y_pred)},
      {"explained_variance", explained_variance_score(y_true, y_pred)},
  };
}

}  // namespace loom::metrics
