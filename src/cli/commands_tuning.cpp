// The tuning commands of the CLI (cv, search, compare; CLI.md), appended to the command table,
// and the flags they share.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <charconv>

#include "commands.hpp"
#include "common.hpp"
#include "loom/metrics/scorers.hpp"
#include "loom/tuning/cross_validate.hpp"
#include "tuning_flags.hpp"

namespace loom::cli {

int run_cv(const std::vector<std::string>& args);
int run_search(const std::vector<std::string>& args);
int run_compare(const std::vector<std::string>& args);

namespace {

long long integer_flag(const Arguments& arguments, std::string_view flag, long long fallback) {
  if (!arguments.has(flag)) return fallback;
  const std::string& text = arguments.value(flag);
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    throw UsageError(fmt::format("--{} takes a whole number, found \"{}\"", flag, text));
  }
  return value;
}

}  // namespace

std::vector<FlagSpec> tuning_flags(std::vector<FlagSpec> own) {
  std::vector<FlagSpec> flags = std::move(own);
  for (FlagSpec flag : std::vector<FlagSpec>{{"data", true, false, true},
                                             {"target"},
                                             {"cv"},
                                             {"scoring"},
                                             {"shuffle", false},
                                             {"seed"},
                                             {"n-jobs"}})
    flags.push_back(std::move(flag));
  return join(join(flags, csv_flags()), common_flags());
}

TuningData read_tuning_data(const Arguments& arguments, const pipeline::Pipeline& pipeline,
                            const std::string& spec_path) {
  const Predictor* predictor = pipeline.predictor();
  if (!predictor || !predictor->is_supervised()) {
    throw ParameterError(fmt::format(
        "spec \"{}\": the pipeline must end with a classifier or a regressor to be scored",
        spec_path));
  }
  if (!arguments.has("target")) {
    throw ParameterError(fmt::format(
        "spec \"{}\": the pipeline ends with {}, which needs labels; pass --target COLUMN",
        spec_path, pipeline.step(pipeline.size() - 1).describe()));
  }
  const Dataset data = read_data(arguments);
  auto [features, target] = split_target(data, arguments.value("target"));
  const std::size_t missing = target.count_missing();
  if (missing > 0) {
    std::size_t first = 0;
    while (!target.is_missing(first))
      ++first;
    throw DataError(fmt::format(
        "{}: target column \"{}\" has {} missing value(s), the first in data row {}; every row "
        "needs a label",
        arguments.value("data"), target.name(), missing, first + 1));
  }
  return {std::move(features), std::move(target)};
}

std::string scoring_of(const Arguments& arguments, const pipeline::Pipeline& pipeline) {
  if (!arguments.has("scoring")) return tuning::default_scoring(pipeline);
  const std::string& name = arguments.value("scoring");
  if (!metrics::is_scorer(name)) {
    throw UsageError(fmt::format("unknown scorer \"{}\" (scorers: {})", name,
                                 fmt::join(metrics::scorer_names(), ", ")));
  }
  return name;
}

int n_jobs_of(const Arguments& arguments) {
  const long long value = integer_flag(arguments, "n-jobs", 0);
  if (value > 1024 || value < -1) {
    throw ParameterError(fmt::format("--n-jobs = {} must be -1, 0 (default) or 1 to 1024", value));
  }
  return static_cast<int>(value);
}

std::uint32_t seed_of(const Arguments& arguments) {
  const long long value = integer_flag(arguments, "seed", 0);
  if (value < 0 || value > 4294967295LL) {
    throw ParameterError(fmt::format("--seed = {} must be in [0, 4294967295]", value));
  }
  return static_cast<std::uint32_t>(value);
}

std::vector<tuning::Split> folds_of(const Arguments& arguments, const pipeline::Pipeline& pipeline,
                                    const Column& target) {
  const long long k = integer_flag(arguments, "cv", 5);
  if (k < 2 || k > 1000000) {
    throw ParameterError(fmt::format("--cv = {} must be at least 2 (the number of folds)", k));
  }
  return tuning::default_folds(pipeline, target, static_cast<int>(k), arguments.has("shuffle"),
                               seed_of(arguments));
}

void add_tuning_commands(std::vector<Command>& table) {
  table.push_back(
      {"cv", "cross-validate a pipeline spec (scikit-learn's folds) and print the fold scores",
       "loom cv --spec SPEC.json --data FILE.csv --target COL [--cv K] [--scoring NAME]\n"
       "        [--shuffle --seed S] [--n-jobs N]",
       run_cv});
  table.push_back(
      {"search", "grid or random hyperparameter search over a pipeline spec",
       "loom search --spec SPEC.json --grid GRID.json --data FILE.csv --target COL [--cv K]\n"
       "        [--scoring NAME] [--random N --seed S] [--shuffle] [--n-jobs N]\n"
       "        --out RESULTS.json|RESULTS.csv [--model BEST.json]",
       run_search});
  table.push_back({"compare", "cross-validate several specs on the same folds, ranked best first",
                   "loom compare --specs A.json B.json ... --data FILE.csv --target COL [--cv K]\n"
                   "        [--scoring NAME] [--shuffle --seed S] [--n-jobs N]",
                   run_compare});
}

}  // namespace loom::cli
