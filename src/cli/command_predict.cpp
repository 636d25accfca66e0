// loom predict --model MODEL.json --data FILE.csv --out OUT.csv [--proba] (CLI.md).
#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "loom/io/csv.hpp"
#include "loom/pipeline/serialization.hpp"

namespace loom::cli {

int run_predict(const std::vector<std::string>& args) {
  const Arguments arguments("predict", args,
                            join(join({{"model", true, false, true},
                                       {"data", true, false, true},
                                       {"out", true, false, true},
                                       {"proba", false}},
                                      csv_flags()),
                                 common_flags()));
  if (arguments.help()) return print_usage("predict");
  const std::string& out = arguments.value("out");
  check_output_folder(out);
  const std::string& path = arguments.value("model");
  const pipeline::Pipeline pipeline = pipeline::load(path);
  const ModelInfo info = model_info_from_json(pipeline::load_metadata(path), path);
  const Predictor* predictor = pipeline.predictor();
  if (!predictor) {
    throw Error(
        fmt::format("model \"{}\" has no predictor as its last step; use loom transform", path));
  }
  if (arguments.has("proba") && !predictor->has_predict_proba()) {
    throw Error(fmt::format("{} has no predict_proba; drop --proba",
                            pipeline.step(pipeline.size() - 1).describe()));
  }
  // The target column, if present, is ignored: its type is not forced, and it is dropped.
  Dataset data = read_data(arguments, info.feature_types());
  if (info.target && data.has_column(*info.target)) data = split_target(data, *info.target).first;
  const Table features = pipeline.transform_features(data);
  std::vector<Column> columns{predictor->predict(features).renamed("prediction")};
  if (arguments.has("proba")) {
    const Eigen::MatrixXd probabilities = predictor->predict_proba(features);
    const Column classes = predictor->classes();
    for (std::size_t k = 0; k < classes.size(); ++k) {
      const auto column = probabilities.col(static_cast<Eigen::Index>(k));
      columns.push_back(Column::numeric("proba_" + classes.value_string(k),
                                        std::vector<double>(column.begin(), column.end())));
    }
  }
  io::write_csv(Dataset(std::move(columns)), out);
  return 0;
}

}  // namespace loom::cli
