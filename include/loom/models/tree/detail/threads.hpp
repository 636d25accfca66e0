#pragma once
// Threads for tree ensembles: n_jobs resolved as scikit-learn does (null = the
// LOOM_NUM_THREADS environment variable, else every core; -1 = every core; -k = all but
// k - 1), and a loop over independent items (trees, features) on that many threads, each item
// writing its own output. Internal.
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace loom::models::detail {

std::size_t resolve_n_jobs(const std::optional<int>& n_jobs);

// Calls body(item) for every item in [0, n_items) on up to n_threads threads, items handed
// out one at a time (trees take uneven times). Rethrows the first exception after all
// threads finished.
template <class Body>
void parallel_items(std::size_t n_items, std::size_t n_threads, const Body& body) {
  n_threads = std::max<std::size_t>(1, std::min(n_threads, n_items));
  if (n_threads <= 1) {
    for (std::size_t item = 0; item < n_items; ++item)
      body(item);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> errors(n_threads);
  auto run = [&](std::size_t thread) {
    try {
      for (std::size_t item = next++; item < n_items; item = next++)
        body(item);
    } catch (...) {
      errors[thread] = std::current_exception();
      next = n_items;
    }
  };
  std::vector<std::thread> workers;
  for (std::size_t thread = 1; thread < n_threads; ++thread)
    workers.emplace_back(run, thread);
  run(0);
  for (auto& worker : workers)
    worker.join();
  for (const auto& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

// A fixed set of threads for many short parallel loops (histograms of one node, say): the
// threads wait between loops instead of being started for each. run() is called from one
// thread at a time; the calling thread takes part.
class WorkerPool {
 public:
  explicit WorkerPool(std::size_t n_threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  std::size_t size() const { return workers_.size() + 1; }
  // Calls body(item) for every item in [0, n_items); rethrows the first exception.
  void run(std::size_t n_items, const std::function<void(std::size_t)>& body);

 private:
  void work();
  void drain();

  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable start_, finished_;
  const std::function<void(std::size_t)>* body_ = nullptr;
  std::size_t n_items_ = 0;
  std::atomic<std::size_t> next_{0};
  std::size_t generation_ = 0;
  std::size_t busy_ = 0;
  bool stopping_ = false;
  std::exception_ptr error_;
};

}  // namespace loom::models::detail
