// read_csv and read_csv_string: the whole input parsed from a memory buffer, in parallel
// parts when it is large.
#include <stdlib.h>  // getloadavg, which <cstdlib> need not declare

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>
#include <thread>

#include "csv_parser.hpp"
#include "csv_tokenizer.hpp"
#include "file_buffer.hpp"
#include "loom/core/detail/parallel.hpp"
#include "loom/io/csv.hpp"

namespace loom::io {

namespace {

// Two threads take most of the gain: past that, memory bandwidth and the joining of
// dictionaries limit it.
constexpr std::size_t kDefaultMaximumThreads = 2;

// A second thread only pays when a core is idle: on a busy machine it gets no core of its
// own (measured: 25% more CPU for the joining, no shorter wall time), so the load average
// decides, where the system reports one.
bool has_idle_core(std::size_t cores) {
#if defined(__unix__) || defined(__APPLE__)
  double load = 0.0;
  if (::getloadavg(&load, 1) == 1) return load + 1.0 <= static_cast<double>(cores);
#endif
  return true;
}

std::size_t resolve_threads(const CsvOptions& options) {
  if (options.n_threads > 0) return options.n_threads;
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t threads = std::min(loom::detail::thread_count(), kDefaultMaximumThreads);
  return threads > 1 && has_idle_core(cores) ? threads : 1;
}

}  // namespace

Dataset read_csv_string(std::string_view text, const CsvOptions& options,
                        std::string_view source_name) {
  detail::CsvTokenizer tokenizer(text, options, source_name);
  auto names = detail::read_column_names(tokenizer, options);
  auto plans = detail::plan_columns(names, options, source_name);
  detail::CsvRowParser parser(tokenizer, options, std::move(names), std::move(plans));
  const std::size_t threads = resolve_threads(options);
  return threads > 1 ? detail::parse_in_parallel(parser, threads) : parser.parse(0);
}

Dataset read_csv(const std::string& path, const CsvOptions& options) {
  const detail::FileBuffer buffer(path, true);
  return read_csv_string(buffer.view(), options, path);
}

}  // namespace loom::io
