#include "loom/tuning/random_state.hpp"

#include <numeric>

namespace loom::tuning {

double RandomState::random_sample() {
  const auto a = static_cast<std::int32_t>(next_uint32() >> 5);
  const auto b = static_cast<std::int32_t>(next_uint32() >> 6);
  return (a * 67108864.0 + b) / 9007199254740992.0;
}

std::uint64_t RandomState::interval(std::uint64_t max) {
  if (max == 0) return 0;
  std::uint64_t mask = max;
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  mask |= mask >> 8;
  mask |= mask >> 16;
  mask |= mask >> 32;
  std::uint64_t value = 0;
  if (max <= 0xffffffffULL) {
    while ((value = (next_uint32() & mask)) > max) {
    }
  } else {
    // numpy draws 64 bits as two 32-bit words, high word first.
    auto next_uint64 = [this] {
      const std::uint64_t high = next_uint32();
      return (high << 32) | next_uint32();
    };
    while ((value = (next_uint64() & mask)) > max) {
    }
  }
  return value;
}

std::int64_t RandomState::randint(std::int64_t low, std::int64_t high) {
  return low + static_cast<std::int64_t>(interval(static_cast<std::uint64_t>(high - low - 1)));
}

std::vector<std::size_t> RandomState::permutation(std::size_t n) {
  std::vector<std::size_t> values(n);
  std::iota(values.begin(), values.end(), std::size_t{0});
  shuffle(values);
  return values;
}

}  // namespace loom::tuning
