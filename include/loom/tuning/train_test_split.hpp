#pragma once
// Random splits of the rows, as sklearn.model_selection.train_test_split (plain, or stratified
// through StratifiedShuffleSplit) with numpy's RandomState(seed): the same seed gives the same
// rows, in the same order, as scikit-learn. Sizes below 1 are fractions of the rows (test
// rounded up, train down), sizes of 1 or more counts. Throws ParameterError for sizes out of
// range, DataError when a class is too small to stratify.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "loom/tuning/splitters.hpp"

namespace loom::tuning {

struct TrainTestSplitOptions {
  std::optional<double> test_size;   // default 0.25 when train_size is unset too
  std::optional<double> train_size;  // default: the rest
  std::uint32_t random_state = 0;
  bool shuffle = true;
  std::span<const std::string> stratify = {};  // class labels, or empty
};

// {train rows, test rows}, in scikit-learn's order (not sorted).
Split train_test_split(std::size_t n_rows, const TrainTestSplitOptions& options);

// Train / validation / test: the test rows are split off first (test_size of all rows), then the
// validation rows (validation_size of all rows) from the rest, each as train_test_split with the
// same seed and stratification.
struct TrainValidationTestSplit {
  std::vector<std::size_t> train;
  std::vector<std::size_t> validation;
  std::vector<std::size_t> test;
};
TrainValidationTestSplit train_validation_test_split(std::size_t n_rows, double validation_size,
                                                     double test_size, std::uint32_t random_state,
                                                     std::span<const std::string> stratify = {});

}  // namespace loom::tuning
