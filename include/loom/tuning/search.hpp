#pragma once
// Hyperparameter searches over a whole pipeline, as scikit-learn's GridSearchCV and
// RandomizedSearchCV: every candidate (parameters by dotted path, "model.C") is
// cross-validated on the same folds, ranked by mean test score (ties share the smallest rank,
// as rankdata's "min"), and the best pipeline is refitted on all the rows. Candidate-fold fits
// run on n_jobs threads; results never depend on n_jobs. Throws ParameterError for a malformed
// grid, an unknown parameter path or scorer, and whatever cross_validate throws.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "loom/tuning/cross_validate.hpp"
#include "loom/tuning/parameter_space.hpp"

namespace loom::tuning {

struct SearchOptions {
  std::string scoring;        // empty: default_scoring(pipeline)
  int n_jobs = 1;             // <= 0: resolve_n_jobs
  bool refit = true;          // refit the best candidate on all rows
  ProgressCallback progress;  // stage "search", done / total candidate-fold fits
};

// One row of the results table (cv_results_).
struct SearchCandidate {
  Json params;
  std::vector<double> split_scores;  // per fold
  double mean_score = 0.0;
  double std_score = 0.0;  // ddof 0
  int rank = 0;
  double mean_fit_time = 0.0;
  double mean_score_time = 0.0;
};

struct SearchResult {
  std::string scoring;
  std::vector<SearchCandidate> candidates;
  std::size_t best_index = 0;
  std::optional<pipeline::Pipeline> best_pipeline;  // refitted, when refit

  const Json& best_params() const { return candidates.at(best_index).params; }
  double best_score() const { return candidates.at(best_index).mean_score; }
  // {"best_params", "best_score", "scoring", "results": [{"params", "mean_score", "std_score",
  // "rank", "fit_time", "score_time", "split_scores"}]} (CLI.md's RESULTS.json).
  Json to_json() const;
  // One row per candidate: param_<name> columns, then mean_score, std_score, rank, fit_time,
  // score_time; numbers written to round-trip, strings quoted as CSV requires.
  std::string to_csv() const;
};

// Cross-validates each candidate (parameters set on a fresh copy of pipeline) on folds and ranks
// them; the engine of both searches.
SearchResult search_candidates(const pipeline::Pipeline& pipeline, std::span<const Json> candidates,
                               const Dataset& x, const Column& y, std::span<const Split> folds,
                               const SearchOptions& options = {});

// Exhaustive search over a grid (parameter_grid's order).
class GridSearchCV {
 public:
  GridSearchCV(pipeline::Pipeline estimator, Json param_grid, SearchOptions options = {});
  const SearchResult& fit(const Dataset& x, const Column& y, std::span<const Split> folds);
  const SearchResult& result() const;

 private:
  pipeline::Pipeline estimator_;
  Json param_grid_;
  SearchOptions options_;
  std::optional<SearchResult> result_;
};

// n_iter candidates drawn from distributions (parameter_sampler) with a seed.
class RandomizedSearchCV {
 public:
  RandomizedSearchCV(pipeline::Pipeline estimator, Json param_distributions, std::size_t n_iter,
                     std::uint32_t random_state, SearchOptions options = {});
  const SearchResult& fit(const Dataset& x, const Column& y, std::span<const Split> folds);
  const SearchResult& result() const;

 private:
  pipeline::Pipeline estimator_;
  Json param_distributions_;
  std::size_t n_iter_;
  std::uint32_t random_state_;
  SearchOptions options_;
  std::optional<SearchResult> result_;
};

// Ranks as scipy's rankdata(-values, method="min"); NaN ranks with the worst.
std::vector<int> rank_descending(std::span<const double> values);

}  // namespace loom::tuning
