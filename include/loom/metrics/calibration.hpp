#pragma once
// Reliability diagram of predicted probabilities, as sklearn.calibration.calibration_curve:
// probabilities binned into n_bins (uniform widths on [0, 1], or quantiles of y_prob), and per
// non-empty bin the fraction of positives (prob_true) and the mean probability (prob_pred).
// pos_label empty: the larger of the two labels. Throws DataError for probabilities outside
// [0, 1], more than two classes or bad inputs; ParameterError for n_bins < 1 or an unknown
// strategy.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace loom::metrics {

struct CalibrationCurve {
  std::vector<double> prob_true;
  std::vector<double> prob_pred;
};
CalibrationCurve calibration_curve(std::span<const std::string> y_true,
                                   std::span<const double> y_prob, int n_bins = 5,
                                   std::string_view strategy = "uniform",
                                   std::string_view pos_label = {});

}  // namespace loom::metrics
