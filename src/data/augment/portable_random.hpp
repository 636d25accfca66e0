#pragma once
// Draws from std::mt19937_64 that give the same numbers with every standard library (the
// std:: distributions are implementation-defined): uniform doubles from the top 53 bits,
// integers by rejection, normals by Box-Muller (one normal per two uniforms).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <random>

namespace loom::data::augment::detail {

// Uniform in [0, 1).
inline double uniform01(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

// Uniform integer in [0, n); n > 0.
inline std::size_t uniform_index(std::mt19937_64& rng, std::size_t n) {
  const std::uint64_t range = n;
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % range;
  std::uint64_t draw = rng();
  while (draw >= limit)
    draw = rng();
  return static_cast<std::size_t>(draw % range);
}

// Standard normal.
inline double standard_normal(std::mt19937_64& rng) {
  const double u1 = 1.0 - uniform01(rng);  // (0, 1]
  const double u2 = uniform01(rng);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

}  // namespace loom::data::augment::detail
