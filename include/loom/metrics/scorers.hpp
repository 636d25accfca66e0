#pragma once
// Metrics by scikit-learn scorer name ("accuracy", "f1_macro", "neg_log_loss", "r2", ...) with
// scikit-learn's sign convention: higher is better, so error metrics come negated under a
// "neg_" name. Used by cross-validation, searches and `loom evaluate --scoring`.
#include <Eigen/Core>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace loom::metrics {

// Every scorer name loom knows, classification ones first.
std::vector<std::string> scorer_names();
bool is_scorer(std::string_view scorer_name);

// What a scorer needs. Both throw ParameterError listing the valid names for an unknown name.
bool is_classification_scorer(std::string_view scorer_name);
bool scorer_needs_probabilities(std::string_view scorer_name);

// The metric a scorer reports, without the "neg_" prefix ("neg_log_loss" -> "log_loss"), as
// `loom evaluate` prints it. Throws ParameterError for an unknown name.
std::string_view scorer_metric_name(std::string_view scorer_name);

// Scores class predictions. probabilities (n x k, columns in classes order, a model's classes_)
// is required by roc_auc, average_precision and neg_log_loss, which may get an empty y_pred.
// The binary scorers follow scikit-learn's defaults: f1 / precision / recall use pos_label "1"
// when it is a label (else the larger label); roc_auc and average_precision score the
// probability of the larger class (classes_[1]), average_precision with that same pos_label.
// Throws ParameterError for an unknown or regression scorer or missing probabilities, and
// whatever the metric throws.
double score(std::string_view scorer_name, std::span<const std::string> y_true,
             std::span<const std::string> y_pred, const Eigen::MatrixXd* probabilities = nullptr,
             std::span<const std::string> classes = {});

// Scores numeric predictions with a regression scorer (r2, neg_mean_absolute_error, ...).
// Throws ParameterError for an unknown or classification scorer, DataError as the metric does.
double score(std::string_view scorer_name, std::span<const double> y_true,
             std::span<const double> y_pred);

}  // namespace loom::metrics
