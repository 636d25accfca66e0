// loom fit --spec SPEC.json --data FILE.csv [--target COL] --model MODEL.json (CLI.md).
#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "loom/pipeline/serialization.hpp"

namespace loom::cli {

int run_fit(const std::vector<std::string>& args) {
  const Arguments arguments("fit", args,
                            join(join({{"spec", true, false, true},
                                       {"data", true, false, true},
                                       {"target"},
                                       {"model", true, false, true}},
                                      csv_flags()),
                                 common_flags()));
  if (arguments.help()) return print_usage("fit");
  const std::string& model_path = arguments.value("model");
  check_output_folder(model_path);
  pipeline::Pipeline pipeline = read_spec(arguments.value("spec"));
  const Predictor* predictor = pipeline.predictor();
  const bool supervised = predictor && predictor->is_supervised();
  if (supervised && !arguments.has("target")) {
    throw ParameterError(fmt::format(
        "spec \"{}\": the pipeline ends with {}, which needs labels; pass --target COLUMN",
        arguments.value("spec"), pipeline.step(pipeline.size() - 1).describe()));
  }
  const Dataset data = read_data(arguments);
  ModelInfo info;
  info.task = task_of(pipeline);
  Dataset features = data;
  Column labels;
  if (arguments.has("target")) {
    info.target = arguments.value("target");
    std::tie(features, labels) = split_target(data, *info.target);
  }
  for (const auto& column : features.columns())
    info.schema[column.name()] = column.type();
  if (info.target) info.schema[*info.target] = labels.type();
  const ProgressCallback progress = progress_printer(arguments);
  pipeline.set_progress_all(progress);
  pipeline.fit(features, info.target ? &labels : nullptr);
  if (progress) std::fputs("\n", stderr);
  pipeline::save(pipeline, model_path, model_info_to_json(info));
  return 0;
}

}  // namespace loom::cli
