#pragma once
// Score against training-set size, as sklearn.model_selection.learning_curve (no shuffle): for
// each size, each fold's pipeline is fitted on the first `size` rows of the fold's training
// rows and scored on its test rows (and on those training rows). Fractions in (0, 1] are of the
// first fold's training rows, truncated and made unique as scikit-learn does. Tells whether
// more data would help. Throws ParameterError for sizes out of range, and what
// cross-validation throws.
#include <span>
#include <string>
#include <vector>

#include "loom/tuning/cross_validate.hpp"

namespace loom::tuning {

struct LearningCurve {
  std::vector<std::size_t> train_sizes;
  std::vector<std::vector<double>> train_scores;  // [size][fold]
  std::vector<std::vector<double>> test_scores;   // [size][fold]
};

LearningCurve learning_curve(const pipeline::Pipeline& pipeline, const Dataset& x, const Column& y,
                             std::span<const Split> folds, std::span<const double> train_sizes,
                             const std::string& scoring = {}, int n_jobs = 1);

}  // namespace loom::tuning
