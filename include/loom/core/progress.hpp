#pragma once
// Progress reporting for long work (reading a large CSV, fitting, searching). A callback
// receives events; the CLI draws a progress line from them on a terminal. Callbacks must be
// cheap: they run on the working thread.
#include <cstddef>
#include <functional>
#include <string_view>

namespace loom {

// One progress report: what is running, how much is done, and of how much (0 = unknown).
// For readers, done and total count bytes.
struct ProgressEvent {
  std::string_view stage;
  std::size_t done = 0;
  std::size_t total = 0;
};

// Called with each event; an empty std::function means "no reporting".
using ProgressCallback = std::function<void(const ProgressEvent&)>;

}  // namespace loom
