#pragma once
// Classification metrics over predicted labels, as sklearn.metrics: accuracy, balanced
// accuracy, precision / recall / F1, Cohen's kappa and Matthews' correlation. Each takes either
// the label vectors or a ConfusionMatrix already counted. Undefined ratios (no predicted or no
// true sample of a class) count as 0, scikit-learn's default zero_division.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loom/metrics/confusion_matrix.hpp"
#include "loom/metrics/log_loss.hpp"
#include "loom/metrics/ranking.hpp"

namespace loom::metrics {

// How per-class scores combine, as scikit-learn's `average`: binary (the pos_label class only),
// micro (global counts), macro (unweighted mean over labels), weighted (mean weighted by true
// support).
enum class Average { binary, micro, macro, weighted };

// "binary" | "micro" | "macro" | "weighted"; the parser throws ParameterError otherwise.
std::string_view to_string(Average average);
Average average_from_string(std::string_view name);

// Fraction of samples predicted right (accuracy_score). balanced_accuracy_score: mean recall
// over the classes present in y_true. Throw DataError on empty or mismatched inputs.
double accuracy_score(std::span<const std::string> y_true, std::span<const std::string> y_pred);
double accuracy_score(const ConfusionMatrix& matrix);
double balanced_accuracy_score(std::span<const std::string> y_true,
                               std::span<const std::string> y_pred);
double balanced_accuracy_score(const ConfusionMatrix& matrix);

// Per-label precision, recall, F1 and true support, in matrix.labels order
// (precision_recall_fscore_support with average=None).
struct ClassScores {
  std::vector<std::string> labels;
  std::vector<double> precision;
  std::vector<double> recall;
  std::vector<double> f1;
  std::vector<std::int64_t> support;
};
ClassScores precision_recall_fscore_support(const ConfusionMatrix& matrix);

// precision_score / recall_score / f1_score. Average::binary scores the pos_label class and
// throws ParameterError when more than two labels occur or when pos_label is not one of two
// labels that occur; pos_label defaults to "1" as scikit-learn's. DataError on bad inputs.
double precision_score(std::span<const std::string> y_true, std::span<const std::string> y_pred,
                       Average average = Average::binary, std::string_view pos_label = "1");
double precision_score(const ConfusionMatrix& matrix, Average average = Average::binary,
                       std::string_view pos_label = "1");
double recall_score(std::span<const std::string> y_true, std::span<const std::string> y_pred,
                    Average average = Average::binary, std::string_view pos_label = "1");
double recall_score(const ConfusionMatrix& matrix, Average average = Average::binary,
                    std::string_view pos_label = "1");
double f1_score(std::span<const std::string> y_true, std::span<const std::string> y_pred,
                Average average = Average::binary, std::string_view pos_label = "1");
double f1_score(const ConfusionMatrix& matrix, Average average = Average::binary,
                std::string_view pos_label = "1");

// Agreement beyond chance (cohen_kappa_score; NaN when both sides use one single label, as
// scikit-learn) and the multiclass Matthews correlation (matthews_corrcoef; 0 when undefined).
// Throw DataError on empty or mismatched inputs.
double cohen_kappa_score(std::span<const std::string> y_true, std::span<const std::string> y_pred);
double cohen_kappa_score(const ConfusionMatrix& matrix);
double matthews_corrcoef(std::span<const std::string> y_true, std::span<const std::string> y_pred);
double matthews_corrcoef(const ConfusionMatrix& matrix);

}  // namespace loom::metrics
