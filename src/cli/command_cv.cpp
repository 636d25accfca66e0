// loom cv --spec SPEC.json --data FILE.csv --target COL [--cv K] [--scoring NAME]
// [--shuffle --seed S]: {"scoring", "scores", "mean", "std"} (CLI.md), scikit-learn's folds.
#include <fmt/format.h>

#include <cstdio>

#include "commands.hpp"
#include "common.hpp"
#include "loom/tuning/cross_validate.hpp"
#include "tuning_flags.hpp"

namespace loom::cli {

int run_cv(const std::vector<std::string>& args) {
  const Arguments arguments("cv", args, tuning_flags({{"spec", true, false, true}}));
  if (arguments.help()) return print_usage("cv");
  const std::string& spec_path = arguments.value("spec");
  const pipeline::Pipeline pipeline = read_spec(spec_path);
  const std::string scoring = scoring_of(arguments, pipeline);
  const int n_jobs = n_jobs_of(arguments);
  const TuningData data = read_tuning_data(arguments, pipeline, spec_path);
  const auto folds = folds_of(arguments, pipeline, data.target);
  tuning::CrossValidateOptions options;
  options.scoring = {scoring};
  options.n_jobs = n_jobs;
  options.progress = progress_printer(arguments);
  const auto result = tuning::cross_validate(pipeline, data.features, data.target, folds, options);
  if (options.progress) std::fputs("\n", stderr);
  nlohmann::ordered_json out;
  out["scoring"] = scoring;
  out["scores"] = result.scores(scoring);
  out["mean"] = result.mean(scoring);
  out["std"] = result.std(scoring);
  out["fit_time"] = result.fit_time;
  print_json(out);
  return 0;
}

}  // namespace loom::cli
