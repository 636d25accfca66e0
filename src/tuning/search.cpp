#include "loom/tuning/search.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "loom/core/error.hpp"
#include "task_runner.hpp"

namespace loom::tuning {
namespace {

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string csv_value(const Json& value) {
  if (value.is_string()) return csv_field(value.get<std::string>());
  if (value.is_number_float()) return fmt::format("{:.17g}", value.get<double>());
  if (value.is_null()) return "";
  return csv_field(value.dump());
}

std::string number(double value) {
  return std::isnan(value) ? std::string() : fmt::format("{:.17g}", value);
}

Json number_json(double value) {
  return std::isnan(value) ? Json(nullptr) : Json(value);
}

}  // namespace

std::vector<int> rank_descending(std::span<const double> values) {
  std::vector<double> keys(values.begin(), values.end());
  const bool all_nan =
      std::all_of(keys.begin(), keys.end(), [](double v) { return std::isnan(v); });
  if (all_nan) return std::vector<int>(keys.size(), 1);
  double lowest = std::numeric_limits<double>::infinity();
  for (const double v : keys) {
    if (!std::isnan(v)) lowest = std::min(lowest, v);
  }
  for (double& v : keys) {
    if (std::isnan(v)) v = lowest - 1.0;
  }
  std::vector<int> ranks(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    int better = 0;
    for (const double other : keys)
      better += other > keys[i];
    ranks[i] = better + 1;
  }
  return ranks;
}

SearchResult search_candidates(const pipeline::Pipeline& pipeline, std::span<const Json> candidates,
                               const Dataset& x, const Column& y, std::span<const Split> folds,
                               const SearchOptions& options) {
  if (candidates.empty()) throw ParameterError("search: no candidate parameters to try");
  if (folds.empty()) throw ParameterError("search: no folds given");
  if (x.n_rows() != y.size()) {
    throw DataError(fmt::format("search: {} rows of features but {} labels", x.n_rows(), y.size()));
  }
  SearchResult result;
  result.scoring = options.scoring.empty() ? default_scoring(pipeline) : options.scoring;
  const std::vector<std::string> scoring{result.scoring};
  check_scoring(pipeline, scoring);
  check_target(pipeline, y);
  // Every candidate's parameters must exist and pass validation before any fit starts.
  for (const auto& params : candidates) {
    pipeline::Pipeline probe = pipeline::Pipeline::from_spec(pipeline.spec());
    if (!params.is_object()) {
      throw ParameterError(fmt::format("search: candidate {} is not a JSON object", params.dump()));
    }
    for (const auto& [path, value] : params.items())
      probe.set_param(path, value);
    probe.validate_params();
  }
  const std::size_t n_folds = folds.size();
  std::vector<FoldScores> fits(candidates.size() * n_folds);
  detail::run_tasks(
      fits.size(), resolve_n_jobs(options.n_jobs),
      [&](std::size_t task) {
        const std::size_t candidate = task / n_folds;
        const std::size_t fold = task % n_folds;
        detail::with_context(fmt::format("candidate {} (fold {} of {})",
                                         candidates[candidate].dump(), fold + 1, n_folds),
                             [&] {
                               fits[task] = fit_and_score(pipeline, candidates[candidate], x, y,
                                                          folds[fold], scoring);
                             });
      },
      options.progress, "search");
  std::vector<double> means;
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    SearchCandidate row;
    row.params = candidates[c];
    std::vector<double> fit_times;
    std::vector<double> score_times;
    for (std::size_t f = 0; f < n_folds; ++f) {
      const auto& fit = fits[c * n_folds + f];
      row.split_scores.push_back(fit.test_scores[0]);
      fit_times.push_back(fit.fit_time);
      score_times.push_back(fit.score_time);
    }
    row.mean_score = mean_of(row.split_scores);
    row.std_score = std_of(row.split_scores);
    row.mean_fit_time = mean_of(fit_times);
    row.mean_score_time = mean_of(score_times);
    means.push_back(row.mean_score);
    result.candidates.push_back(std::move(row));
  }
  const auto ranks = rank_descending(means);
  for (std::size_t c = 0; c < ranks.size(); ++c)
    result.candidates[c].rank = ranks[c];
  result.best_index =
      static_cast<std::size_t>(std::min_element(ranks.begin(), ranks.end()) - ranks.begin());
  if (options.refit) {
    pipeline::Pipeline best = pipeline::Pipeline::from_spec(pipeline.spec());
    for (const auto& [path, value] : result.best_params().items())
      best.set_param(path, value);
    best.fit(x, &y);
    result.best_pipeline = std::move(best);
  }
  return result;
}

Json SearchResult::to_json() const {
  Json results = Json::array();
  for (const auto& row : candidates) {
    Json splits = Json::array();
    for (const double s : row.split_scores)
      splits.push_back(number_json(s));
    results.push_back({{"params", row.params},
                       {"mean_score", number_json(row.mean_score)},
                       {"std_score", number_json(row.std_score)},
                       {"rank", row.rank},
                       {"fit_time", row.mean_fit_time},
                       {"score_time", row.mean_score_time},
                       {"split_scores", splits}});
  }
  return {{"scoring", scoring},
          {"best_params", best_params()},
          {"best_score", number_json(best_score())},
          {"results", results}};
}

std::string SearchResult::to_csv() const {
  std::set<std::string> names;
  for (const auto& row : candidates) {
    for (const auto& [name, value] : row.params.items())
      names.insert(name);
  }
  std::string text;
  for (const auto& name : names)
    text += csv_field("param_" + name) + ",";
  text += "mean_score,std_score,rank,fit_time,score_time\n";
  for (const auto& row : candidates) {
    for (const auto& name : names)
      text += (row.params.contains(name) ? csv_value(row.params[name]) : std::string()) + ",";
    text += fmt::format("{},{},{},{},{}\n", number(row.mean_score), number(row.std_score), row.rank,
                        number(row.mean_fit_time), number(row.mean_score_time));
  }
  return text;
}

GridSearchCV::GridSearchCV(pipeline::Pipeline estimator, Json param_grid, SearchOptions options)
    : estimator_(std::move(estimator)),
      param_grid_(std::move(param_grid)),
      options_(std::move(options)) {}

const SearchResult& GridSearchCV::fit(const Dataset& x, const Column& y,
                                      std::span<const Split> folds) {
  const auto candidates = parameter_grid(param_grid_);
  result_ = search_candidates(estimator_, candidates, x, y, folds, options_);
  return *result_;
}

const SearchResult& GridSearchCV::result() const {
  if (!result_) throw NotFittedError("GridSearchCV: call fit before reading the results");
  return *result_;
}

RandomizedSearchCV::RandomizedSearchCV(pipeline::Pipeline estimator, Json param_distributions,
                                       std::size_t n_iter, std::uint32_t random_state,
                                       SearchOptions options)
    : estimator_(std::move(estimator)),
      param_distributions_(std::move(param_distributions)),
      n_iter_(n_iter),
      random_state_(random_state),
      options_(std::move(options)) {}

const SearchResult& RandomizedSearchCV::fit(const Dataset& x, const Column& y,
                                            std::span<const Split> folds) {
  if (n_iter_ == 0) throw ParameterError("RandomizedSearchCV: parameter n_iter = 0 must be >= 1");
  const auto candidates = parameter_sampler(param_distributions_, n_iter_, random_state_);
  result_ = search_candidates(estimator_, candidates, x, y, folds, options_);
  return *result_;
}

const SearchResult& RandomizedSearchCV::result() const {
  if (!result_) throw NotFittedError("RandomizedSearchCV: call fit before reading the results");
  return *result_;
}

}  // namespace loom::tuning
