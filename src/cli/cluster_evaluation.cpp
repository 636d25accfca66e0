// loom evaluate for a fitted clusterer (CLI.md): inertia (k-means) and silhouette on the
// clusterer's input for the rows of the file, and adjusted_rand against --target if given.
#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "loom/metrics/clustering.hpp"
#include "loom/models/cluster/kmeans.hpp"
#include "loom/models/cluster/mini_batch_kmeans.hpp"

namespace loom::cli {

int run_evaluate_clusterer(const pipeline::Pipeline& pipeline, const Arguments& arguments,
                           const ModelInfo& info, const std::string& path) {
  if (arguments.has("scoring")) {
    throw DataError(fmt::format(
        "model \"{}\" is a clusterer: evaluate reports inertia and silhouette, not --scoring {}",
        path, arguments.value("scoring")));
  }
  Dataset features = read_data(arguments, info.feature_types());
  Column truth;
  const bool with_truth = arguments.has("target");
  if (with_truth) std::tie(features, truth) = split_target(features, arguments.value("target"));
  if (info.target && features.has_column(*info.target)) {
    features = split_target(features, *info.target).first;
  }
  const Table transformed = pipeline.transform_features(features);
  const Predictor& predictor = *pipeline.predictor();
  const Column predicted = predictor.predict(transformed);
  const std::vector<int> labels(predicted.numeric_values().begin(),
                                predicted.numeric_values().end());
  nlohmann::ordered_json report;
  Eigen::MatrixXd distances;
  if (const auto* kmeans = dynamic_cast<const models::KMeans*>(&predictor)) {
    distances = kmeans->transform(transformed);
  } else if (const auto* mini = dynamic_cast<const models::MiniBatchKMeans*>(&predictor)) {
    distances = mini->transform(transformed);
  }
  if (distances.size() > 0) {
    double inertia = 0.0;
    for (Eigen::Index i = 0; i < distances.rows(); ++i) {
      const double distance = distances(i, labels[static_cast<std::size_t>(i)]);
      inertia += distance * distance;
    }
    report["inertia"] = inertia;
  }
  report["silhouette"] = metrics::silhouette_score(transformed.to_dense("loom evaluate"), labels);
  if (with_truth) {
    std::vector<std::string> truth_labels, predicted_labels;
    for (std::size_t row = 0; row < truth.size(); ++row) {
      if (truth.is_missing(row)) {
        throw DataError(fmt::format("{}: target column \"{}\" is missing in data row {}",
                                    arguments.value("data"), truth.name(), row + 1));
      }
      truth_labels.push_back(truth.value_string(row));
      predicted_labels.push_back(std::to_string(labels[row]));
    }
    report["adjusted_rand"] = metrics::adjusted_rand_score(truth_labels, predicted_labels);
  }
  print_json(report);
  return 0;
}

}  // namespace loom::cli
