#pragma once
// One-vs-rest ROC AUC of class probabilities, as sklearn.metrics.roc_auc_score with
// multi_class="ovr": each class's AUC against the rest, averaged (macro) or weighted by class
// support (weighted). probabilities: n x k in classes order (sorted labels, a model's classes_).
// Throws DataError when rows do not sum to 1, y_true holds a label outside classes or the
// sizes differ; ParameterError for an average other than macro / weighted.
#include <Eigen/Core>
#include <span>
#include <string>

#include "loom/metrics/classification.hpp"

namespace loom::metrics {

double roc_auc_ovr_score(std::span<const std::string> y_true, const Eigen::MatrixXd& probabilities,
                         std::span<const std::string> classes, Average average = Average::macro);

}  // namespace loom::metrics
