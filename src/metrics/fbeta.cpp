#include "loom/metrics/fbeta.hpp"

#include <fmt/format.h>

#include <cmath>

#include "loom/core/error.hpp"

namespace loom::metrics {
namespace {

// scikit-learn 1.2's _prf: the F-score from zero-filled precision and recall.
double fbeta_from(double precision, double recall, double beta2) {
  if (std::isinf(beta2)) return recall;
  double denominator = beta2 * precision + recall;
  if (denominator == 0.0) denominator = 1.0;
  return (1.0 + beta2) * precision * recall / denominator;
}

}  // namespace

double fbeta_score(const ConfusionMatrix& matrix, double beta, Average average,
                   std::string_view pos_label) {
  if (!(beta >= 0.0)) {
    throw ParameterError(fmt::format("fbeta_score: parameter beta = {} must be >= 0", beta));
  }
  const double beta2 = beta * beta;
  if (average == Average::binary || average == Average::micro) {
    // precision_score / recall_score check the labels and pick the class (or the totals).
    const double precision = precision_score(matrix, average, pos_label);
    const double recall = recall_score(matrix, average, pos_label);
    return fbeta_from(precision, recall, beta2);
  }
  if (matrix.total() <= 0) {
    throw DataError("fbeta_score: the confusion matrix counts no sample");
  }
  const ClassScores per_class = precision_recall_fscore_support(matrix);
  double total = 0.0;
  double total_weight = 0.0;
  for (std::size_t i = 0; i < per_class.labels.size(); ++i) {
    const double weight =
        average == Average::weighted ? static_cast<double>(per_class.support[i]) : 1.0;
    total += weight * fbeta_from(per_class.precision[i], per_class.recall[i], beta2);
    total_weight += weight;
  }
  return total_weight == 0.0 ? 0.0 : total / total_weight;
}

double fbeta_score(std::span<const std::string> y_true, std::span<const std::string> y_pred,
                   double beta, Average average, std::string_view pos_label) {
  return fbeta_score(confusion_matrix(y_true, y_pred), beta, average, pos_label);
}

}  // namespace loom::metrics
