#include "loom/clean/smote.hpp"

#include "loom/clean/sampling_strategy.hpp"
#include "loom/core/input_check.hpp"
#include "resample_support.hpp"
#include "smote_support.hpp"

namespace loom::clean {

const ParamTable<SMOTEParams>& SMOTEParams::table() {
  using P = SMOTEParams;
  static const ParamTable<P> table{
      param<P, Json>("sampling_strategy", &P::sampling_strategy, sampling_strategy_check),
      param<P, std::optional<std::int64_t>>("random_state", &P::random_state, random_state_check),
      param("k_neighbors", &P::k_neighbors, at_least(1)),
      param<P, std::optional<int>>("n_jobs", &P::n_jobs),
  };
  return table;
}

std::pair<Table, Column> SMOTE::fit_resample(const Table& x, const Column& y) {
  validate_params();
  const std::string caller = describe();
  require_non_empty(x, caller);
  const detail::ResampleTarget target = detail::encode_resample_target(x, y, caller);
  const auto targets = check_sampling_strategy(params_.sampling_strategy, target.labels,
                                               SamplingType::over_sampling, caller);
  const Eigen::MatrixXd values =
      detail::numeric_features(x, caller, " (SMOTE interpolates numbers; use SMOTENC)");
  std::vector<Eigen::MatrixXd> blocks;
  std::vector<int> new_classes;
  for (std::size_t c = 0; c < targets.size(); ++c) {
    if (!targets[c] || *targets[c] == 0) continue;
    const Eigen::MatrixXd members = detail::take_rows(values, target.rows_of_class[c]);
    const NearestNeighbors index(members, params_.n_jobs.value_or(0));
    const detail::IndexMatrix neighbours =
        detail::neighbours_after_self(index, members, params_.k_neighbors, caller, "k_neighbors",
                                      target.labels.classes.value_string(c));
    // imblearn seeds a new generator for each class.
    detail::RandomState random = detail::check_random_state(params_.random_state);
    const detail::SmoteDraws draws =
        detail::draw_samples(random, members.rows(), params_.k_neighbors, *targets[c], 1.0);
    blocks.push_back(detail::interpolate(members, members, neighbours, draws));
    new_classes.insert(new_classes.end(), *targets[c], static_cast<int>(c));
  }
  const Table generated = detail::numeric_rows_like(x, detail::stack_rows(blocks, values.cols()));
  return detail::assemble_resampled(x, y, target, detail::all_rows(x.n_rows()), generated,
                                    new_classes);
}

}  // namespace loom::clean
