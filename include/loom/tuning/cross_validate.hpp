#pragma once
// Cross-validation of a whole pipeline, as sklearn.model_selection.cross_validate: each fold
// fits a fresh, unfitted copy of the pipeline (rebuilt from its spec) on the training rows only
// (resamplers therefore touch training rows only) and scores it on the test rows with scorers
// named as scikit-learn's ("accuracy", "f1_macro", "neg_mean_squared_error"), keeping their
// sign. Folds run in parallel on n_jobs threads; results never depend on n_jobs. Throws
// ParameterError for an unknown scorer or a scorer that does not fit the predictor, DataError
// for a target that does not fit it, and whatever a step throws (naming the fold).
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loom/core/dataset.hpp"
#include "loom/core/progress.hpp"
#include "loom/pipeline/pipeline.hpp"
#include "loom/tuning/splitters.hpp"

namespace loom::tuning {

// "accuracy" for a pipeline ending in a classifier, "r2" otherwise (scikit-learn's default
// score). Throws ParameterError when the pipeline has no supervised predictor.
std::string default_scoring(const pipeline::Pipeline& pipeline);

// The folds scikit-learn's cross_val_score uses for cv = n_splits: StratifiedKFold for a
// classifier, KFold otherwise, shuffled with seed when shuffle is set.
std::vector<Split> default_folds(const pipeline::Pipeline& pipeline, const Column& y,
                                 int n_splits = 5, bool shuffle = false, std::uint32_t seed = 0);

// Threads for n_jobs: n_jobs itself when positive, else LOOM_NUM_THREADS or every core.
int resolve_n_jobs(int n_jobs);

// One fold of one candidate: the pipeline with extra parameters set, fitted on split.train,
// scored on split.test (and on split.train when asked).
struct FoldScores {
  std::vector<double> test_scores;   // one per scorer
  std::vector<double> train_scores;  // empty unless asked
  double fit_time = 0.0;             // seconds
  double score_time = 0.0;
};
FoldScores fit_and_score(const pipeline::Pipeline& pipeline, const Json& params, const Dataset& x,
                         const Column& y, const Split& split, std::span<const std::string> scoring,
                         bool with_train_scores = false);

// Checks the target: numeric for a regressor, no missing label (DataError naming it).
void check_target(const pipeline::Pipeline& pipeline, const Column& y);
// Checks every scorer name against the pipeline's predictor (ParameterError naming it).
void check_scoring(const pipeline::Pipeline& pipeline, std::span<const std::string> scoring);

struct CrossValidateOptions {
  std::vector<std::string> scoring;  // empty: default_scoring(pipeline)
  int n_jobs = 1;                    // <= 0: resolve_n_jobs
  bool return_train_score = false;
  ProgressCallback progress;  // stage "cross_validate", done / total folds
};

struct CrossValidateResult {
  std::vector<std::string> scoring;
  std::vector<std::vector<double>> test_scores;   // [scorer][fold]
  std::vector<std::vector<double>> train_scores;  // [scorer][fold], when asked
  std::vector<double> fit_time;                   // per fold, seconds
  std::vector<double> score_time;

  // The fold scores of a scorer (ParameterError if it was not computed).
  const std::vector<double>& scores(std::string_view scorer) const;
  double mean(std::string_view scorer) const;
  // Population standard deviation (ddof 0), as cv_results_.
  double std(std::string_view scorer) const;
};

CrossValidateResult cross_validate(const pipeline::Pipeline& pipeline, const Dataset& x,
                                   const Column& y, std::span<const Split> folds,
                                   const CrossValidateOptions& options = {});

// Mean and population standard deviation (ddof 0) of values.
double mean_of(std::span<const double> values);
double std_of(std::span<const double> values);

}  // namespace loom::tuning
