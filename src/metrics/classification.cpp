#include "loom/metrics/classification.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "loom/core/error.hpp"
#include "loom/metrics/detail/checks.hpp"

namespace loom::metrics {
namespace {

enum class Score { precision, recall, f1 };

std::string_view to_string(Score score) {
  switch (score) {
    case Score::precision:
      return "precision_score";
    case Score::recall:
      return "recall_score";
    case Score::f1:
      return "f1_score";
  }
  return "score";
}

void check_has_samples(std::string_view caller, const ConfusionMatrix& matrix) {
  if (matrix.total() <= 0) {
    throw DataError(fmt::format("{}: the confusion matrix counts no sample", caller));
  }
}

double divide_or_zero(double numerator, double denominator) {
  return denominator == 0.0 ? 0.0 : numerator / denominator;
}

// scikit-learn 1.2 forms F1 from the (zero-filled) precision and recall, not from the counts.
double f1_from(double precision, double recall) {
  const double denominator = precision + recall;
  return denominator == 0.0 ? 0.0 : 2.0 * precision * recall / denominator;
}

double pick(Score score, double precision, double recall) {
  switch (score) {
    case Score::precision:
      return precision;
    case Score::recall:
      return recall;
    case Score::f1:
      return f1_from(precision, recall);
  }
  return 0.0;
}

std::string quoted_labels(const std::vector<std::string>& labels) {
  std::string text;
  for (const auto& label : labels)
    text += fmt::format("{}\"{}\"", text.empty() ? "" : ", ", label);
  return text;
}

double binary_score(Score score, const ConfusionMatrix& matrix, std::string_view pos_label) {
  const auto n_labels = static_cast<Eigen::Index>(matrix.labels.size());
  std::vector<std::string> present;
  for (Eigen::Index index = 0; index < n_labels; ++index) {
    if (matrix.counts.row(index).sum() + matrix.counts.col(index).sum() > 0)
      present.push_back(matrix.labels[static_cast<std::size_t>(index)]);
  }
  if (present.size() > 2) {
    throw ParameterError(fmt::format(
        "{}: average=binary needs at most two labels but found {} ({}); use micro, macro or "
        "weighted",
        to_string(score), present.size(), quoted_labels(present)));
  }
  const std::ptrdiff_t position = matrix.index_of(pos_label);
  const bool pos_label_present =
      std::find(present.begin(), present.end(), pos_label) != present.end();
  if (!pos_label_present) {
    if (present.size() == 2) {
      throw ParameterError(
          fmt::format("{}: pos_label \"{}\" is not a valid label: expected one of {}",
                      to_string(score), pos_label, quoted_labels(present)));
    }
    return 0.0;  // scikit-learn scores an absent pos_label as zero_division = 0.
  }
  const auto row = static_cast<Eigen::Index>(position);
  const auto true_positives = static_cast<double>(matrix.counts(row, row));
  const double precision =
      divide_or_zero(true_positives, static_cast<double>(matrix.counts.col(row).sum()));
  const double recall =
      divide_or_zero(true_positives, static_cast<double>(matrix.counts.row(row).sum()));
  return pick(score, precision, recall);
}

double averaged_score(Score score, const ConfusionMatrix& matrix, Average average,
                      std::string_view pos_label) {
  check_has_samples(to_string(score), matrix);
  if (average == Average::binary) return binary_score(score, matrix, pos_label);
  if (average == Average::micro) {
    const Eigen::MatrixXd counts = matrix.counts.cast<double>();
    const double true_positives = counts.trace();
    // Over all labels every sample is both predicted and true once.
    const double precision = divide_or_zero(true_positives, counts.sum());
    const double recall = divide_or_zero(true_positives, counts.sum());
    return pick(score, precision, recall);
  }
  const ClassScores per_class = precision_recall_fscore_support(matrix);
  const std::vector<double>& values = score == Score::precision ? per_class.precision
                                      : score == Score::recall  ? per_class.recall
                                                                : per_class.f1;
  double total = 0.0;
  double total_weight = 0.0;
  for (std::size_t index = 0; index < values.size(); ++index) {
    const double weight =
        average == Average::weighted ? static_cast<double>(per_class.support[index]) : 1.0;
    total += weight * values[index];
    total_weight += weight;
  }
  return divide_or_zero(total, total_weight);
}

}  // namespace

std::string_view to_string(Average average) {
  switch (average) {
    case Average::binary:
      return "binary";
    case Average::micro:
      return "micro";
    case Average::macro:
      return "macro";
    case Average::weighted:
      return "weighted";
  }
  return "unknown";
}

Average average_from_string(std::string_view name) {
  for (const Average average :
       {Average::binary, Average::micro, Average::macro, Average::weighted}) {
    if (to_string(average) == name) return average;
  }
  throw ParameterError(
      fmt::format("unknown average \"{}\": expected binary, micro, macro or weighted", name));
}

double accuracy_score(std::span<const std::string> y_true, std::span<const std::string> y_pred) {
  detail::check_pair("accuracy_score", "y_true", y_true.size(), "y_pred", y_pred.size());
  std::size_t correct = 0;
  for (std::size_t index = 0; index < y_true.size(); ++index)
    correct += y_true[index] == y_pred[index] ? 1 : 0;
  return static_cast<double>(correct) / static_cast<double>(y_true.size());
}

double accuracy_score(const ConfusionMatrix& matrix) {
  check_has_samples("accuracy_score", matrix);
  return static_cast<double>(matrix.counts.trace()) / static_cast<double>(matrix.total());
}

double balanced_accuracy_score(std::span<const std::string> y_true,
                               std::span<const std::string> y_pred) {
  detail::check_pair("balanced_accuracy_score", "y_true", y_true.size(), "y_pred", y_pred.size());
  return balanced_accuracy_score(confusion_matrix(y_true, y_pred));
}

double balanced_accuracy_score(const ConfusionMatrix& matrix) {
  check_has_samples("balanced_accuracy_score", matrix);
  double recall_sum = 0.0;
  int n_classes = 0;
  for (Eigen::Index row = 0; row < matrix.counts.rows(); ++row) {
    const auto support = static_cast<double>(matrix.counts.row(row).sum());
    if (support == 0.0) continue;  // a class only predicted, never true, is left out
    recall_sum += static_cast<double>(matrix.counts(row, row)) / support;
    ++n_classes;
  }
  return n_classes == 0 ? 0.0 : recall_sum / n_classes;
}

ClassScores precision_recall_fscore_support(const ConfusionMatrix& matrix) {
  ClassScores scores;
  scores.labels = matrix.labels;
  for (Eigen::Index index = 0; index < matrix.counts.rows(); ++index) {
    const auto true_positives = static_cast<double>(matrix.counts(index, index));
    const std::int64_t support = matrix.counts.row(index).sum();
    const double precision =
        divide_or_zero(true_positives, static_cast<double>(matrix.counts.col(index).sum()));
    const double recall = divide_or_zero(true_positives, static_cast<double>(support));
    scores.precision.push_back(precision);
    scores.recall.push_back(recall);
    scores.f1.push_back(f1_from(precision, recall));
    scores.support.push_back(support);
  }
  return scores;
}

double precision_score(std::span<const std::string> y_true, std::span<const std::string> y_pred,
                       Average average, std::string_view pos_label) {
  detail::check_pair("precision_score", "y_true", y_true.size(), "y_pred", y_pred.size());
  return precision_score(confusion_matrix(y_true, y_pred), average, pos_label);
}

double precision_score(const ConfusionMatrix& matrix, Average average, std::string_view pos_label) {
  return averaged_score(Score::precision, matrix, average, pos_label);
}

double recall_score(std::span<const std::string> y_true, std::span<const std::string> y_pred,
                    Average average, std::string_view pos_label) {
  detail::check_pair("recall_score", "y_true", y_true.size(), "y_pred", y_pred.size());
  return recall_score(confusion_matrix(y_true, y_pred), average, pos_label);
}

double recall_score(const ConfusionMatrix& matrix, Average average, std::string_view pos_label) {
  return averaged_score(Score::recall, matrix, average, pos_label);
}

double f1_score(std::span<const std::string> y_true, std::span<const std::string> y_pred,
                Average average, std::string_view pos_label) {
  detail::check_pair("f1_score", "y_true", y_true.size(), "y_pred", y_pred.size());
  return f1_score(confusion_matrix(y_true, y_pred), average, pos_label);
}

double f1_score(const ConfusionMatrix& matrix, Average average, std::string_view pos_label) {
  return averaged_score(Score::f1, matrix, average, pos_label);
}

double cohen_kappa_score(std::span<const std::string> y_true, std::span<const std::string> y_pred) {
  detail::check_pair("cohen_kappa_score", "y_true", y_true.size(), "y_pred", y_pred.size());
  return cohen_kappa_score(confusion_matrix(y_true, y_pred));
}

double cohen_kappa_score(const ConfusionMatrix& matrix) {
  check_has_samples("cohen_kappa_score", matrix);
  const Eigen::MatrixXd counts = matrix.counts.cast<double>();
  const Eigen::VectorXd predicted = counts.colwise().sum().transpose();
  const Eigen::VectorXd actual = counts.rowwise().sum();
  const double total = counts.sum();
  // 1 - observed disagreement / disagreement expected by chance, as scikit-learn writes it.
  const Eigen::MatrixXd expected = predicted * actual.transpose() / total;
  const double observed_disagreement = total - counts.trace();
  const double expected_disagreement = expected.sum() - expected.trace();
  if (expected_disagreement == 0.0) return std::numeric_limits<double>::quiet_NaN();
  return 1.0 - observed_disagreement / expected_disagreement;
}

double matthews_corrcoef(std::span<const std::string> y_true, std::span<const std::string> y_pred) {
  detail::check_pair("matthews_corrcoef", "y_true", y_true.size(), "y_pred", y_pred.size());
  return matthews_corrcoef(confusion_matrix(y_true, y_pred));
}

double matthews_corrcoef(const ConfusionMatrix& matrix) {
  check_has_samples("matthews_corrcoef", matrix);
  const Eigen::MatrixXd counts = matrix.counts.cast<double>();
  const Eigen::VectorXd true_sum = counts.rowwise().sum();
  const Eigen::VectorXd pred_sum = counts.colwise().sum().transpose();
  const double n_samples = pred_sum.sum();
  const double covariance_true_pred = counts.trace() * n_samples - true_sum.dot(pred_sum);
  const double covariance_pred_pred = n_samples * n_samples - pred_sum.dot(pred_sum);
  const double covariance_true_true = n_samples * n_samples - true_sum.dot(true_sum);
  if (covariance_pred_pred * covariance_true_true == 0.0) return 0.0;
  return covariance_true_pred / std::sqrt(covariance_true_true * covariance_pred_pred);
}

}  // namespace loom::metrics
