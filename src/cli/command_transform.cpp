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
  const std::string& out = arguments.value("out");
  check_output_folder(out);
  if (arguments.has("model")) {
    const std::string& path = arguments.value("model");
    const pipeline::Pipeline pipeline = pipeline::load(path);
    ModelInfo info = model_info_from_json(pipeline::load_metadata(path), path);
    if (arguments.has("target")) info.target = arguments.value("target");
    Dataset data = read_data(arguments, info.feature_types());
    // The target is not a feature: dropped when present, as scikit-learn never saw it.
    if (info.target && data.has_column(*info.target)) {
      data = split_target(data, *info.target).first;
    }
    write_table(pipeline.transform_features(data), out);
    return 0;
  }
  pipeline::Pipeline pipeline = read_spec(arguments.value("spec"));
  const Predictor* predictor = pipeline.predictor();
  if (predictor && predictor->is_supervised() && !arguments.has("target")) {
    throw ParameterError(
        fmt::format("spec \"{}\": the pipeline ends with {}, which needs labels; "
                    "pass --target COLUMN",
                    arguments.value("spec"), pipeline.step(pipeline.size() - 1).describe()));
  }
  const Dataset data = read_data(arguments);
  Dataset features = data;
  Column labels;
  const bool with_target = arguments.has("target");
  if (with_target) std::tie(features, labels) = split_target(data, arguments.value("target"));
  const ProgressCallback progress = progress_printer(arguments);
  pipeline.set_progress_all(progress);
  // One output row per input row: resamplers and a final predictor only shape the fit.
  Table output;
  if (predictor || has_resampler(pipeline)) {
    pipeline.fit(features, with_target ? &labels : nullptr);
    output = pipeline.transform_features(features);
  } else {
    output = pipeline.fit_transform(features, with_target ? &labels : nullptr);
  }
  if (progress) std::fputs("\n", stderr);
  write_table(output, out);
  return 0;
}

}  // namespace loom::cli
