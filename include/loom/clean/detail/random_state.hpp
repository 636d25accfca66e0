#pragma once
// numpy's legacy RandomState (MT19937), draw for draw, so that a resampler given the same
// random_state as imbalanced-learn picks the same rows and interpolation steps. Only the
// generators the resamplers need: randint (masked rejection), random_sample, permutation /
// shuffle (random_interval), the polar-method gauss, standard_gamma and beta.
#include <cstdint>
#include <optional>
#include <random>
#include <span>
#include <vector>

namespace loom::clean::detail {

class RandomState {
 public:
  // numpy.random.RandomState(seed): MT19937 seeded by init_genrand, as std::mt19937 is.
  explicit RandomState(std::uint32_t seed) : engine_(seed) {}

  std::uint32_t next_uint32() { return static_cast<std::uint32_t>(engine_()); }
  std::uint64_t next_uint64() {
    const std::uint64_t high = next_uint32();
    return (high << 32) | next_uint32();
  }
  // random_sample / uniform(0, 1): 53 random bits.
  double random_sample();
  // randint(0, high) for high >= 1, one value (numpy's masked rejection sampling).
  std::int64_t randint(std::int64_t high);
  std::vector<std::int64_t> randint(std::int64_t high, std::size_t size);
  // A uniform integer in [0, max] (numpy's random_interval, used by shuffle).
  std::uint64_t interval(std::uint64_t max);
  // permutation(n): a shuffled 0 .. n-1.
  std::vector<std::size_t> permutation(std::size_t n);
  // shuffle along the first axis, as RandomState.shuffle on an array.
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

// scikit-learn's check_random_state for the resamplers: with a seed, a generator freshly
// seeded (as imbalanced-learn rebuilds RandomState(int) at each call); without one, a
// generator seeded from std::random_device. The seed must be in [0, 2^32) (checked with the
// step's parameters: see random_state_check).
RandomState check_random_state(std::optional<std::int64_t> seed);

}  // namespace loom::clean::detail
