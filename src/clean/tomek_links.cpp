#include "loom/clean/tomek_links.hpp"

#include <fmt/format.h>

#include "loom/clean/nearest_neighbors.hpp"
#include "loom/clean/sampling_strategy.hpp"
#include "loom/core/input_check.hpp"
#include "resample_support.hpp"

namespace loom::clean {

const ParamTable<TomekLinksParams>& TomekLinksParams::table() {
  using P = TomekLinksParams;
  static const ParamTable<P> table{
      param<P, Json>("sampling_strategy", &P::sampling_strategy, sampling_strategy_check),
      param<P, std::optional<int>>("n_jobs", &P::n_jobs),
  };
  return table;
}

std::pair<Table, Column> TomekLinks::fit_resample(const Table& x, const Column& y) {
  validate_params();
  const std::string caller = describe();
  require_non_empty(x, caller);
  const detail::ResampleTarget target = detail::encode_resample_target(x, y, caller);
  const auto targets = check_sampling_strategy(params_.sampling_strategy, target.labels,
                                               SamplingType::clean_sampling, caller);
  const Eigen::MatrixXd values = detail::numeric_features(x, caller, "");
  if (values.rows() < 2) {
    throw DataError(fmt::format("{}: needs at least 2 rows, found {}", caller, values.rows()));
  }
  const NearestNeighbors index(values, params_.n_jobs.value_or(0));
  // imblearn queries the points themselves for 2 neighbours and takes the second.
  const NeighborsResult found = index.kneighbors(values, 2);
  const auto& classes = target.labels.indices;
  sample_indices_.clear();
  for (std::size_t row = 0; row < classes.size(); ++row) {
    const auto nearest = static_cast<std::size_t>(found.indices(static_cast<Eigen::Index>(row), 1));
    const bool link =
        targets[static_cast<std::size_t>(classes[row])] && classes[nearest] != classes[row] &&
        static_cast<std::size_t>(found.indices(static_cast<Eigen::Index>(nearest), 1)) == row;
    if (!link) sample_indices_.push_back(row);
  }
  return detail::assemble_resampled(x, y, target, sample_indices_, std::nullopt, {});
}

}  // namespace loom::clean
