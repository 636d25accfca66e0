// loom search --spec SPEC.json --grid GRID.json --data FILE.csv --target COL [--cv K]
// [--scoring NAME] [--random N --seed S] --out RESULTS.json [--model BEST.json] (CLI.md).
#include <fmt/format.h>

#include <cstdio>

#include "commands.hpp"
#include "common.hpp"
#include "loom/io/atomic_file.hpp"
#include "loom/pipeline/serialization.hpp"
#include "loom/tuning/search.hpp"
#include "tuning_flags.hpp"

namespace loom::cli {

int run_search(const std::vector<std::string>& args) {
  const Arguments arguments("search", args,
                            tuning_flags({{"spec", true, false, true},
                                          {"grid", true, false, true},
                                          {"random"},
                                          {"out", true, false, true},
                                          {"model"}}));
  if (arguments.help()) return print_usage("search");
  const std::string& out_path = arguments.value("out");
  check_output_folder(out_path);
  if (arguments.has("model")) check_output_folder(arguments.value("model"));
  long long n_iter = 0;
  if (arguments.has("random")) {
    const std::string& text = arguments.value("random");
    std::size_t used = 0;
    try {
      n_iter = std::stoll(text, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != text.size() || text.empty()) {
      throw UsageError(
          fmt::format("--random takes a whole number of candidates, found \"{}\"", text));
    }
    if (n_iter < 1) throw ParameterError(fmt::format("--random = {} must be at least 1", n_iter));
  }
  const std::string& spec_path = arguments.value("spec");
  const pipeline::Pipeline pipeline = read_spec(spec_path);
  const Json grid = read_json_file(arguments.value("grid"), "grid");
  std::vector<Json> candidates;
  try {
    candidates = n_iter > 0 ? tuning::parameter_sampler(grid, static_cast<std::size_t>(n_iter),
                                                        seed_of(arguments))
                            : tuning::parameter_grid(grid);
  } catch (const ParameterError& error) {
    throw ParameterError(
        fmt::format("grid file \"{}\": {}", arguments.value("grid"), error.what()));
  }
  tuning::SearchOptions options;
  options.scoring = scoring_of(arguments, pipeline);
  options.n_jobs = n_jobs_of(arguments);
  options.refit = arguments.has("model");
  const TuningData data = read_tuning_data(arguments, pipeline, spec_path);
  const auto folds = folds_of(arguments, pipeline, data.target);
  options.progress = progress_printer(arguments);
  const tuning::SearchResult result =
      tuning::search_candidates(pipeline, candidates, data.features, data.target, folds, options);
  if (options.progress) std::fputs("\n", stderr);
  const bool as_csv = out_path.size() >= 4 && out_path.substr(out_path.size() - 4) == ".csv";
  const std::string text = as_csv ? result.to_csv() : result.to_json().dump(2) + "\n";
  io::write_file_atomically(out_path, [&](std::ostream& out) { out << text; });
  if (arguments.has("model")) {
    ModelInfo info;
    info.task = task_of(pipeline);
    info.target = arguments.value("target");
    for (const auto& column : data.features.columns())
      info.schema[column.name()] = column.type();
    info.schema[*info.target] = data.target.type();
    pipeline::save(*result.best_pipeline, arguments.value("model"), model_info_to_json(info));
  }
  return 0;
}

}  // namespace loom::cli
