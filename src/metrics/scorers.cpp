#include "loom/metrics/scorers.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>

#include "loom/core/error.hpp"
#include "loom/metrics/classification.hpp"
#include "loom/metrics/labels.hpp"
#include "loom/metrics/regression.hpp"

namespace loom::metrics {
namespace {

struct ScorerEntry {
  std::string_view name;
  bool classification;
  bool needs_probabilities;
};

constexpr std::array kScorers = {
    ScorerEntry{"accuracy", true, false},
    ScorerEntry{"balanced_accuracy", true, false},
    ScorerEntry{"f1", true, false},
    ScorerEntry{"f1_micro", true, false},
    ScorerEntry{"f1_macro", true, false},
    ScorerEntry{"f1_weighted", true, false},
    ScorerEntry{"precision", true, false},
    ScorerEntry{"precision_micro", true, false},
    ScorerEntry{"precision_macro", true, false},
    ScorerEntry{"precision_weighted", true, false},
    ScorerEntry{"recall", true, false},
    ScorerEntry{"recall_micro", true, false},
    ScorerEntry{"recall_macro", true, false},
    ScorerEntry{"recall_weighted", true, false},
    ScorerEntry{"roc_auc", true, true},
    ScorerEntry{"average_precision", true, true},
    ScorerEntry{"neg_log_loss", true, true},
    ScorerEntry{"r2", false, false},
    ScorerEntry{"neg_mean_absolute_error", false, false},
    ScorerEntry{"neg_mean_squared_error", false, false},
    ScorerEntry{"neg_root_mean_squared_error", false, false},
    ScorerEntry{"neg_median_absolute_error", false, false},
    ScorerEntry{"explained_variance", false, false},
};

const ScorerEntry& find_scorer(std::string_view scorer_name) {
  for (const auto& entry : kScorers) {
    if (entry.name == scorer_name) return entry;
  }
  throw ParameterError(fmt::format("unknown scorer \"{}\": expected one of {}", scorer_name,
                                   fmt::join(scorer_names(), ", ")));
}

// scikit-learn's default pos_label is 1; string labels (where scikit-learn would fail) and
// label sets without 1 take the larger label.
std::string binary_positive_label(std::span<const std::string> y_true,
                                  std::span<const std::string> y_pred,
                                  std::span<const std::string> classes) {
  std::vector<std::string> labels = unique_labels(y_true, y_pred);
  labels.insert(labels.end(), classes.begin(), classes.end());
  sort_labels(labels);
  if (std::find(labels.begin(), labels.end(), "1") != labels.end()) return "1";
  return labels.back();
}

// The probability column of the positive class: classes[1] of a two-class model, as
// scikit-learn's scorers select it.
std::vector<double> positive_column(std::string_view scorer_name,
                                    const Eigen::MatrixXd& probabilities) {
  if (probabilities.cols() != 2) {
    throw DataError(
        fmt::format("scorer \"{}\": needs the probabilities of a two-class model, got {} columns",
                    scorer_name, probabilities.cols()));
  }
  const Eigen::VectorXd column = probabilities.col(1);
  return {column.data(), column.data() + column.size()};
}

double probability_score(const ScorerEntry& entry, std::span<const std::string> y_true,
                         const Eigen::MatrixXd* probabilities,
                         std::span<const std::string> classes) {
  if (probabilities == nullptr) {
    throw ParameterError(fmt::format("scorer \"{}\" needs predicted probabilities", entry.name));
  }
  if (classes.size() != static_cast<std::size_t>(probabilities->cols())) {
    throw ParameterError(
        fmt::format("scorer \"{}\": probabilities have {} columns but {} classes were given",
                    entry.name, probabilities->cols(), classes.size()));
  }
  if (entry.name == "neg_log_loss") return -log_loss(y_true, *probabilities, classes);
  const std::vector<double> positive = positive_column(entry.name, *probabilities);
  if (entry.name == "roc_auc") return roc_auc_score(y_true, positive, classes[1]);
  return average_precision_score(y_true, positive, classes[1]);
}

}  // namespace

std::vector<std::string> scorer_names() {
  std::vector<std::string> names;
  for (const auto& entry : kScorers)
    names.emplace_back(entry.name);
  return names;
}

bool is_scorer(std::string_view scorer_name) {
  return std::any_of(kScorers.begin(), kScorers.end(),
                     [&](const ScorerEntry& entry) { return entry.name == scorer_name; });
}

bool is_classification_scorer(std::string_view scorer_name) {
  return find_scorer(scorer_name).classification;
}

bool scorer_needs_probabilities(std::string_view scorer_name) {
  return find_scorer(scorer_name).needs_probabilities;
}

std::string_view scorer_metric_name(std::string_view scorer_name) {
  const std::string_view name = find_scorer(scorer_name).name;
  return name.starts_with("neg_") ? name.substr(4) : name;
}

double score(std::string_view scorer_name, std::span<const std::string> y_true,
             std::span<const std::string> y_pred, const Eigen::MatrixXd* probabilities,
             std::span<const std::string> classes) {
  const ScorerEntry& entry = find_scorer(scorer_name);
  if (!entry.classification) {
    throw ParameterError(fmt::format(
        "scorer \"{}\" is a regression scorer; it needs numeric y_true and y_pred", entry.name));
  }
  if (entry.needs_probabilities) return probability_score(entry, y_true, probabilities, classes);
  const std::string_view name = entry.name;
  if (name == "accuracy") return accuracy_score(y_true, y_pred);
  if (name == "balanced_accuracy") return balanced_accuracy_score(y_true, y_pred);

  const ConfusionMatrix matrix = confusion_matrix(y_true, y_pred);
  std::string pos_label = "1";
  Average average = Average::binary;
  if (name.ends_with("_micro")) {
    average = Average::micro;
  } else if (name.ends_with("_macro")) {
    average = Average::macro;
  } else if (name.ends_with("_weighted")) {
    average = Average::weighted;
  } else {
    pos_label = binary_positive_label(y_true, y_pred, classes);
  }
  if (name.starts_with("f1")) return f1_score(matrix, average, pos_label);
  if (name.starts_with("precision")) return precision_score(matrix, average, pos_label);
  return recall_score(matrix, average, pos_label);
}

double score(std::string_view scorer_name, std::span<const double> y_true,
             std::span<const double> y_pred) {
  const ScorerEntry& entry = find_scorer(scorer_name);
  if (entry.classification) {
    throw ParameterError(
        fmt::format("scorer \"{}\" is a classification scorer; it needs class labels", entry.name));
  }
  const std::string_view name = entry.name;
  if (name == "r2") return r2_score(y_true, y_pred);
  if (name == "explained_variance") return explained_variance_score(y_true, y_pred);
  if (name == "neg_mean_absolute_error") return -mean_absolute_error(y_true, y_pred);
  if (name == "neg_mean_squared_error") return -mean_squared_error(y_true, y_pred);
  if (name == "neg_root_mean_squared_error") return -root_mean_squared_error(y_true, y_pred);
  return -median_absolute_error(y_true, y_pred);
}

}  // namespace loom::metrics
