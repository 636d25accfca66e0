#include "loom/models/tree/detail/threads.hpp"

namespace loom::models::detail {

WorkerPool::WorkerPool(std::size_t n_threads) {
  for (std::size_t thread = 1; thread < n_threads; ++thread) {
    try {
      workers_.emplace_back([this] { work(); });
    } catch (const std::system_error&) {
      break;  // fewer threads than asked: the others share the work
    }
  }
}

WorkerPool::~WorkerPool() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  start_.notify_all();
  for (auto& worker : workers_)
    worker.join();
}

void WorkerPool::drain() {
  try {
    for (std::size_t item = next_++; item < n_items_; item = next_++)
      (*body_)(item);
  } catch (...) {
    const std::lock_guard lock(mutex_);
    if (!error_) error_ = std::current_exception();
    next_ = n_items_;
  }
}

void WorkerPool::work() {
  std::size_t seen = 0;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      start_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
    }
    drain();
    {
      const std::lock_guard lock(mutex_);
      --busy_;
    }
    finished_.notify_all();
  }
}

void WorkerPool::run(std::size_t n_items, const std::function<void(std::size_t)>& body) {
  if (workers_.empty() || n_items <= 1) {
    for (std::size_t item = 0; item < n_items; ++item)
      body(item);
    return;
  }
  {
    const std::lock_guard lock(mutex_);
    body_ = &body;
    n_items_ = n_items;
    next_ = 0;
    error_ = nullptr;
    busy_ = workers_.size();
    ++generation_;
  }
  start_.notify_all();
  drain();
  std::unique_lock lock(mutex_);
  finished_.wait(lock, [&] { return busy_ == 0; });
  if (error_) std::rethrow_exception(error_);
}

}  // namespace loom::models::detail
