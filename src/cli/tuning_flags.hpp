#pragma once
// What loom cv, search and compare share (CLI.md): their common flags (--cv, --scoring,
// --shuffle, --seed, --n-jobs), reading the data with its target, and the folds
// (StratifiedKFold for classifiers, KFold for regressors, as cross_val_score).
#include <string>
#include <vector>

#include "arguments.hpp"
#include "loom/core/dataset.hpp"
#include "loom/pipeline/pipeline.hpp"
#include "loom/tuning/splitters.hpp"

namespace loom::cli {

// --cv K, --scoring NAME, --shuffle, --seed S, --n-jobs N, plus the CSV and common flags.
std::vector<FlagSpec> tuning_flags(std::vector<FlagSpec> own);

struct TuningData {
  Dataset features;
  Column target;
};
// Reads --data and splits off --target; a supervised pipeline without --target is a spec
// error (ParameterError naming the spec), a target with missing labels a DataError naming the
// column and the first such row.
TuningData read_tuning_data(const Arguments& arguments, const pipeline::Pipeline& pipeline,
                            const std::string& spec_path);

// --scoring (UsageError for an unknown scorer) or the pipeline's default.
std::string scoring_of(const Arguments& arguments, const pipeline::Pipeline& pipeline);
int n_jobs_of(const Arguments& arguments);
std::uint32_t seed_of(const Arguments& arguments);
// The folds --cv, --shuffle and --seed ask for.
std::vector<tuning::Split> folds_of(const Arguments& arguments, const pipeline::Pipeline& pipeline,
                                    const Column& target);

}  // namespace loom::cli
