#pragma once
// Cohen's kappa with disagreement weights, as sklearn.metrics.cohen_kappa_score(weights=...):
// none (0/1), linear (|i - j|) or quadratic ((i - j)²), with i, j positions in the sorted
// labels. Throws ParameterError for an unknown weights name, DataError on bad inputs.
#include <span>
#include <string>
#include <string_view>

namespace loom::metrics {

enum class KappaWeights { none, linear, quadratic };
// "none" | "linear" | "quadratic"; ParameterError otherwise.
KappaWeights kappa_weights_from_string(std::string_view name);

double cohen_kappa_score(std::span<const std::string> y_true, std::span<const std::string> y_pred,
                         KappaWeights weights);

}  // namespace loom::metrics
