#include "loom/features/select_k_best.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/features/detail/univariate_scores.hpp"

namespace loom::features {

const ParamTable<SelectKBestParams>& SelectKBestParams::table() {
  static const ParamTable<SelectKBestParams> table{
      param("score_func", &SelectKBestParams::score_func,
            one_of({"f_classif", "chi2", "f_regression"})),
      param("k", &SelectKBestParams::k, ParamCheck<Json>([](const Json& value) {
              if ((value.is_string() && value.get<std::string>() == "all") ||
                  (value.is_number_integer() && value.get<std::int64_t>() >= 0))
                return std::string();
              return std::string("must be an integer >= 0 or \"all\"");
            })),
  };
  return table;
}

void SelectKBest::fit(const Table& x, const Column* y) {
  validate_params();
  fitted_ = false;
  require_non_empty(x, describe());
  const auto n_features = static_cast<std::int64_t>(x.n_columns());
  if (params_.k.is_number_integer() && params_.k.get<std::int64_t>() > n_features) {
    throw ParameterError(fmt::format(
        "{}: parameter k = {} must be <= n_features = {}; use k=\"all\" to keep every column",
        describe(), params_.k.get<std::int64_t>(), n_features));
  }
  auto scores = detail::score_features(x, y, params_.score_func, describe());
  scores_ = std::move(scores.scores);
  pvalues_ = std::move(scores.pvalues);
  support_.assign(static_cast<std::size_t>(n_features), params_.k.is_string());
  if (params_.k.is_number_integer()) {
    // np.argsort(scores, kind="mergesort")[-k:] with NaN as the lowest score.
    const auto cleaned = [&](std::size_t j) {
      const double score = scores_(static_cast<Eigen::Index>(j));
      return std::isnan(score) ? std::numeric_limits<double>::lowest() : score;
    };
    std::vector<std::size_t> order(static_cast<std::size_t>(n_features));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return cleaned(a) < cleaned(b); });
    const auto k = static_cast<std::size_t>(params_.k.get<std::int64_t>());
    for (std::size_t i = order.size() - k; i < order.size(); ++i)
      support_[order[i]] = true;
  }
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Table SelectKBest::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  return detail::select_columns(x, support_);
}

std::vector<std::string> SelectKBest::feature_names_out() const {
  require_fitted("feature_names_out");
  return detail::selected_names(feature_names_in_, support_);
}

Json SelectKBest::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"scores", state::from_vector(scores_)},
          {"pvalues", state::from_vector(pvalues_)},
          {"support", support_}};
}

void SelectKBest::load_fitted_state(const Json& saved) {
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
