#include "loom/tuning/splitters.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <random>

#include "loom/core/error.hpp"
#include "loom/metrics/labels.hpp"
#include "loom/tuning/random_state.hpp"

namespace loom::tuning {
namespace {

void check_n_splits(std::string_view splitter, int n_splits) {
  if (n_splits < 2) {
    throw ParameterError(
        fmt::format("{}: parameter n_splits = {} must be at least 2", splitter, n_splits));
  }
}

void check_rows(std::string_view splitter, int n_splits, std::size_t n_rows) {
  if (static_cast<std::size_t>(n_splits) > n_rows) {
    throw DataError(
        fmt::format("{}: cannot have n_splits = {} greater than the number of rows ({})", splitter,
                    n_splits, n_rows));
  }
}

RandomState seeded(std::optional<std::uint32_t> random_state) {
  if (random_state) return RandomState(*random_state);
  std::random_device device;
  return RandomState(device());
}

// Test rows given by a fold id per row; the training rows are the others, both increasing.
std::vector<Split> splits_from_fold_ids(const std::vector<int>& fold_of_row, int n_splits) {
  std::vector<Split> splits(static_cast<std::size_t>(n_splits));
  for (std::size_t row = 0; row < fold_of_row.size(); ++row) {
    for (int fold = 0; fold < n_splits; ++fold) {
      auto& split = splits[static_cast<std::size_t>(fold)];
      (fold_of_row[row] == fold ? split.test : split.train).push_back(row);
    }
  }
  return splits;
}

std::vector<Split> stratified_folds(std::span<const std::string> y, int n_splits, bool shuffle,
                                    RandomState& rng) {
  check_n_splits("StratifiedKFold", n_splits);
  check_rows("StratifiedKFold", n_splits, y.size());
  // Classes numbered in order of first appearance, as scikit-learn 1.2 encodes them.
  std::map<std::string, int, std::less<>> code_of;
  std::vector<int> encoded(y.size());
  std::vector<std::size_t> counts;
  for (std::size_t row = 0; row < y.size(); ++row) {
    auto [it, inserted] = code_of.try_emplace(y[row], static_cast<int>(counts.size()));
    if (inserted) counts.push_back(0);
    encoded[row] = it->second;
    ++counts[static_cast<std::size_t>(it->second)];
  }
  const std::size_t n_classes = counts.size();
  const auto k = static_cast<std::size_t>(n_splits);
  if (std::all_of(counts.begin(), counts.end(), [&](std::size_t count) { return count < k; })) {
    throw DataError(fmt::format(
        "StratifiedKFold: n_splits = {} cannot be greater than the number of members in each "
        "class (largest class: {} rows)",
        n_splits, *std::max_element(counts.begin(), counts.end())));
  }
  // allocation[fold][class]: rows of the class in the fold, dealt round robin over the
  // labels sorted by code.
  std::vector<std::vector<std::size_t>> allocation(k, std::vector<std::size_t>(n_classes, 0));
  std::size_t position = 0;
  for (std::size_t code = 0; code < n_classes; ++code) {
    for (std::size_t i = 0; i < counts[code]; ++i, ++position)
      ++allocation[position % k][code];
  }
  std::vector<int> fold_of_row(y.size());
  for (std::size_t code = 0; code < n_classes; ++code) {
    std::vector<int> folds_for_class;
    for (std::size_t fold = 0; fold < k; ++fold)
      folds_for_class.insert(folds_for_class.end(), allocation[fold][code], static_cast<int>(fold));
    if (shuffle) rng.shuffle(folds_for_class);
    std::size_t next = 0;
    for (std::size_t row = 0; row < y.size(); ++row) {
      if (encoded[row] == static_cast<int>(code)) fold_of_row[row] = folds_for_class[next++];
    }
  }
  return splits_from_fold_ids(fold_of_row, n_splits);
}

}  // namespace

std::vector<std::string> column_strings(const Column& column) {
  std::vector<std::string> values;
  values.reserve(column.size());
  for (std::size_t row = 0; row < column.size(); ++row)
    values.push_back(column.value_string(row));
  return values;
}

std::vector<Split> KFold::split(std::size_t n_rows) const {
  check_n_splits("KFold", n_splits);
  check_rows("KFold", n_splits, n_rows);
  std::vector<std::size_t> order(n_rows);
  std::iota(order.begin(), order.end(), std::size_t{0});
  if (shuffle) {
    RandomState rng = seeded(random_state);
    rng.shuffle(order);
  }
  const auto k = static_cast<std::size_t>(n_splits);
  std::vector<int> fold_of_row(n_rows);
  std::size_t start = 0;
  for (std::size_t fold = 0; fold < k; ++fold) {
    const std::size_t size = n_rows / k + (fold < n_rows % k ? 1 : 0);
    for (std::size_t i = start; i < start + size; ++i)
      fold_of_row[order[i]] = static_cast<int>(fold);
    start += size;
  }
  return splits_from_fold_ids(fold_of_row, n_splits);
}

std::vector<Split> StratifiedKFold::split(std::span<const std::string> y) const {
  RandomState rng = shuffle ? seeded(random_state) : RandomState(0);
  return stratified_folds(y, n_splits, shuffle, rng);
}

std::vector<Split> RepeatedStratifiedKFold::split(std::span<const std::string> y) const {
  if (n_repeats < 1) {
    throw ParameterError(fmt::format(
        "RepeatedStratifiedKFold: parameter n_repeats = {} must be at least 1", n_repeats));
  }
  RandomState rng = seeded(random_state);
  std::vector<Split> all;
  for (int repeat = 0; repeat < n_repeats; ++repeat) {
    auto splits = stratified_folds(y, n_splits, true, rng);
    std::move(splits.begin(), splits.end(), std::back_inserter(all));
  }
  return all;
}

std::vector<Split> GroupKFold::split(std::span<const std::string> groups) const {
  check_n_splits("GroupKFold", n_splits);
  std::vector<std::string> unique(groups.begin(), groups.end());
  metrics::sort_labels(unique);
  const auto k = static_cast<std::size_t>(n_splits);
  if (k > unique.size()) {
    throw DataError(
        fmt::format("GroupKFold: cannot have n_splits = {} greater than the number of groups ({})",
                    n_splits, unique.size()));
  }
  std::map<std::string, std::size_t, std::less<>> index_of;
  for (std::size_t i = 0; i < unique.size(); ++i)
    index_of.emplace(unique[i], i);
  std::vector<std::size_t> group_of_row(groups.size());
  std::vector<std::size_t> sizes(unique.size(), 0);
  for (std::size_t row = 0; row < groups.size(); ++row) {
    group_of_row[row] = index_of.find(groups[row])->second;
    ++sizes[group_of_row[row]];
  }
  std::vector<std::size_t> order(unique.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return sizes[a] < sizes[b]; });
  std::reverse(order.begin(), order.end());
  std::vector<std::size_t> fold_weight(k, 0);
  std::vector<int> fold_of_group(unique.size(), 0);
  for (const std::size_t group : order) {
    const auto lightest = static_cast<std::size_t>(
        std::min_element(fold_weight.begin(), fold_weight.end()) - fold_weight.begin());
    fold_weight[lightest] += sizes[group];
    fold_of_group[group] = static_cast<int>(lightest);
  }
  std::vector<int> fold_of_row(groups.size());
  for (std::size_t row = 0; row < groups.size(); ++row)
    fold_of_row[row] = fold_of_group[group_of_row[row]];
  return splits_from_fold_ids(fold_of_row, n_splits);
}

std::vector<Split> TimeSeriesSplit::split(std::size_t n_rows) const {
  check_n_splits("TimeSeriesSplit", n_splits);
  const auto k = static_cast<std::size_t>(n_splits);
  if (k + 1 > n_rows) {
    throw DataError(fmt::format(
        "TimeSeriesSplit: cannot have n_splits + 1 = {} folds with only {} rows", k + 1, n_rows));
  }
  const std::size_t size = test_size ? *test_size : n_rows / (k + 1);
  if (size == 0 || n_rows <= gap + size * k) {
    throw DataError(fmt::format(
        "TimeSeriesSplit: too many splits ({}) for {} rows with test_size = {} and gap = {}",
        n_splits, n_rows, size, gap));
  }
  std::vector<Split> splits;
  for (std::size_t test_start = n_rows - k * size; test_start < n_rows; test_start += size) {
    Split split;
    const std::size_t train_end = test_start - gap;
    const std::size_t train_start =
        (max_train_size && *max_train_size < train_end) ? train_end - *max_train_size : 0;
    for (std::size_t row = train_start; row < train_end; ++row)
      split.train.push_back(row);
    for (std::size_t row = test_start; row < std::min(n_rows, test_start + size); ++row)
      split.test.push_back(row);
    splits.push_back(std::move(split));
  }
  return splits;
}

}  // namespace loom::tuning
