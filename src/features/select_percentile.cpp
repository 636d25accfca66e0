#include "loom/features/select_percentile.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/features/detail/univariate_scores.hpp"

namespace loom::features {

const ParamTable<SelectPercentileParams>& SelectPercentileParams::table() {
  static const ParamTable<SelectPercentileParams> table{
      param("score_func", &SelectPercentileParams::score_func,
            one_of({"f_classif", "chi2", "f_regression"})),
      param("percentile", &SelectPercentileParams::percentile, between(0.0, 100.0)),
  };
  return table;
}

namespace {

// numpy.percentile(values, q) with the default "linear" method, operation for operation.
double numpy_percentile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  const double virtual_index = static_cast<double>(values.size() - 1) * (q / 100.0);
  const double previous = std::floor(virtual_index);
  const auto low = static_cast<std::size_t>(previous);
  const std::size_t high = std::min(low + 1, values.size() - 1);
  const double gamma = virtual_index - previous;
  const double a = values[low], b = values[high];
  const double difference = b - a;
  return gamma >= 0.5 ? b - difference * (1.0 - gamma) : a + difference * gamma;
}

}  // namespace

void SelectPercentile::fit(const Table& x, const Column* y) {
  validate_params();
  fitted_ = false;
  require_non_empty(x, describe());
  auto scores = detail::score_features(x, y, params_.score_func, describe());
  scores_ = std::move(scores.scores);
  pvalues_ = std::move(scores.pvalues);
  const auto n = static_cast<std::size_t>(scores_.size());
  const double percentile = params_.percentile;
  support_.assign(n, percentile == 100.0);
  if (percentile > 0.0 && percentile < 100.0) {
    std::vector<double> cleaned(n);
    for (std::size_t j = 0; j < n; ++j) {
      const double score = scores_(static_cast<Eigen::Index>(j));
      cleaned[j] = std::isnan(score) ? std::numeric_limits<double>::lowest() : score;
    }
    const double threshold = numpy_percentile(cleaned, 100.0 - percentile);
    std::vector<std::size_t> ties;
    std::int64_t n_selected = 0;
    for (std::size_t j = 0; j < n; ++j) {
      if (cleaned[j] > threshold) {
        support_[j] = true;
        ++n_selected;
      } else if (cleaned[j] == threshold) {
        ties.push_back(j);
      }
    }
    // ties[: max_feats - mask.sum()] with Python's slicing of a negative stop.
    const auto max_feats = static_cast<std::int64_t>(static_cast<double>(n) * percentile / 100.0);
    std::int64_t stop = max_feats - n_selected;
    const auto n_ties = static_cast<std::int64_t>(ties.size());
    if (stop < 0) stop = std::max<std::int64_t>(0, n_ties + stop);
    stop = std::min(stop, n_ties);
    for (std::int64_t t = 0; t < stop; ++t)
      support_[ties[static_cast<std::size_t>(t)]] = true;
  }
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Table SelectPercentile::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  return detail::select_columns(x, support_);
}

std::vector<std::string> SelectPercentile::feature_names_out() const {
  require_fitted("feature_names_out");
  return detail::selected_names(feature_names_in_, support_);
}

Json SelectPercentile::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"scores", state::from_vector(scores_)},
          {"pvalues", state::from_vector(pvalues_)},
          {"support", support_}};
}

void SelectPercentile::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  scores_ = state::to_eigen_vector(saved, "scores");
  pvalues_ = state::to_eigen_vector(saved, "pvalues");
  support_ = state::field(saved, "support").get<std::vector<bool>>();
  if (support_.size() != feature_names_in_.size()) {
    throw ParseError(fmt::format("{}: saved support has {} entries for {} features", describe(),
                                 support_.size(), feature_names_in_.size()));
  }
  fitted_ = true;
}

}  // namespace loom::features
