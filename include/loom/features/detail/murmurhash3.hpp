#pragma once
// MurmurHash3 x86 32-bit (Austin Appleby's public-domain reference), bit-identical to
// scikit-learn's sklearn.utils.murmurhash3_32 on the UTF-8 bytes of a string: the signed
// result by default, the unsigned one as `positive=True` gives.
#include <cstdint>
#include <cstring>
#include <string_view>

namespace loom::features::detail {

inline std::uint32_t murmurhash3_32_unsigned(std::string_view key, std::uint32_t seed = 0) {
  constexpr std::uint32_t c1 = 0xcc9e2d51u, c2 = 0x1b873593u;
  const auto rotl = [](std::uint32_t x, int r) { return (x << r) | (x >> (32 - r)); };
  const auto* data = reinterpret_cast<const unsigned char*>(key.data());
  const std::size_t length = key.size();
  const std::size_t n_blocks = length / 4;
  std::uint32_t h = seed;
  for (std::size_t block = 0; block < n_blocks; ++block) {
    std::uint32_t k;
    std::memcpy(&k, data + block * 4, 4);  // little-endian read, as the reference on x86
    k *= c1;
    k = rotl(k, 15);
    k *= c2;
    h ^= k;
    h = rotl(h, 13);
    h = h * 5 + 0xe6546b64u;
  }
  const unsigned char* tail = data + n_blocks * 4;
  std::uint32_t k = 0;
  switch (length & 3) {
    case 3:
      k ^= static_cast<std::uint32_t>(tail[2]) << 16;
      [[fallthrough]];
    case 2:
      k ^= static_cast<std::uint32_t>(tail[1]) << 8;
      [[fallthrough]];
    case 1:
      k ^= tail[0];
      k *= c1;
      k = rotl(k, 15);
      k *= c2;
      h ^= k;
      break;
    default:
      break;
  }
  h ^= static_cast<std::uint32_t>(length);
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}

// The signed hash, as sklearn.utils.murmurhash3_32(key, seed) returns it.
inline std::int32_t murmurhash3_32(std::string_view key, std::uint32_t seed = 0) {
  return static_cast<std::int32_t>(murmurhash3_32_unsigned(key, seed));
}

// Column index and sign of a hashed feature, as scikit-learn's _hashing_fast: index =
// abs(hash) mod n_features (hash -2^31 handled as scikit-learn does), sign + for hash >= 0.
struct HashedIndex {
  std::int32_t index;
  bool negative;
};

inline HashedIndex hashed_index(std::string_view key, std::int64_t n_features) {
  const std::int32_t hash = murmurhash3_32(key, 0);
  std::int64_t index;
  if (hash == INT32_MIN) {
    index = (std::int64_t{2147483647} - (n_features - 1)) % n_features;
  } else {
    index = (hash < 0 ? -static_cast<std::int64_t>(hash) : hash) % n_features;
  }
  return {static_cast<std::int32_t>(index), hash < 0};
}

}  // namespace loom::features::detail
