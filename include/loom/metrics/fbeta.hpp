#pragma once
// F-beta score, as sklearn.metrics.fbeta_score: (1 + beta²)·P·R / (beta²·P + R) per class,
// combined as `average` says (binary, micro, macro, weighted). Undefined ratios count as 0
// (scikit-learn's default zero_division). Throws ParameterError for beta < 0 (or NaN) and as
// precision_score for labels that do not fit average=binary; DataError on bad inputs.
#include <span>
#include <string>
#include <string_view>

#include "loom/metrics/classification.hpp"

namespace loom::metrics {

double fbeta_score(std::span<const std::string> y_true, std::span<const std::string> y_pred,
                   double beta, Average average = Average::binary,
                   std::string_view pos_label = "1");
double fbeta_score(const ConfusionMatrix& matrix, double beta, Average average = Average::binary,
                   std::string_view pos_label = "1");

}  // namespace loom::metrics
