#pragma once
// Spot-checking: several pipelines (different algorithm families), each optionally with a few
// values of its most sensitive hyperparameters and repeated over seeds when it is random, all
// cross-validated on the same folds; a table ranked by mean score (best first) and the best
// pipeline refitted on all rows. No direct scikit-learn counterpart (a loop over
// cross_val_score). Throws ParameterError for no candidates, duplicate names, bad grids or
// scorers, and whatever cross-validation throws.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "loom/tuning/search.hpp"

namespace loom::tuning {

struct SpotCheckCandidate {
  std::string name;
  pipeline::Pipeline pipeline;
  Json grid = Json::object();        // a few values per "step.param"; empty: the spec as is
  std::string seed_param;            // e.g. "model.random_state"; empty: not random
  std::vector<std::uint32_t> seeds;  // scores pooled over these seeds when seed_param is set
};

struct SpotCheckRow {
  std::string name;
  Json params;                 // the candidate's best grid point
  std::vector<double> scores;  // fold scores (seed-major when repeated over seeds)
  double mean_score = 0.0;
  double std_score = 0.0;  // ddof 0 over every fold and seed
  int rank = 0;
};

struct SpotCheckOptions {
  std::string scoring;  // empty: the first candidate's default_scoring
  int n_jobs = 1;
  bool refit = true;
  ProgressCallback progress;  // stage "spot_check", one event per candidate
};

struct SpotCheckResult {
  std::string scoring;
  std::vector<SpotCheckRow> rows;  // ranked best first; ties keep the candidates' order
  std::optional<pipeline::Pipeline> best_pipeline;
};

SpotCheckResult spot_check(std::span<const SpotCheckCandidate> candidates, const Dataset& x,
                           const Column& y, std::span<const Split> folds,
                           const SpotCheckOptions& options = {});

}  // namespace loom::tuning
