#include "loom/tuning/train_test_split.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "loom/core/error.hpp"
#include "loom/metrics/labels.hpp"
#include "loom/tuning/random_state.hpp"

namespace loom::tuning {
namespace {

// scikit-learn's _validate_shuffle_split: {n_train, n_test}.
std::pair<std::size_t, std::size_t> split_sizes(std::size_t n_rows, std::optional<double> test_size,
                                                std::optional<double> train_size) {
  if (!test_size && !train_size) test_size = 0.25;
  const auto n = static_cast<double>(n_rows);
  auto check = [&](std::optional<double> size, std::string_view name) {
    if (!size) return;
    const double value = *size;
    const bool fraction = value < 1.0;
    if (!(value > 0.0) || (fraction ? false : (value != std::floor(value) || value >= n))) {
      throw ParameterError(fmt::format(
          "train_test_split: parameter {} = {} must be a fraction in (0, 1) or a whole number of "
          "rows in [1, {})",
          name, value, n_rows));
    }
  };
  check(test_size, "test_size");
  check(train_size, "train_size");
  std::size_t n_test = 0;
  std::size_t n_train = 0;
  if (test_size) {
    n_test = *test_size < 1.0 ? static_cast<std::size_t>(std::ceil(*test_size * n))
                              : static_cast<std::size_t>(*test_size);
  }
  if (train_size) {
    n_train = *train_size < 1.0 ? static_cast<std::size_t>(std::floor(*train_size * n))
                                : static_cast<std::size_t>(*train_size);
  }
  if (!train_size) n_train = n_rows - n_test;
  if (!test_size) n_test = n_rows - n_train;
  if (n_train + n_test > n_rows) {
    throw ParameterError(
        fmt::format("train_test_split: {} training rows and {} test rows exceed the {} rows",
                    n_train, n_test, n_rows));
  }
  if (n_train == 0) {
    throw ParameterError(fmt::format(
        "train_test_split: with {} rows and these sizes the training set would be empty", n_rows));
  }
  return {n_train, n_test};
}

// scikit-learn's _approximate_mode: per-class draws closest to the class shares, ties in the
// left-over fractions broken at random.
std::vector<std::size_t> approximate_mode(const std::vector<std::size_t>& class_counts,
                                          std::size_t n_draws, RandomState& rng) {
  const double total = static_cast<double>(
      std::accumulate(class_counts.begin(), class_counts.end(), std::size_t{0}));
  std::vector<double> continuous(class_counts.size());
  std::vector<double> floored(class_counts.size());
  double floored_sum = 0.0;
  for (std::size_t i = 0; i < class_counts.size(); ++i) {
    continuous[i] = static_cast<double>(class_counts[i]) / total * static_cast<double>(n_draws);
    floored[i] = std::floor(continuous[i]);
    floored_sum += floored[i];
  }
  auto need_to_add = static_cast<long long>(static_cast<double>(n_draws) - floored_sum);
  if (need_to_add > 0) {
    std::vector<double> remainder(class_counts.size());
    for (std::size_t i = 0; i < class_counts.size(); ++i)
      remainder[i] = continuous[i] - floored[i];
    std::vector<double> values = remainder;
    std::sort(values.begin(), values.end(), std::greater<>());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    for (const double value : values) {
      std::vector<std::size_t> indices;
      for (std::size_t i = 0; i < remainder.size(); ++i) {
        if (remainder[i] == value) indices.push_back(i);
      }
      const auto add_now = std::min<long long>(static_cast<long long>(indices.size()), need_to_add);
      // rng.choice(indices, add_now, replace=False) = indices[permutation(len)[:add_now]].
      const auto chosen = rng.permutation(indices.size());
      for (long long i = 0; i < add_now; ++i)
        floored[indices[chosen[static_cast<std::size_t>(i)]]] += 1.0;
      need_to_add -= add_now;
      if (need_to_add == 0) break;
    }
  }
  std::vector<std::size_t> result(floored.size());
  for (std::size_t i = 0; i < floored.size(); ++i)
    result[i] = static_cast<std::size_t>(floored[i]);
  return result;
}

Split stratified_split(std::span<const std::string> y, std::size_t n_train, std::size_t n_test,
                       RandomState& rng) {
  std::vector<std::string> classes(y.begin(), y.end());
  metrics::sort_labels(classes);
  std::map<std::string, std::size_t, std::less<>> code_of;
  for (std::size_t i = 0; i < classes.size(); ++i)
    code_of.emplace(classes[i], i);
  std::vector<std::vector<std::size_t>> class_rows(classes.size());
  for (std::size_t row = 0; row < y.size(); ++row)
    class_rows[code_of.find(y[row])->second].push_back(row);
  std::vector<std::size_t> counts(classes.size());
  for (std::size_t i = 0; i < classes.size(); ++i) {
    counts[i] = class_rows[i].size();
    if (counts[i] < 2) {
      throw DataError(fmt::format(
          "train_test_split: class \"{}\" has only {} row; stratifying needs at least 2 per class",
          classes[i], counts[i]));
    }
  }
  if (n_train < classes.size() || n_test < classes.size()) {
    throw DataError(fmt::format(
        "train_test_split: {} training and {} test rows cannot hold each of the {} classes",
        n_train, n_test, classes.size()));
  }
  const auto n_i = approximate_mode(counts, n_train, rng);
  std::vector<std::size_t> remaining(counts.size());
  for (std::size_t i = 0; i < counts.size(); ++i)
    remaining[i] = counts[i] - n_i[i];
  const auto t_i = approximate_mode(remaining, n_test, rng);
  Split split;
  for (std::size_t i = 0; i < classes.size(); ++i) {
    const auto order = rng.permutation(counts[i]);
    for (std::size_t j = 0; j < n_i[i]; ++j)
      split.train.push_back(class_rows[i][order[j]]);
    for (std::size_t j = n_i[i]; j < n_i[i] + t_i[i]; ++j)
      split.test.push_back(class_rows[i][order[j]]);
  }
  rng.shuffle(split.train);
  rng.shuffle(split.test);
  return split;
}

}  // namespace

Split train_test_split(std::size_t n_rows, const TrainTestSplitOptions& options) {
  if (n_rows == 0) throw DataError("train_test_split: no rows to split");
  if (!options.stratify.empty() && options.stratify.size() != n_rows) {
    throw DataError(fmt::format("train_test_split: stratify has {} labels for {} rows",
                                options.stratify.size(), n_rows));
  }
  const auto [n_train, n_test] = split_sizes(n_rows, options.test_size, options.train_size);
  Split split;
  if (!options.shuffle) {
    if (!options.stratify.empty()) {
      throw ParameterError("train_test_split: stratify needs shuffle = true");
    }
    for (std::size_t row = 0; row < n_train; ++row)
      split.train.push_back(row);
    for (std::size_t row = n_train; row < n_train + n_test; ++row)
      split.test.push_back(row);
    return split;
  }
  RandomState rng(options.random_state);
  if (!options.stratify.empty()) return stratified_split(options.stratify, n_train, n_test, rng);
  const auto order = rng.permutation(n_rows);
  split.test.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n_test));
  split.train.assign(order.begin() + static_cast<std::ptrdiff_t>(n_test),
                     order.begin() + static_cast<std::ptrdiff_t>(n_test + n_train));
  return split;
}

TrainValidationTestSplit train_validation_test_split(std::size_t n_rows, double validation_size,
                                                     double test_size, std::uint32_t random_state,
                                                     std::span<const std::string> stratify) {
  if (!(validation_size > 0.0 && test_size > 0.0 && validation_size + test_size < 1.0)) {
    throw ParameterError(fmt::format(
        "train_validation_test_split: validation_size = {} and test_size = {} must be positive "
        "fractions summing to less than 1",
        validation_size, test_size));
  }
  TrainTestSplitOptions first;
  first.test_size = test_size;
  first.random_state = random_state;
  first.stratify = stratify;
  const Split outer = train_test_split(n_rows, first);
  std::vector<std::string> inner_labels;
  for (const std::size_t row : outer.train) {
    if (!stratify.empty()) inner_labels.push_back(stratify[row]);
  }
  const auto n_validation =
      static_cast<double>(std::ceil(validation_size * static_cast<double>(n_rows)));
  TrainTestSplitOptions second;
  second.test_size = n_validation;
  second.random_state = random_state;
  second.stratify = inner_labels;
  const Split inner = train_test_split(outer.train.size(), second);
  TrainValidationTestSplit result;
  for (const std::size_t i : inner.train)
    result.train.push_back(outer.train[i]);
  for (const std::size_t i : inner.test)
    result.validation.push_back(outer.train[i]);
  result.test = outer.test;
  return result;
}

}  // namespace loom::tuning
