#include "loom/metrics/calibration.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "loom/core/error.hpp"
#include "loom/metrics/detail/checks.hpp"
#include "loom/metrics/labels.hpp"

namespace loom::metrics {
namespace {

// numpy's percentile(values, q), method "linear", with numpy's rounding: virtual index
// (n - 1) * q, and the interpolation taken from the nearer end.
double percentile(const std::vector<double>& sorted, double q) {
  const auto n = static_cast<double>(sorted.size());
  const double virtual_index = (n - 1.0) * q;
  if (virtual_index >= n - 1.0) return sorted.back();
  if (virtual_index < 0.0) return sorted.front();
  const double previous_index = std::floor(virtual_index);
  const double a = sorted[static_cast<std::size_t>(previous_index)];
  const double b = sorted[static_cast<std::size_t>(previous_index) + 1];
  const double gamma = virtual_index - previous_index;
  const double difference = b - a;
  return gamma >= 0.5 ? b - difference * (1.0 - gamma) : a + difference * gamma;
}

}  // namespace

CalibrationCurve calibration_curve(std::span<const std::string> y_true,
                                   std::span<const double> y_prob, int n_bins,
                                   std::string_view strategy, std::string_view pos_label) {
  constexpr std::string_view kCaller = "calibration_curve";
  detail::check_pair(kCaller, "y_true", y_true.size(), "y_prob", y_prob.size());
  detail::check_finite(kCaller, "y_prob", y_prob);
  if (n_bins < 1) {
    throw ParameterError(fmt::format("{}: parameter n_bins = {} must be >= 1", kCaller, n_bins));
  }
  if (strategy != "uniform" && strategy != "quantile") {
    throw ParameterError(
        fmt::format("{}: strategy \"{}\" must be \"uniform\" or \"quantile\"", kCaller, strategy));
  }
  for (std::size_t i = 0; i < y_prob.size(); ++i) {
    if (y_prob[i] < 0.0 || y_prob[i] > 1.0) {
      throw DataError(fmt::format("{}: y_prob[{}] = {} is outside [0, 1]", kCaller, i, y_prob[i]));
    }
  }
  const std::vector<std::string> labels = unique_labels(y_true);
  if (labels.size() > 2) {
    throw DataError(fmt::format("{}: only binary targets are supported; y_true has {} classes",
                                kCaller, labels.size()));
  }
  const std::string positive = pos_label.empty() ? labels.back() : std::string(pos_label);
  const std::size_t n_edges = static_cast<std::size_t>(n_bins) + 1;
  const double step = 1.0 / static_cast<double>(n_bins);
  std::vector<double> edges(n_edges);
  std::vector<double> sorted(y_prob.begin(), y_prob.end());
  std::sort(sorted.begin(), sorted.end());
  for (std::size_t i = 0; i < n_edges; ++i) {
    const double fraction = i + 1 == n_edges ? 1.0 : static_cast<double>(i) * step;
    edges[i] = strategy == "uniform" ? fraction : percentile(sorted, fraction * 100.0 / 100.0);
  }
  std::vector<double> sums(n_edges, 0.0);
  std::vector<double> trues(n_edges, 0.0);
  std::vector<double> totals(n_edges, 0.0);
  for (std::size_t i = 0; i < y_prob.size(); ++i) {
    // searchsorted(edges[1:-1], p, side="left"): the number of inner edges below p.
    const auto bin = static_cast<std::size_t>(
        std::lower_bound(edges.begin() + 1, edges.end() - 1, y_prob[i]) - (edges.begin() + 1));
    sums[bin] += y_prob[i];
    trues[bin] += y_true[i] == positive ? 1.0 : 0.0;
    totals[bin] += 1.0;
  }
  CalibrationCurve curve;
  for (std::size_t bin = 0; bin < n_edges; ++bin) {
    if (totals[bin] == 0.0) continue;
    curve.prob_true.push_back(trues[bin] / totals[bin]);
    curve.prob_pred.push_back(sums[bin] / totals[bin]);
  }
  return curve;
}

}  // namespace loom::metrics
