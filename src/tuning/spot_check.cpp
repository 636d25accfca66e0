#include "loom/tuning/spot_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <set>

#include "loom/core/error.hpp"
#include "task_runner.hpp"

namespace loom::tuning {

SpotCheckResult spot_check(std::span<const SpotCheckCandidate> candidates, const Dataset& x,
                           const Column& y, std::span<const Split> folds,
                           const SpotCheckOptions& options) {
  if (candidates.empty()) throw ParameterError("spot_check: no candidate pipelines");
  std::set<std::string> names;
  for (const auto& candidate : candidates) {
    if (!names.insert(candidate.name).second) {
      throw ParameterError(
          fmt::format("spot_check: candidate name \"{}\" is used twice", candidate.name));
    }
    if (!candidate.seed_param.empty() && candidate.seeds.empty()) {
      throw ParameterError(
          fmt::format("spot_check: candidate \"{}\" names seed_param \"{}\" but no seeds",
                      candidate.name, candidate.seed_param));
    }
  }
  SpotCheckResult result;
  result.scoring =
      options.scoring.empty() ? default_scoring(candidates.front().pipeline) : options.scoring;
  std::vector<std::size_t> best_point(candidates.size(), 0);
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    const auto& candidate = candidates[c];
    const auto points = parameter_grid(candidate.grid);
    const std::vector<std::optional<std::uint32_t>> seeds =
        candidate.seed_param.empty() ? std::vector<std::optional<std::uint32_t>>{std::nullopt}
                                     : std::vector<std::optional<std::uint32_t>>(
                                           candidate.seeds.begin(), candidate.seeds.end());
    std::vector<std::vector<double>> pooled(points.size());
    for (const auto& seed : seeds) {
      std::vector<Json> seeded = points;
      if (seed) {
        for (auto& point : seeded)
          point[candidate.seed_param] = *seed;
      }
      SearchOptions search;
      search.scoring = result.scoring;
      search.n_jobs = options.n_jobs;
      search.refit = false;
      SearchResult scored;
      detail::with_context(fmt::format("spot_check: candidate \"{}\"", candidate.name), [&] {
        scored = search_candidates(candidate.pipeline, seeded, x, y, folds, search);
      });
      for (std::size_t p = 0; p < points.size(); ++p) {
        const auto& splits = scored.candidates[p].split_scores;
        pooled[p].insert(pooled[p].end(), splits.begin(), splits.end());
      }
    }
    std::vector<double> means;
    for (const auto& scores : pooled)
      means.push_back(mean_of(scores));
    const auto ranks = rank_descending(means);
    best_point[c] =
        static_cast<std::size_t>(std::min_element(ranks.begin(), ranks.end()) - ranks.begin());
    SpotCheckRow row;
    row.name = candidate.name;
    row.params = points[best_point[c]];
    row.scores = pooled[best_point[c]];
    row.mean_score = mean_of(row.scores);
    row.std_score = std_of(row.scores);
    result.rows.push_back(std::move(row));
    if (options.progress) options.progress(ProgressEvent{"spot_check", c + 1, candidates.size()});
  }
  std::vector<double> means;
  for (const auto& row : result.rows)
    means.push_back(row.mean_score);
  const auto ranks = rank_descending(means);
  std::vector<std::size_t> order(result.rows.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return ranks[a] < ranks[b]; });
  std::vector<SpotCheckRow> ranked;
  for (const std::size_t i : order) {
    ranked.push_back(result.rows[i]);
    ranked.back().rank = ranks[i];
  }
  result.rows = std::move(ranked);
  if (options.refit) {
    const std::size_t best = order.front();
    pipeline::Pipeline pipeline = pipeline::Pipeline::from_spec(candidates[best].pipeline.spec());
    for (const auto& [path, value] : result.rows.front().params.items())
      pipeline.set_param(path, value);
    if (!candidates[best].seed_param.empty())
      pipeline.set_param(candidates[best].seed_param, candidates[best].seeds.front());
    pipeline.fit(x, &y);
    result.best_pipeline = std::move(pipeline);
  }
  return result;
}

}  // namespace loom::tuning
