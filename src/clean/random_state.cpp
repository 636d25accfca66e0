#include "loom/clean/detail/random_state.hpp"

namespace loom::clean::detail {

RandomState check_random_state(std::optional<std::int64_t> seed) {
  if (!seed) {
    std::random_device device;
    return RandomState(device());
  }
  return RandomState(static_cast<std::uint32_t>(*seed));
}

}  // namespace loom::clean::detail
