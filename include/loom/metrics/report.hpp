#pragma once
// The metric reports `loom evaluate` prints (CLI.md): every classification or regression
// metric of a set of predictions in one JSON object, keyed by scikit-learn scorer names without
// "neg_".
#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>

namespace loom::metrics {

// A label as JSON: a JSON number when it reads as one ("3" -> 3, "2.5" -> 2.5), else a string.
nlohmann::json label_to_json(std::string_view label);

// accuracy, balanced_accuracy, precision_macro, recall_macro, f1_macro, f1_weighted,
// cohen_kappa, matthews_corrcoef, confusion_matrix {"labels": [...], "matrix": [[...]]} (sorted
// union of y_true and y_pred, rows = true class); and when the labels of y_true, y_pred and
// classes make two classes and probabilities (n x k, in classes order) are given: precision,
// recall, f1 (positive = the larger label), roc_auc (null when y_true holds one class),
// average_precision and log_loss. NaN metrics are written as null. Throws DataError on empty
// or mismatched inputs, ParameterError when probabilities come without classes.
nlohmann::json classification_report_json(std::span<const std::string> y_true,
                                          std::span<const std::string> y_pred,
                                          const Eigen::MatrixXd* probabilities = nullptr,
                                          std::span<const std::string> classes = {});

// r2, mean_absolute_error, mean_squared_error, root_mean_squared_error, median_absolute_error,
// explained_variance. Throws DataError as the regression metrics do.
nlohmann::json regression_report_json(std::span<const double> y_true,
                                      std::span<const double> y_pred);

}  // namespace loom::metrics
