#pragma once
// xtensor views over Dataset buffers, kept apart from dataset.hpp so that only code that
// wants xtensor pays for its headers.
#include <xtensor/xadapt.hpp>

#include "loom/core/dataset.hpp"

namespace loom {

// A zero-copy, read-only 1-D xtensor view of a numeric column (SchemaError otherwise).
inline auto as_xtensor(const Column& column) {
  auto values = column.numeric_values();
  return xt::adapt(values.data(), values.size(), xt::no_ownership(),
                   std::array<std::size_t, 1>{values.size()});
}

}  // namespace loom
