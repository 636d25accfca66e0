#include "loom/tuning/learning_curve.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "loom/core/error.hpp"
#include "task_runner.hpp"

namespace loom::tuning {

LearningCurve learning_curve(const pipeline::Pipeline& pipeline, const Dataset& x, const Column& y,
                             std::span<const Split> folds, std::span<const double> train_sizes,
                             const std::string& scoring, int n_jobs) {
  if (folds.empty()) throw ParameterError("learning_curve: no folds given");
  if (train_sizes.empty()) throw ParameterError("learning_curve: no train_sizes given");
  const std::vector<std::string> scorers{scoring.empty() ? default_scoring(pipeline) : scoring};
  check_scoring(pipeline, scorers);
  check_target(pipeline, y);
  const std::size_t n_max = folds.front().train.size();
  std::vector<std::size_t> sizes;
  for (const double size : train_sizes) {
    if (!(size > 0.0 && size <= 1.0)) {
      throw ParameterError(fmt::format(
          "learning_curve: train size {} must be a fraction in (0, 1] of the {} training rows",
          size, n_max));
    }
    sizes.push_back(std::clamp<std::size_t>(
        static_cast<std::size_t>(size * static_cast<double>(n_max)), 1, n_max));
  }
  std::sort(sizes.begin(), sizes.end());
  sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());
  LearningCurve curve;
  curve.train_sizes = sizes;
  curve.train_scores.assign(sizes.size(), std::vector<double>(folds.size()));
  curve.test_scores.assign(sizes.size(), std::vector<double>(folds.size()));
  detail::run_tasks(
      sizes.size() * folds.size(), resolve_n_jobs(n_jobs),
      [&](std::size_t task) {
        const std::size_t s = task / folds.size();
        const std::size_t f = task % folds.size();
        Split subset;
        const std::size_t n = std::min(sizes[s], folds[f].train.size());
        subset.train.assign(folds[f].train.begin(),
                            folds[f].train.begin() + static_cast<std::ptrdiff_t>(n));
        subset.test = folds[f].test;
        detail::with_context(fmt::format("learning_curve: {} rows, fold {}", n, f + 1), [&] {
          const FoldScores scores =
              fit_and_score(pipeline, Json::object(), x, y, subset, scorers, true);
          curve.test_scores[s][f] = scores.test_scores[0];
          curve.train_scores[s][f] = scores.train_scores[0];
        });
      },
      {}, "learning_curve");
  return curve;
}

}  // namespace loom::tuning
