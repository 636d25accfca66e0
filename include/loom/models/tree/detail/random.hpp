#pragma once
// The seeded generator of loom's tree models: SplitMix64, the same stream on every platform
// (std:: distributions differ between standard libraries). Internal.
#include <cstddef>
#include <cstdint>
#include <optional>

namespace loom::models::detail {

class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, bound), 0 < bound < 2^32 (multiply-shift of the top 32 bits; the bias
  // is below bound / 2^32).
  std::size_t below(std::size_t bound) {
    return static_cast<std::size_t>((next() >> 32) * bound >> 32);
  }
  // Uniform in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

// The seed of a random_state parameter: its value, or a fresh one from the system when null.
std::uint64_t seed_from(const std::optional<int>& random_state);

}  // namespace loom::models::detail
