#include "loom/metrics/multiclass_roc_auc.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "loom/core/error.hpp"
#include "loom/metrics/ranking.hpp"

namespace loom::metrics {

double roc_auc_ovr_score(std::span<const std::string> y_true, const Eigen::MatrixXd& probabilities,
                         std::span<const std::string> classes, Average average) {
  constexpr std::string_view kCaller = "roc_auc_score (multi_class=\"ovr\")";
  if (average != Average::macro && average != Average::weighted) {
    throw ParameterError(fmt::format("{}: average \"{}\" must be \"macro\" or \"weighted\"",
                                     kCaller, to_string(average)));
  }
  if (y_true.empty()) throw DataError(fmt::format("{}: y_true is empty", kCaller));
  if (static_cast<std::size_t>(probabilities.rows()) != y_true.size() ||
      static_cast<std::size_t>(probabilities.cols()) != classes.size()) {
    throw DataError(fmt::format(
        "{}: probabilities are {} x {}, expected {} rows (y_true) by {} columns (classes)", kCaller,
        probabilities.rows(), probabilities.cols(), y_true.size(), classes.size()));
  }
  for (Eigen::Index row = 0; row < probabilities.rows(); ++row) {
    const double sum = probabilities.row(row).sum();
    // numpy's allclose(1, sum): |sum - 1| <= 1e-8 + 1e-5 * |sum|.
    if (!(std::abs(sum - 1.0) <= 1e-8 + 1e-5 * std::abs(sum))) {
      throw DataError(fmt::format(
          "{}: probabilities of row {} sum to {}; one-vs-rest ROC AUC needs probabilities that "
          "sum to 1 over the classes",
          kCaller, row, sum));
    }
  }
  std::vector<std::size_t> support(classes.size(), 0);
  for (const auto& label : y_true) {
    const auto found = std::find(classes.begin(), classes.end(), label);
    if (found == classes.end()) {
      throw DataError(fmt::format("{}: y_true holds label \"{}\", which is not among the classes",
                                  kCaller, label));
    }
    ++support[static_cast<std::size_t>(found - classes.begin())];
  }
  double total = 0.0;
  double total_weight = 0.0;
  for (std::size_t k = 0; k < classes.size(); ++k) {
    std::vector<std::string> one_vs_rest;
    one_vs_rest.reserve(y_true.size());
    for (const auto& label : y_true)
      one_vs_rest.push_back(label == classes[k] ? "1" : "0");
    const Eigen::VectorXd column = probabilities.col(static_cast<Eigen::Index>(k));
    const double auc = roc_auc_score(
        one_vs_rest,
        std::span<const double>(column.data(), static_cast<std::size_t>(column.size())), "1");
    const double weight = average == Average::weighted ? static_cast<double>(support[k]) : 1.0;
    total += weight * auc;
    total_weight += weight;
  }
  return total / total_weight;
}

}  // namespace loom::metrics
