// loom compare --specs A.json B.json ... --data FILE.csv --target COL [--cv K] [--scoring NAME]:
// [{"spec", "mean_score", "std_score"}, ...] ranked best first, same folds for every spec.
#include <fmt/format.h>

#include <cstdio>

#include "commands.hpp"
#include "common.hpp"
#include "loom/tuning/spot_check.hpp"
#include "tuning_flags.hpp"

namespace loom::cli {

int run_compare(const std::vector<std::string>& args) {
  const Arguments arguments("compare", args, tuning_flags({{"specs", true, false, true, true}}));
  if (arguments.help()) return print_usage("compare");
  const auto& spec_paths = arguments.values("specs");
  std::vector<tuning::SpotCheckCandidate> candidates;
  std::optional<bool> classifier;
  for (const auto& path : spec_paths) {
    tuning::SpotCheckCandidate candidate;
    candidate.name = path;
    candidate.pipeline = read_spec(path);
    const Predictor* predictor = candidate.pipeline.predictor();
    if (!predictor || !predictor->is_supervised()) {
      throw ParameterError(fmt::format(
          "spec \"{}\": the pipeline must end with a classifier or a regressor to be compared",
          path));
    }
    if (classifier && *classifier != predictor->is_classifier()) {
      throw ParameterError(fmt::format(
          "spec \"{}\" ends with a {}, but \"{}\" with a {}: compare needs the same kind of task",
          path, predictor->is_classifier() ? "classifier" : "regressor", spec_paths.front(),
          *classifier ? "classifier" : "regressor"));
    }
    classifier = predictor->is_classifier();
    candidates.push_back(std::move(candidate));
  }
  const pipeline::Pipeline& first = candidates.front().pipeline;
  tuning::SpotCheckOptions options;
  options.scoring = scoring_of(arguments, first);
  options.n_jobs = n_jobs_of(arguments);
  options.refit = false;
  const TuningData data = read_tuning_data(arguments, first, spec_paths.front());
  const auto folds = folds_of(arguments, first, data.target);
  options.progress = progress_printer(arguments);
  const auto result = tuning::spot_check(candidates, data.features, data.target, folds, options);
  if (options.progress) std::fputs("\n", stderr);
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& row : result.rows) {
    nlohmann::ordered_json entry;
    entry["spec"] = row.name;
    entry["mean_score"] = row.mean_score;
    entry["std_score"] = row.std_score;
    entry["scores"] = row.scores;
    entry["rank"] = row.rank;
    out.push_back(entry);
  }
  print_json(out);
  return 0;
}

}  // namespace loom::cli
