#pragma once
// Cross-validation splitters with scikit-learn 1.2's exact indices: KFold, StratifiedKFold,
// RepeatedStratifiedKFold, GroupKFold and TimeSeriesSplit (sklearn.model_selection). Seeds
// draw as numpy's RandomState(seed), so shuffled folds equal scikit-learn's. Labels and groups
// are strings (a Column's value_string). Invalid settings throw ParameterError, data that
// cannot be split so (too few rows, classes or groups) DataError.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "loom/core/column.hpp"

namespace loom::tuning {

// One fold: the training rows and the test rows, each in increasing order.
struct Split {
  std::vector<std::size_t> train;
  std::vector<std::size_t> test;
};

// Each cell of a column as text (class labels or group ids for the splitters).
std::vector<std::string> column_strings(const Column& column);

// K consecutive folds, the first n % k one row larger; shuffled first with a seed.
struct KFold {
  explicit KFold(int n_splits_ = 5, bool shuffle_ = false,
                 std::optional<std::uint32_t> random_state_ = std::nullopt)
      : n_splits(n_splits_), shuffle(shuffle_), random_state(random_state_) {}
  int n_splits = 5;
  bool shuffle = false;
  std::optional<std::uint32_t> random_state;  // required when shuffle (seed of the shuffle)

  std::vector<Split> split(std::size_t n_rows) const;
};

// Folds that keep each class's share (scikit-learn 1.2's allocation: classes counted in order
// of first appearance, round robin over the sorted labels, blocks of fold ids per class).
struct StratifiedKFold {
  explicit StratifiedKFold(int n_splits_ = 5, bool shuffle_ = false,
                           std::optional<std::uint32_t> random_state_ = std::nullopt)
      : n_splits(n_splits_), shuffle(shuffle_), random_state(random_state_) {}
  int n_splits = 5;
  bool shuffle = false;
  std::optional<std::uint32_t> random_state;

  std::vector<Split> split(std::span<const std::string> y) const;
};

// StratifiedKFold repeated n_repeats times with shuffling, one generator across repeats.
struct RepeatedStratifiedKFold {
  explicit RepeatedStratifiedKFold(int n_splits_ = 5, int n_repeats_ = 10,
                                   std::optional<std::uint32_t> random_state_ = std::nullopt)
      : n_splits(n_splits_), n_repeats(n_repeats_), random_state(random_state_) {}
  int n_splits = 5;
  int n_repeats = 10;
  std::optional<std::uint32_t> random_state;

  std::vector<Split> split(std::span<const std::string> y) const;
};

// Folds that never split a group, the largest groups first into the lightest fold.
// Groups of equal size go in decreasing order of their sorted position (scikit-learn's
// argsort agrees with this for up to 16 groups).
struct GroupKFold {
  explicit GroupKFold(int n_splits_ = 5) : n_splits(n_splits_) {}
  int n_splits = 5;

  std::vector<Split> split(std::span<const std::string> groups) const;
};

// Growing windows of past rows, each followed by a test block (scikit-learn's TimeSeriesSplit).
struct TimeSeriesSplit {
  explicit TimeSeriesSplit(int n_splits_ = 5, std::optional<std::size_t> max_train_size_ = {},
                           std::optional<std::size_t> test_size_ = {}, std::size_t gap_ = 0)
      : n_splits(n_splits_), max_train_size(max_train_size_), test_size(test_size_), gap(gap_) {}
  int n_splits = 5;
  std::optional<std::size_t> max_train_size;
  std::optional<std::size_t> test_size;
  std::size_t gap = 0;

  std::vector<Split> split(std::size_t n_rows) const;
};

}  // namespace loom::tuning
