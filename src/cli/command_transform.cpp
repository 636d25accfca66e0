// loom transform (--spec SPEC.json | --model MODEL.json) --data FILE.csv [--target COL]
// --out OUT.csv: the transformed matrix with scikit-learn's output feature names (CLI.md).
#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "loom/pipeline/serialization.hpp"

namespace loom::cli {

namespace {
bool has_resampler(const pipeline::Pipeline& pipeline) {
  for (std::size_t i = 0; i < pipeline.size(); ++i) {
    if (pipeline.step(i).kind() == StepKind::resampler) return true;
  }
  return false;
}
}  // namespace

int run_transform(const std::vector<std::string>& args) {
  const Arguments arguments("transform", args,
                            join(join({{"spec"},
                                       {"model"},
                                       {"data", true, false, true},
                                       {"target"},
                                       {"out", true, false, true}},
                                      csv_flags()),
                                 common_flags()));
  if (arguments.help()) return print_usage("transform");
  if (arguments.has("spec") == arguments.has("model")) {
    throw UsageError("loom transform: give exactly one of --spec or --model");
  }
  if (arguments.has("model")) {
    const std::string& path = arguments.value("model");
    const pipeline::Pipeline pipeline = pipeline::load(path);
    const ModelInfo info = model_info_from_json(pipeline::load_metadata(path), path);
    Dataset data = read_data(arguments, info.schema);
    std::string target = arguments.value_or("target", info.target.value_or(""));
    if (!target.empty() && data.has_column(target)) data = split_target(data, target).first;
    write_table(pipeline.transform_features(data), arguments.value("out"));
    return 0;
  }
  pipeline::Pipeline pipeline =
      pipeline::Pipeline::from_spec(read_json_file(arguments.value("spec"), "spec"));
  const Dataset data = read_data(arguments);
  Dataset features = data;
  Column labels;
  const bool with_target = arguments.has("target");
  if (with_target) std::tie(features, labels) = split_target(data, arguments.value("target"));
  pipeline.set_progress_all(progress_printer(arguments));
  const Predictor* predictor = pipeline.predictor();
  if (predictor && predictor->is_supervised() && !with_target) {
    throw ParameterError(fmt::format("spec \"{}\": the pipeline ends with {}, which needs --target",
                                     arguments.value("spec"),
                                     pipeline.step(pipeline.size() - 1).describe()));
  }
  // One output row per input row: resamplers and a final predictor only shape the fit.
  Table output;
  if (predictor || has_resampler(pipeline)) {
    pipeline.fit(features, with_target ? &labels : nullptr);
    output = pipeline.transform_features(features);
  } else {
    output = pipeline.fit_transform(features, with_target ? &labels : nullptr);
  }
  write_table(output, arguments.value("out"));
  return 0;
}

}  // namespace loom::cli
