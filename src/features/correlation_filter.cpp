#include "loom/features/correlation_filter.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/features/detail/univariate_scores.hpp"

namespace loom::features {

const ParamTable<CorrelationFilterParams>& CorrelationFilterParams::table() {
  static const ParamTable<CorrelationFilterParams> table{
      param("threshold", &CorrelationFilterParams::threshold, between(0.0, 1.0)),
  };
  return table;
}

void CorrelationFilter::fit(const Table& x, const Column*) {
  validate_params();
  fitted_ = false;
  require_non_empty(x, describe());
  x.require_no_missing(describe());
  const Eigen::MatrixXd values = x.to_dense(describe());
  const Eigen::MatrixXd centered = values.rowwise() - values.colwise().mean();
  const Eigen::VectorXd norms = centered.colwise().norm().transpose();
  const Eigen::MatrixXd gram = centered.transpose() * centered;
  const Eigen::Index p = values.cols();
  correlation_.resize(p, p);
  for (Eigen::Index i = 0; i < p; ++i) {
    for (Eigen::Index j = 0; j < p; ++j) {
      const double denominator = norms(i) * norms(j);
      correlation_(i, j) = denominator > 0 ? std::clamp(gram(i, j) / denominator, -1.0, 1.0)
                                           : std::numeric_limits<double>::quiet_NaN();
    }
  }
  support_.assign(static_cast<std::size_t>(p), true);
  for (Eigen::Index j = 1; j < p; ++j) {
    for (Eigen::Index i = 0; i < j; ++i) {
      // NaN (a constant column) never passes.
      if (std::abs(correlation_(i, j)) > params_.threshold) {
        support_[static_cast<std::size_t>(j)] = false;
        break;
      }
    }
  }
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Table CorrelationFilter::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  return detail::select_columns(x, support_);
}

std::vector<std::string> CorrelationFilter::feature_names_out() const {
  require_fitted("feature_names_out");
  return detail::selected_names(feature_names_in_, support_);
}

Json CorrelationFilter::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_}, {"support", support_}};
}

void CorrelationFilter::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  support_ = state::field(saved, "support").get<std::vector<bool>>();
  if (support_.size() != feature_names_in_.size()) {
    throw ParseError(fmt::format("{}: saved support has {} entries for {} features", describe(),
                                 support_.size(), feature_names_in_.size()));
  }
  fitted_ = true;
}

}  // namespace loom::features
