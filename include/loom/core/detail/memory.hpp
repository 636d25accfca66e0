#pragma once
// Large output buffers: asks Linux for transparent huge pages on them before their first
// write, as numpy does for arrays of 4 MiB or more, so that filling them costs one page fault
// per 2 MiB instead of one per 4 KiB. Internal to loom's compiled steps.
#include <cstddef>

namespace loom::detail {

// A hint only: does nothing for buffers under 4 MiB, on other systems, or when the kernel
// declines. Call it on freshly allocated memory, before writing to it.
void advise_huge_pages(void* data, std::size_t bytes);

}  // namespace loom::detail
