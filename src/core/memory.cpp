#include "loom/core/detail/memory.hpp"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace loom::detail {

void advise_huge_pages([[maybe_unused]] void* data, [[maybe_unused]] std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::size_t kMinimum = std::size_t{1} << 22;  // numpy's threshold: 4 MiB
  constexpr std::uintptr_t kPage = 4096;
  if (data == nullptr || bytes < kMinimum) return;
  // madvise wants a page-aligned start; the partial first page is left out.
  const auto address = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t start = (address + kPage - 1) & ~(kPage - 1);
  if (start - address >= bytes) return;
  // Errors (an old kernel, huge pages disabled) are ignored: this is only a hint.
  madvise(reinterpret_cast<void*>(start), bytes - (start - address), MADV_HUGEPAGE);
#endif
}

}  // namespace loom::detail
