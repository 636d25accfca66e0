#include "loom/metrics/weighted_kappa.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "loom/core/error.hpp"
#include "loom/metrics/confusion_matrix.hpp"

namespace loom::metrics {

KappaWeights kappa_weights_from_string(std::string_view name) {
  if (name == "none") return KappaWeights::none;
  if (name == "linear") return KappaWeights::linear;
  if (name == "quadratic") return KappaWeights::quadratic;
  throw ParameterError(fmt::format(
      "cohen_kappa_score: weights \"{}\" must be \"none\", \"linear\" or \"quadratic\"", name));
}

double cohen_kappa_score(std::span<const std::string> y_true, std::span<const std::string> y_pred,
                         KappaWeights weights) {
  const ConfusionMatrix matrix = confusion_matrix(y_true, y_pred);
  const Eigen::Index n = matrix.counts.rows();
  const Eigen::MatrixXd counts = matrix.counts.cast<double>();
  const Eigen::VectorXd predicted = counts.colwise().sum().transpose();  // sum over axis 0
  const Eigen::VectorXd actual = counts.rowwise().sum();                 // sum over axis 1
  const double total = predicted.sum();
  double observed = 0.0;
  double expected = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < n; ++j) {
      const auto distance = std::abs(static_cast<long long>(i - j));
      double weight = 0.0;
      switch (weights) {
        case KappaWeights::none:
          weight = i == j ? 0.0 : 1.0;
          break;
        case KappaWeights::linear:
          weight = static_cast<double>(distance);
          break;
        case KappaWeights::quadratic:
          weight = static_cast<double>(distance * distance);
          break;
      }
      observed += weight * counts(i, j);
      expected += weight * (predicted(i) * actual(j) / total);
    }
  }
  return 1.0 - observed / expected;
}

}  // namespace loom::metrics
