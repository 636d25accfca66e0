#pragma once
// SHA-256 (FIPS 180-4) of a byte string, as lowercase hex. Used for saved-model checksums and
// dataset fingerprints.
#include <string>
#include <string_view>

namespace loom {

std::string sha256_hex(std::string_view bytes);

}  // namespace loom
