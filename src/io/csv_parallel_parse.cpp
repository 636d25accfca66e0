// read_csv on several threads: the input is cut at line breaks into parts parsed at once,
// then joined in order. A cut may fall inside a quoted field (a line break within quotes);
// the part before it then runs past the cut, which is detected, and the input is parsed again
// in one part. Errors also trigger the one-part parse, whose messages carry the right lines.
#include <algorithm>
#include <cstring>
#include <exception>
#include <thread>

#include "csv_parser.hpp"

namespace loom::io::detail {

namespace {

// Parts smaller than this are not worth a thread.
constexpr std::size_t kMinimumPartBytes = std::size_t{4} << 20;

// Cut points just after a line break, near equal shares of [begin, end).
std::vector<const char*> cut_points(const char* begin, const char* end, std::size_t n_parts) {
  std::vector<const char*> cuts;
  const auto size = static_cast<std::size_t>(end - begin);
  for (std::size_t part = 1; part < n_parts; ++part) {
    const char* target = begin + size / n_parts * part;
    if (!cuts.empty() && target <= cuts.back()) continue;
    const void* found = std::memchr(target, '\n', static_cast<std::size_t>(end - target));
    if (found == nullptr) break;
    const char* cut = static_cast<const char*>(found) + 1;
    if (cut >= end) break;
    cuts.push_back(cut);
  }
  return cuts;
}

// Sorting each part's distinct values on its own thread leaves only a merge for the join of
// a categorical column. Mostly distinct values probably make a text column, which needs no
// sorting: those are left to be sorted later if need be.
void sort_dictionaries(ParsedPart& part) {
  for (auto& builder : part.builders) {
    const auto& dictionary = builder.dictionary;
    if (builder.strings && dictionary.n_distinct() * 2 <= dictionary.size()) {
      builder.dictionary.sorted_values();
    }
  }
}

}  // namespace

Dataset parse_in_parallel(CsvRowParser& parser, std::size_t n_threads) {
  CsvTokenizer& tokenizer = parser.tokenizer();
  const CsvPosition start = tokenizer.position();
  const char* const end = tokenizer.buffer_end();
  const auto size = static_cast<std::size_t>(end - start.cursor);
  const std::size_t n_parts =
      std::min(n_threads, std::max<std::size_t>(size / kMinimumPartBytes, 1));
  const std::vector<const char*> cuts = cut_points(start.cursor, end, n_parts);
  if (cuts.empty()) return parser.parse(0);

  std::vector<const char*> stops = cuts;
  stops.push_back(nullptr);
  std::vector<std::atomic<std::size_t>> counters(stops.size());
  const std::size_t base = tokenizer.bytes_done();
  std::vector<ParsedPart> parts(stops.size());
  std::vector<std::exception_ptr> errors(stops.size());
  // Each later part gets its own tokenizer, copied before any thread starts. Its lines are
  // counted from 1: only a successful parse is kept, and that needs no line numbers.
  std::vector<CsvTokenizer> part_tokenizers(stops.size() - 1, tokenizer);
  std::vector<std::thread> threads;
  for (std::size_t index = 1; index < stops.size(); ++index) {
    part_tokenizers[index - 1].seek({cuts[index - 1], 1});
    threads.emplace_back([&, index] {
      try {
        parts[index] = parser.parse_part(part_tokenizers[index - 1], 0, stops[index],
                                         {&counters, index, false, base});
        sort_dictionaries(parts[index]);
      } catch (...) {
        errors[index] = std::current_exception();
      }
    });
  }
  // The calling thread parses the first part, so progress is reported on it.
  try {
    parts[0] = parser.parse_part(tokenizer, 0, stops[0], {&counters, 0, true, base});
    sort_dictionaries(parts[0]);
  } catch (...) {
    errors[0] = std::current_exception();
  }
  for (auto& thread : threads)
    thread.join();

  bool usable = true;
  for (std::size_t index = 0; index < parts.size(); ++index) {
    if (errors[index]) usable = false;
    // A part that ran past its cut read the start of the next part as a row of its own:
    // the cut was inside a quoted field.
    if (usable && index + 1 < parts.size() && parts[index].end.cursor != cuts[index]) {
      usable = false;
    }
  }
  if (!usable) {
    parts.clear();
    tokenizer.seek(start);
    return parser.parse(0);
  }
  return parser.finish(parts, n_threads);
}

}  // namespace loom::io::detail
