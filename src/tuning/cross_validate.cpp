#include "loom/tuning/cross_validate.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <numeric>
#include <thread>

#include "loom/core/error.hpp"
#include "loom/metrics/scorers.hpp"
#include "task_runner.hpp"

namespace loom::tuning {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

const Predictor& supervised_predictor(const pipeline::Pipeline& pipeline) {
  const Predictor* predictor = pipeline.predictor();
  if (!predictor || !predictor->is_supervised()) {
    throw ParameterError(
        "cross-validation needs a pipeline whose last step is a supervised predictor "
        "(a classifier or a regressor)");
  }
  return *predictor;
}

std::vector<double> numeric_target(const Column& y) {
  if (y.type() != ColumnType::numeric) {
    throw DataError(fmt::format("target \"{}\" must be numeric for a regressor, found {}", y.name(),
                                to_string(y.type())));
  }
  return {y.numeric_values().begin(), y.numeric_values().end()};
}

std::vector<double> score_rows(const pipeline::Pipeline& fitted, const Dataset& x, const Column& y,
                               std::span<const std::string> scoring) {
  const Predictor& predictor = supervised_predictor(fitted);
  const Table features = fitted.transform_features(x);
  const Column predicted = predictor.predict(features);
  std::vector<double> scores;
  if (predictor.is_classifier()) {
    const auto truth = column_strings(y);
    const auto labels = column_strings(predicted);
    const auto classes = column_strings(predictor.classes());
    Eigen::MatrixXd probabilities;
    bool have_probabilities = false;
    for (const auto& name : scoring) {
      if (metrics::scorer_needs_probabilities(name) && !have_probabilities) {
        probabilities = predictor.predict_proba(features);
        have_probabilities = true;
      }
      scores.push_back(metrics::score(name, truth, labels,
                                      have_probabilities ? &probabilities : nullptr, classes));
    }
  } else {
    const auto truth = numeric_target(y);
    const auto values = numeric_target(predicted);
    for (const auto& name : scoring)
      scores.push_back(metrics::score(name, truth, values));
  }
  return scores;
}

}  // namespace

std::string default_scoring(const pipeline::Pipeline& pipeline) {
  return supervised_predictor(pipeline).is_classifier() ? "accuracy" : "r2";
}

std::vector<Split> default_folds(const pipeline::Pipeline& pipeline, const Column& y, int n_splits,
                                 bool shuffle, std::uint32_t seed) {
  const std::optional<std::uint32_t> random_state =
      shuffle ? std::optional<std::uint32_t>(seed) : std::nullopt;
  if (supervised_predictor(pipeline).is_classifier()) {
    return StratifiedKFold{n_splits, shuffle, random_state}.split(column_strings(y));
  }
  return KFold{n_splits, shuffle, random_state}.split(y.size());
}

int resolve_n_jobs(int n_jobs) {
  if (n_jobs > 0) return n_jobs;
  if (const char* setting = std::getenv("LOOM_NUM_THREADS")) {
    const int value = std::atoi(setting);
    if (value > 0) return value;
  }
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

void check_target(const pipeline::Pipeline& pipeline, const Column& y) {
  if (!supervised_predictor(pipeline).is_classifier()) numeric_target(y);
  if (const std::size_t missing = y.count_missing(); missing > 0) {
    std::size_t first = 0;
    while (!y.is_missing(first))
      ++first;
    throw DataError(fmt::format("target \"{}\" has {} missing value(s), the first at row {}",
                                y.name(), missing, first));
  }
}

void check_scoring(const pipeline::Pipeline& pipeline, std::span<const std::string> scoring) {
  const Predictor& predictor = supervised_predictor(pipeline);
  if (scoring.empty()) throw ParameterError("cross-validation: no scorer given");
  for (const auto& name : scoring) {
    const bool classification = metrics::is_classification_scorer(name);  // throws if unknown
    if (classification != predictor.is_classifier()) {
      throw ParameterError(fmt::format("scorer \"{}\" is for {}, but the pipeline ends with {}",
                                       name, classification ? "classifiers" : "regressors",
                                       predictor.describe()));
    }
    if (metrics::scorer_needs_probabilities(name) && !predictor.has_predict_proba()) {
      throw ParameterError(fmt::format("scorer \"{}\" needs probabilities, which {} does not give",
                                       name, predictor.describe()));
    }
  }
}

FoldScores fit_and_score(const pipeline::Pipeline& pipeline, const Json& params, const Dataset& x,
                         const Column& y, const Split& split, std::span<const std::string> scoring,
                         bool with_train_scores) {
  pipeline::Pipeline fresh = pipeline::Pipeline::from_spec(pipeline.spec());
  if (params.is_object()) {
    for (const auto& [path, value] : params.items())
      fresh.set_param(path, value);
  }
  const Dataset x_train = x.take(split.train);
  const Column y_train = y.take(split.train);
  FoldScores result;
  const auto fit_start = Clock::now();
  fresh.fit(x_train, &y_train);
  result.fit_time = seconds_since(fit_start);
  const auto score_start = Clock::now();
  result.test_scores = score_rows(fresh, x.take(split.test), y.take(split.test), scoring);
  result.score_time = seconds_since(score_start);
  if (with_train_scores) result.train_scores = score_rows(fresh, x_train, y_train, scoring);
  return result;
}

namespace {
// numpy's pairwise summation (np.add.reduce over a contiguous axis), so that means of fold
// scores equal cv_results_ to the last bit and tied candidates tie as in scikit-learn.
double pairwise_sum(const double* values, std::size_t n) {
  if (n < 8) {
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i)
      sum += values[i];
    return sum;
  }
  if (n <= 128) {
    double r[8];
    for (std::size_t j = 0; j < 8; ++j)
      r[j] = values[j];
    std::size_t i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (std::size_t j = 0; j < 8; ++j)
        r[j] += values[i + j];
    }
    double sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i)
      sum += values[i];
    return sum;
  }
  std::size_t half = n / 2;
  half -= half % 8;
  return pairwise_sum(values, half) + pairwise_sum(values + half, n - half);
}
}  // namespace

double mean_of(std::span<const double> values) {
  if (values.empty()) return std::nan("");
  return pairwise_sum(values.data(), values.size()) / static_cast<double>(values.size());
}

double std_of(std::span<const double> values) {
  if (values.empty()) return std::nan("");
  const double mean = mean_of(values);
  std::vector<double> squares;
  squares.reserve(values.size());
  for (const double value : values)
    squares.push_back((value - mean) * (value - mean));
  return std::sqrt(mean_of(squares));
}

const std::vector<double>& CrossValidateResult::scores(std::string_view scorer) const {
  for (std::size_t i = 0; i < scoring.size(); ++i) {
    if (scoring[i] == scorer) return test_scores[i];
  }
  throw ParameterError(fmt::format("cross_validate: scorer \"{}\" was not computed (scored: {})",
                                   scorer, fmt::join(scoring, ", ")));
}

double CrossValidateResult::mean(std::string_view scorer) const {
  return mean_of(scores(scorer));
}

double CrossValidateResult::std(std::string_view scorer) const {
  return std_of(scores(scorer));
}

CrossValidateResult cross_validate(const pipeline::Pipeline& pipeline, const Dataset& x,
                                   const Column& y, std::span<const Split> folds,
                                   const CrossValidateOptions& options) {
  CrossValidateResult result;
  result.scoring = options.scoring;
  if (result.scoring.empty()) result.scoring.push_back(default_scoring(pipeline));
  check_scoring(pipeline, result.scoring);
  check_target(pipeline, y);
  if (x.n_rows() != y.size()) {
    throw DataError(
        fmt::format("cross_validate: {} rows of features but {} labels", x.n_rows(), y.size()));
  }
  if (folds.empty()) throw ParameterError("cross_validate: no folds given");
  pipeline.validate_params();
  std::vector<FoldScores> per_fold(folds.size());
  detail::run_tasks(
      folds.size(), resolve_n_jobs(options.n_jobs),
      [&](std::size_t fold) {
        detail::with_context(fmt::format("fold {} of {}", fold + 1, folds.size()), [&] {
          per_fold[fold] = fit_and_score(pipeline, Json::object(), x, y, folds[fold],
                                         result.scoring, options.return_train_score);
        });
      },
      options.progress, "cross_validate");
  result.test_scores.assign(result.scoring.size(), {});
  if (options.return_train_score) result.train_scores.assign(result.scoring.size(), {});
  for (const auto& fold : per_fold) {
    for (std::size_t s = 0; s < result.scoring.size(); ++s) {
      result.test_scores[s].push_back(fold.test_scores[s]);
      if (options.return_train_score) result.train_scores[s].push_back(fold.train_scores[s]);
    }
    result.fit_time.push_back(fold.fit_time);
    result.score_time.push_back(fold.score_time);
  }
  return result;
}

}  // namespace loom::tuning
