// read_csv and read_csv_string: the whole input parsed from a memory buffer, in parallel
// parts when it is large.
#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>
#include <thread>

#include "csv_parser.hpp"
#include "csv_tokenizer.hpp"
#include "file_buffer.hpp"
#include "loom/io/csv.hpp"

namespace loom::io {

namespace {

// Two threads take most of the gain: past that, memory bandwidth and the joining of
// dictionaries limit it.
constexpr std::size_t kDefaultMaximumThreads = 2;

std::size_t resolve_threads(const CsvOptions& options) {
  if (options.n_threads > 0) return options.n_threads;
  std::size_t threads = std::max(1u, std::thread::hardware_concurrency());
  if (const char* setting = std::getenv("LOOM_NUM_THREADS")) {
    const long value = std::strtol(setting, nullptr, 10);
    if (value > 0) threads = std::min(threads, static_cast<std::size_t>(value));
  }
  return std::min(threads, kDefaultMaximumThreads);
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
  const detail::FileBuffer buffer(path);
  return read_csv_string(buffer.view(), options, path);
}

}  // namespace loom::io
