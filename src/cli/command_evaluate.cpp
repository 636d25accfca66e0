// loom evaluate --model MODEL.json --data FILE.csv --target COL [--scoring NAME ...]:
// metrics keyed by scikit-learn scorer names without "neg_" (CLI.md).
#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "loom/metrics/report.hpp"
#include "loom/metrics/scorers.hpp"
#include "loom/pipeline/serialization.hpp"

namespace loom::cli {

namespace {
std::vector<std::string> as_strings(const Column& column) {
  std::vector<std::string> values;
  values.reserve(column.size());
  for (std::size_t row = 0; row < column.size(); ++row)
    values.push_back(column.value_string(row));
  return values;
}

std::vector<double> as_numbers(const Column& column, std::string_view what) {
  if (column.type() != ColumnType::numeric) {
    throw DataError(fmt::format("{} \"{}\" must be numeric for a regressor, found {}", what,
                                column.name(), to_string(column.type())));
  }
  return {column.numeric_values().begin(), column.numeric_values().end()};
}

// scikit-learn refuses NaN in y_true; so does evaluate, naming the column and the row.
void require_labels(const Column& labels, const std::string& path) {
  const std::size_t missing = labels.count_missing();
  if (missing == 0) return;
  std::size_t first = 0;
  while (!labels.is_missing(first))
    ++first;
  throw DataError(fmt::format(
      "{}: target column \"{}\" has {} missing value(s), the first in data row {}; evaluate "
      "needs a label on every row",
      path, labels.name(), missing, first + 1));
}
}  // namespace

// cluster_evaluation.cpp: inertia and silhouette of a fitted clusterer.
int run_evaluate_clusterer(const pipeline::Pipeline& pipeline, const Arguments& arguments,
                           const ModelInfo& info, const std::string& path);

int run_evaluate(const std::vector<std::string>& args) {
  const Arguments arguments("evaluate", args,
                            join(join({{"model", true, false, true},
                                       {"data", true, false, true},
                                       {"target"},
                                       {"scoring", true, true, false, true}},
                                      csv_flags()),
                                 common_flags()));
  if (arguments.help()) return print_usage("evaluate");
  for (const auto& name : arguments.values("scoring")) {
    if (!metrics::is_scorer(name)) {
      throw UsageError(fmt::format("loom evaluate: unknown scorer \"{}\" (scorers: {})", name,
                                   fmt::join(metrics::scorer_names(), ", ")));
    }
  }
  const std::string& path = arguments.value("model");
  const pipeline::Pipeline pipeline = pipeline::load(path);
  const ModelInfo info = model_info_from_json(pipeline::load_metadata(path), path);
  const Predictor* predictor = pipeline.predictor();
  if (predictor && !predictor->is_supervised()) {
    return run_evaluate_clusterer(pipeline, arguments, info, path);
  }
  if (!predictor) {
    throw Error(fmt::format("model \"{}\" has no supervised predictor to evaluate", path));
  }
  // As for fit: a supervised pipeline without --target is a spec error, not a usage error.
  if (!arguments.has("target")) {
    throw ParameterError(fmt::format(
        "model \"{}\" ends with {}, which needs labels to be evaluated; pass --target COLUMN", path,
        pipeline.step(pipeline.size() - 1).describe()));
  }
  // Unlike predict, the target keeps its training type: labels compare as written at fit.
  std::map<std::string, ColumnType> types = info.feature_types();
  const std::string& target = arguments.value("target");
  if (info.target && *info.target == target && info.schema.contains(target)) {
    types[target] = info.schema.at(target);
  }
  const Dataset data = read_data(arguments, types);
  auto [features, y_true] = split_target(data, target);
  if (info.target && features.has_column(*info.target)) {
    features = split_target(features, *info.target).first;
  }
  require_labels(y_true, arguments.value("data"));
  const Table transformed = pipeline.transform_features(features);
  const Column y_pred = predictor->predict(transformed);
  Json report;
  if (predictor->is_classifier()) {
    const auto truth = as_strings(y_true);
    const auto predicted = as_strings(y_pred);
    const auto classes = as_strings(predictor->classes());
    Eigen::MatrixXd probabilities;
    const bool with_probabilities = predictor->has_predict_proba();
    if (with_probabilities) probabilities = predictor->predict_proba(transformed);
    const Eigen::MatrixXd* probabilities_or_null = with_probabilities ? &probabilities : nullptr;
    report = metrics::classification_report_json(truth, predicted, probabilities_or_null, classes);
    // Scorers beyond the default report (f1_micro, neg_log_loss on many classes, ...).
    for (const auto& name : arguments.values("scoring")) {
      const std::string key(metrics::scorer_metric_name(name));
      if (report.contains(key) || !metrics::is_classification_scorer(name)) continue;
      const double value = metrics::score(name, truth, predicted, probabilities_or_null, classes);
      report[key] = name.starts_with("neg_") ? -value : value;
    }
  } else {
    const auto truth = as_numbers(y_true, "target");
    const auto predicted = as_numbers(y_pred, "prediction");
    report = metrics::regression_report_json(truth, predicted);
  }
  if (arguments.has("scoring")) {
    Json chosen = Json::object();
    for (const auto& name : arguments.values("scoring")) {
      const std::string key(metrics::scorer_metric_name(name));
      if (!report.contains(key)) {
        throw DataError(
            fmt::format("scorer \"{}\" does not apply to this {} and target", name, info.task));
      }
      chosen[key] = report[key];
    }
    report = chosen;
  }
  print_json(report);
  return 0;
}

}  // namespace loom::cli
