// loom cluster --spec SPEC.json --data FILE.csv --out OUT.csv [--target COL]: fits a pipeline
// ending with a clusterer and writes each row's cluster (scikit-learn's fit_predict; CLI.md).
#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "loom/io/csv.hpp"
#include "loom/models/cluster/clusterer.hpp"

namespace loom::cli {

int run_cluster(const std::vector<std::string>& args) {
  const Arguments arguments("cluster", args,
                            join(join({{"spec", true, false, true},
                                       {"data", true, false, true},
                                       {"target"},
                                       {"out", true, false, true}},
                                      csv_flags()),
                                 common_flags()));
  if (arguments.help()) return print_usage("cluster");
  const std::string& out = arguments.value("out");
  check_output_folder(out);
  const std::string& spec = arguments.value("spec");
  pipeline::Pipeline pipeline = read_spec(spec);
  auto* clusterer = pipeline.size() == 0
                        ? nullptr
                        : dynamic_cast<models::Clusterer*>(&pipeline.step(pipeline.size() - 1));
  if (!clusterer) {
    throw ParameterError(fmt::format(
        "spec \"{}\": the last step must be a clusterer (KMeans, MiniBatchKMeans or DBSCAN), "
        "found {}",
        spec,
        pipeline.size() == 0 ? std::string("no steps")
                             : pipeline.step(pipeline.size() - 1).describe()));
  }
  Dataset features = read_data(arguments);
  if (arguments.has("target")) features = split_target(features, arguments.value("target")).first;
  const ProgressCallback progress = progress_printer(arguments);
  pipeline.set_progress_all(progress);
  pipeline.fit(features, nullptr);
  if (progress) std::fputs("\n", stderr);
  std::vector<int> labels = clusterer->labels();
  // MiniBatchKMeans with compute_labels = false keeps no labels: fit_predict then predicts.
  if (labels.size() != features.n_rows()) {
    const Column predicted = pipeline.predict(features);
    labels.assign(predicted.numeric_values().begin(), predicted.numeric_values().end());
  }
  io::write_csv(Dataset({models::cluster_column(labels, "cluster")}), out);
  return 0;
}

}  // namespace loom::cli
