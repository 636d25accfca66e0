#pragma once
// Runs independent tasks (a candidate on a fold) on a few threads: each thread takes the next
// task index, every task writes its own result slot, so results never depend on the number of
// threads. The exception of the lowest failing task is rethrown once all threads stop.
// Internal to loom::tuning.
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "loom/core/error.hpp"
#include "loom/core/progress.hpp"

namespace loom::tuning::detail {

inline void run_tasks(std::size_t n_tasks, int n_threads,
                      const std::function<void(std::size_t)>& task,
                      const ProgressCallback& progress, std::string_view stage) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::vector<std::exception_ptr> errors(n_tasks);
  std::mutex progress_mutex;
  std::size_t done = 0;
  if (progress) progress(ProgressEvent{stage, 0, n_tasks});
  auto worker = [&] {
    for (;;) {
      const std::size_t index = next.fetch_add(1);
      if (index >= n_tasks || failed.load()) return;
      try {
        task(index);
      } catch (...) {
        errors[index] = std::current_exception();
        failed.store(true);
        return;
      }
      if (progress) {
        std::lock_guard lock(progress_mutex);
        progress(ProgressEvent{stage, ++done, n_tasks});
      }
    }
  };
  const std::size_t wanted =
      std::min<std::size_t>(n_tasks, static_cast<std::size_t>(std::max(1, n_threads)));
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < wanted; ++i) {
    try {
      threads.emplace_back(worker);
    } catch (const std::system_error&) {
      break;  // fewer threads: the calling thread does the rest
    }
  }
  worker();
  for (auto& thread : threads)
    thread.join();
  for (const auto& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

// Runs body; a loom error it throws is rethrown as the same type with context in front
// ("fold 2 of 5: ...").
template <class Body>
void with_context(const std::string& context, const Body& body) {
  try {
    body();
  } catch (const DataError& error) {
    throw DataError(fmt::format("{}: {}", context, error.what()));
  } catch (const SchemaError& error) {
    throw SchemaError(fmt::format("{}: {}", context, error.what()));
  } catch (const ParameterError& error) {
    throw ParameterError(fmt::format("{}: {}", context, error.what()));
  } catch (const ParseError& error) {
    throw ParseError(fmt::format("{}: {}", context, error.what()));
  } catch (const NotFittedError& error) {
    throw NotFittedError(fmt::format("{}: {}", context, error.what()));
  } catch (const IoError& error) {
    throw IoError(fmt::format("{}: {}", context, error.what()));
  } catch (const Error& error) {
    throw Error(fmt::format("{}: {}", context, error.what()));
  }
}

}  // namespace loom::tuning::detail
