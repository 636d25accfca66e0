#include "loom/clean/random_under_sampler.hpp"

#include <algorithm>

#include "loom/clean/detail/random_state.hpp"
#include "loom/clean/sampling_strategy.hpp"
#include "loom/core/input_check.hpp"
#include "resample_support.hpp"

namespace loom::clean {

const ParamTable<RandomUnderSamplerParams>& RandomUnderSamplerParams::table() {
  using P = RandomUnderSamplerParams;
  static const ParamTable<P> table{
      param<P, Json>("sampling_strategy", &P::sampling_strategy, sampling_strategy_check),
      param<P, std::optional<std::int64_t>>("random_state", &P::random_state, random_state_check),
      param("replacement", &P::replacement),
  };
  return table;
}

std::pair<Table, Column> RandomUnderSampler::fit_resample(const Table& x, const Column& y) {
  validate_params();
  const std::string caller = describe();
  require_non_empty(x, caller);
  const detail::ResampleTarget target = detail::encode_resample_target(x, y, caller);
  const auto targets = check_sampling_strategy(params_.sampling_strategy, target.labels,
                                               SamplingType::under_sampling, caller);
  detail::RandomState random = detail::check_random_state(params_.random_state);
  std::vector<std::size_t> kept;
  kept.reserve(x.n_rows());
  for (std::size_t c = 0; c < targets.size(); ++c) {
    const auto& rows = target.rows_of_class[c];
    if (!targets[c]) {
      kept.insert(kept.end(), rows.begin(), rows.end());
      continue;
    }
    // As numpy's RandomState.choice: randint draws with replacement, else the first n of a
    // permutation.
    const std::size_t n_keep = *targets[c];
    if (params_.replacement) {
      for (std::int64_t pick : random.randint_many(static_cast<std::int64_t>(rows.size()), n_keep))
        kept.push_back(rows[static_cast<std::size_t>(pick)]);
    } else {
      const std::vector<std::size_t> order = random.permutation(rows.size());
      for (std::size_t i = 0; i < n_keep; ++i)
        kept.push_back(rows[order[i]]);
    }
  }
  // imblearn lists the kept rows class by class; loom keeps them in input order (CLI.md).
  std::sort(kept.begin(), kept.end());
  sample_indices_ = kept;
  return detail::assemble_resampled(x, y, target, kept, std::nullopt, {});
}

}  // namespace loom::clean
