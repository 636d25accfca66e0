#pragma once
// numpy's legacy random generator (numpy.random.RandomState, MT19937), draw for draw, so that
// the steps and splitters given the same random_state as scikit-learn or imbalanced-learn draw
// the same rows, folds and samples: randint (masked rejection), random_sample, uniform,
// permutation / shuffle (random_interval), the polar-method gauss, standard_gamma and beta.
// Never throws.
#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace loom {

class RandomState {
 public:
  // numpy.random.RandomState(seed): MT19937 seeded by init_genrand, as std::mt19937 is.
  explicit RandomState(std::uint32_t seed = 0) : engine_(seed) {}

  std::uint32_t next_uint32() { return static_cast<std::uint32_t>(engine_()); }
  std::uint64_t next_uint64() {
    const std::uint64_t high = next_uint32();
    return (high << 32) | next_uint32();
  }
  // random_sample / uniform(0, 1): 53 random bits.
  double random_sample();
  // randint(0, high) for high >= 1, one value (numpy's masked rejection sampling).
  std::int64_t randint(std::int64_t high);
  // randint(low, high): an integer in [low, high).
  std::int64_t randint(std::int64_t low, std::int64_t high) { return low + randint(high - low); }
  // randint(0, high, size).
  std::vector<std::int64_t> randint_many(std::int64_t high, std::size_t size);
  // uniform(low, high): low + (high - low) * random_sample().
  double uniform(double low, double high) { return low + (high - low) * random_sample(); }
  // A uniform integer in [0, max] (numpy's random_interval, used by shuffle).
  std::uint64_t interval(std::uint64_t max);
  // permutation(n): a shuffled 0 .. n-1.
  std::vector<std::size_t> permutation(std::size_t n);
  // shuffle along the first axis, as RandomState.shuffle on an array.
  template <class T>
  void shuffle(std::vector<T>& values) {
    shuffle(std::span<T>(values));
  }
  template <class T>
  void shuffle(std::span<T> values) {
    for (std::size_t i = values.size(); i-- > 1;) {
      const auto j = static_cast<std::size_t>(interval(i));
      if (i != j) std::swap(values[i], values[j]);
    }
  }
  // standard_normal (legacy polar method, second value cached).
  double gauss();
  // standard_gamma for shape > 1 (Marsaglia and Tsang, as numpy's legacy generator).
  double standard_gamma(double shape);
  // beta for a > 1 and b > 1 (the ratio of two gammas, as numpy for those shapes).
  double beta(double a, double b);

 private:
  std::mt19937 engine_;
  bool has_gauss_ = false;
  double gauss_ = 0.0;
};

}  // namespace loom
