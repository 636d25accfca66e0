#include "loom/core/random_state.hpp"

#include <cmath>

namespace loom {

namespace {
// The smallest all-ones bit mask covering max.
std::uint64_t covering_mask(std::uint64_t max) {
  std::uint64_t mask = max;
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  mask |= mask >> 8;
  mask |= mask >> 16;
  mask |= mask >> 32;
  return mask;
}
}  // namespace

double RandomState::random_sample() {
  const std::int32_t a = static_cast<std::int32_t>(next_uint32() >> 5);
  const std::int32_t b = static_cast<std::int32_t>(next_uint32() >> 6);
  return (a * 67108864.0 + b) / 9007199254740992.0;
}

std::int64_t RandomState::randint(std::int64_t high) {
  // numpy draws randint(low, high) as low + a masked draw in [0, high - low - 1]; a range of
  // one value draws nothing.
  const auto range = static_cast<std::uint64_t>(high - 1);
  if (range == 0) return 0;
  const std::uint64_t mask = covering_mask(range);
  std::uint64_t value = 0;
  if (range <= 0xFFFFFFFFULL) {
    if (range == 0xFFFFFFFFULL) return static_cast<std::int64_t>(next_uint32());
    while ((value = (next_uint32() & mask)) > range) {
    }
  } else {
    if (range == 0xFFFFFFFFFFFFFFFFULL) return static_cast<std::int64_t>(next_uint64());
    while ((value = (next_uint64() & mask)) > range) {
    }
  }
  return static_cast<std::int64_t>(value);
}

std::vector<std::int64_t> RandomState::randint_many(std::int64_t high, std::size_t size) {
  std::vector<std::int64_t> values(size);
  for (auto& value : values)
    value = randint(high);
  return values;
}

std::uint64_t RandomState::interval(std::uint64_t max) {
  if (max == 0) return 0;
  const std::uint64_t mask = covering_mask(max);
  std::uint64_t value = 0;
  if (max <= 0xFFFFFFFFULL) {
    while ((value = (next_uint32() & mask)) > max) {
    }
  } else {
    while ((value = (next_uint64() & mask)) > max) {
    }
  }
  return value;
}

std::vector<std::size_t> RandomState::permutation(std::size_t n) {
  std::vector<std::size_t> values(n);
  for (std::size_t i = 0; i < n; ++i)
    values[i] = i;
  shuffle(std::span<std::size_t>(values));
  return values;
}

double RandomState::gauss() {
  if (has_gauss_) {
    has_gauss_ = false;
    return gauss_;
  }
  double x1 = 0.0;
  double x2 = 0.0;
  double r2 = 0.0;
  do {
    x1 = 2.0 * random_sample() - 1.0;
    x2 = 2.0 * random_sample() - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  const double f = std::sqrt(-2.0 * std::log(r2) / r2);
  gauss_ = f * x1;
  has_gauss_ = true;
  return f * x2;
}

double RandomState::standard_gamma(double shape) {
  // Marsaglia and Tsang's method, as numpy's legacy_standard_gamma.
  const double b = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * b);
  for (;;) {
    double x = 0.0;
    double v = 0.0;
    do {
      x = gauss();
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = random_sample();
    if (u < 1.0 - 0.0331 * (x * x) * (x * x)) return b * v;
    if (std::log(u) < 0.5 * x * x + b * (1.0 - v + std::log(v))) return b * v;
  }
}

double RandomState::beta(double a, double b) {
  const double ga = standard_gamma(a);
  const double gb = standard_gamma(b);
  return ga / (ga + gb);
}

}  // namespace loom
