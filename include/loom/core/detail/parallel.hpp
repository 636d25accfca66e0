#pragma once
// Splits a loop over independent items (columns, row chunks) across std::threads, one
// contiguous range per thread, the first on the calling thread. Callers give each item its
// own output and combine partial results in item order, so results never depend on the
// number of threads. Internal to loom's compiled steps; not part of the public API.
#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace loom::detail {

// The number of threads a step uses: its own n_jobs when positive; otherwise the
// LOOM_NUM_THREADS environment variable when it holds a positive integer; otherwise every
// core (CLI.md). n_jobs = -1 means every core, as in scikit-learn.
inline std::size_t thread_count(int n_jobs = 0) {
  const std::size_t hardware = std::max(1u, std::thread::hardware_concurrency());
  if (n_jobs > 0) return static_cast<std::size_t>(n_jobs);
  if (n_jobs < 0) return hardware;
  if (const char* text = std::getenv("LOOM_NUM_THREADS")) {
    char* end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (end != text && *end == '\0' && value > 0) return static_cast<std::size_t>(value);
  }
  return hardware;
}

// Calls body(begin, end) on disjoint ranges covering [0, n_items). Uses at most max_threads
// threads (thread_count() when 0) and at least min_items_per_thread items per thread, so
// small inputs run on the calling thread alone. The first exception a range throws is
// rethrown after all threads have finished.
template <class Body>
void parallel_for(std::size_t n_items, std::size_t min_items_per_thread, const Body& body,
                  std::size_t max_threads = 0) {
  const std::size_t allowed = max_threads > 0 ? max_threads : thread_count();
  const std::size_t n_threads = std::min(
      allowed, std::max<std::size_t>(1, n_items / std::max<std::size_t>(1, min_items_per_thread)));
  if (n_threads <= 1) {
    if (n_items > 0) body(std::size_t{0}, n_items);
    return;
  }
  std::vector<std::exception_ptr> errors(n_threads);
  auto run = [&](std::size_t thread) {
    const std::size_t begin = n_items * thread / n_threads;
    const std::size_t end = n_items * (thread + 1) / n_threads;
    try {
      if (begin < end) body(begin, end);
    } catch (...) {
      errors[thread] = std::current_exception();
    }
  };
  std::vector<std::thread> workers;
  workers.reserve(n_threads - 1);
  std::size_t started = 1;
  try {
    for (; started < n_threads; ++started)
      workers.emplace_back(run, started);
  } catch (const std::system_error&) {
    // No more threads available: the calling thread runs the ranges not started.
  }
  run(0);
  for (std::size_t thread = started; thread < n_threads; ++thread)
    run(thread);
  for (auto& worker : workers)
    worker.join();
  for (const auto& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

// Items per thread that give each thread about min_elements elements when one item holds
// elements_per_item (a column's rows, say): at least 1.
inline std::size_t items_for(std::size_t min_elements, std::size_t elements_per_item) {
  return std::max<std::size_t>(1, min_elements / std::max<std::size_t>(1, elements_per_item));
}

}  // namespace loom::detail
