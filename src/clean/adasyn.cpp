#include "loom/clean/adasyn.hpp"

#include <fmt/format.h>

#include <cmath>

#include "loom/clean/sampling_strategy.hpp"
#include "loom/core/input_check.hpp"
#include "resample_support.hpp"
#include "smote_support.hpp"

namespace loom::clean {

const ParamTable<ADASYNParams>& ADASYNParams::table() {
  using P = ADASYNParams;
  static const ParamTable<P> table{
      param<P, Json>("sampling_strategy", &P::sampling_strategy, sampling_strategy_check),
      param<P, std::optional<std::int64_t>>("random_state", &P::random_state, random_state_check),
      param("n_neighbors", &P::n_neighbors, at_least(1)),
      param<P, std::optional<int>>("n_jobs", &P::n_jobs),
  };
  return table;
}

std::pair<Table, Column> ADASYN::fit_resample(const Table& x, const Column& y) {
  validate_params();
  const std::string caller = describe();
  require_non_empty(x, caller);
  const detail::ResampleTarget target = detail::encode_resample_target(x, y, caller);
  const auto targets = check_sampling_strategy(params_.sampling_strategy, target.labels,
                                               SamplingType::over_sampling, caller);
  const Eigen::MatrixXd values =
      detail::numeric_features(x, caller, " (ADASYN interpolates numbers)");
  const int n_jobs = params_.n_jobs.value_or(0);
  const Eigen::Index k = params_.n_neighbors;
  // One generator for every class, as imblearn's ADASYN.
  detail::RandomState random = detail::check_random_state(params_.random_state);
  std::optional<NearestNeighbors> all_points;
  std::vector<Eigen::MatrixXd> blocks;
  std::vector<int> new_classes;
  for (std::size_t c = 0; c < targets.size(); ++c) {
    if (!targets[c] || *targets[c] == 0) continue;
    const std::string label = target.labels.classes.value_string(c);
    const Eigen::MatrixXd members = detail::take_rows(values, target.rows_of_class[c]);
    if (!all_points) all_points.emplace(values, n_jobs);
    const detail::IndexMatrix around =
        detail::neighbours_after_self(*all_points, members, k, caller, "n_neighbors", label);
    std::vector<double> ratio(static_cast<std::size_t>(members.rows()));
    for (Eigen::Index i = 0; i < members.rows(); ++i) {
      Eigen::Index n_other = 0;
      for (Eigen::Index j = 0; j < k; ++j) {
        n_other +=
            target.labels.indices[static_cast<std::size_t>(around(i, j))] != static_cast<int>(c);
      }
      ratio[static_cast<std::size_t>(i)] = static_cast<double>(n_other) / static_cast<double>(k);
    }
    const double total = detail::numpy_sum(ratio);
    if (total == 0.0) {
      throw DataError(fmt::format(
          "{}: no neighbour of a row of class \"{}\" belongs to another class, so ADASYN has "
          "nothing to weight by (use SMOTE)",
          caller, label));
    }
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < ratio.size(); ++i) {
      // np.rint rounds half to even, as nearbyint in the default rounding mode.
      const double share = std::nearbyint(ratio[i] / total * static_cast<double>(*targets[c]));
      rows.insert(rows.end(), static_cast<std::size_t>(share), i);
    }
    if (rows.empty()) {
      throw DataError(fmt::format(
          "{}: no samples would be generated for class \"{}\" with this sampling_strategy", caller,
          label));
    }
    const NearestNeighbors index(members, n_jobs);
    const detail::IndexMatrix neighbours =
        detail::neighbours_after_self(index, members, k, caller, "n_neighbors", label);
    detail::SmoteDraws draws;
    for (std::size_t row : rows)
      draws.rows.push_back(static_cast<Eigen::Index>(row));
    for (std::int64_t column : random.randint_many(k, rows.size()))
      draws.columns.push_back(column);
    for (std::size_t i = 0; i < rows.size(); ++i)
      draws.steps.push_back(random.random_sample());
    blocks.push_back(detail::interpolate(members, members, neighbours, draws));
    new_classes.insert(new_classes.end(), rows.size(), static_cast<int>(c));
  }
  const Table generated = detail::numeric_rows_like(x, detail::stack_rows(blocks, values.cols()));
  return detail::assemble_resampled(x, y, target, detail::all_rows(x.n_rows()), generated,
                                    new_classes);
}

}  // namespace loom::clean
