#pragma once
// numpy's legacy random generator (numpy.random.RandomState) for the draws scikit-learn's
// splitters and searches make: an MT19937 seeded as RandomState(seed), the masked rejection
// sampling of randint and shuffle, and 53-bit doubles. The same seed gives the same folds,
// splits and samples as scikit-learn. Never throws.
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace loom::tuning {

class RandomState {
 public:
  // As numpy.random.RandomState(seed) for a seed in [0, 2^32).
  explicit RandomState(std::uint32_t seed = 0) : engine_(seed) {}

  std::uint32_t next_uint32() { return static_cast<std::uint32_t>(engine_()); }
  // A double in [0, 1) from two 32-bit draws (random_sample).
  double random_sample();
  // uniform(low, high): low + (high - low) * random_sample().
  double uniform(double low, double high) { return low + (high - low) * random_sample(); }
  // An integer in [0, max] by masked rejection (numpy's random_interval).
  std::uint64_t interval(std::uint64_t max);
  // randint(low, high): an integer in [low, high).
  std::int64_t randint(std::int64_t low, std::int64_t high);
  // In-place Fisher-Yates shuffle as RandomState.shuffle of a 1-D array.
  template <class T>
  void shuffle(std::vector<T>& values) {
    for (std::size_t i = values.size(); i-- > 1;) {
      const auto j = static_cast<std::size_t>(interval(i));
      std::swap(values[i], values[j]);
    }
  }
  // permutation(n): a shuffled 0, 1, ..., n - 1.
  std::vector<std::size_t> permutation(std::size_t n);

 private:
  std::mt19937 engine_;
};

}  // namespace loom::tuning
