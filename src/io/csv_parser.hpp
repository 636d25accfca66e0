#pragma once
// Turns tokenized rows into typed columns. Shared by read_csv (all rows at once, in parallel
// parts for large inputs) and CsvChunkReader (a chunk at a time, with types fixed after the
// first chunk).
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "csv_row_batch.hpp"
#include "csv_tokenizer.hpp"
#include "loom/core/dataset.hpp"
#include "loom/io/csv.hpp"
#include "missing_markers.hpp"
#include "string_column_builder.hpp"

namespace loom::io::detail {

// How one column is read: its type inferred from the values, or fixed.
enum class ColumnPlan { infer, numeric, categorical, text };

// Reads the header row and returns the column names (pandas' renaming of duplicates and
// empty names applied); without a header, names x0, x1, ... after the first row's field
// count, leaving the tokenizer before that row. ParseError when the input has no rows.
std::vector<std::string> read_column_names(CsvTokenizer& tokenizer, const CsvOptions& options);

// One plan per column from options.types (infer elsewhere). SchemaError for an override
// that names no column, unless options.ignore_unknown_type_overrides (then it is skipped).
std::vector<ColumnPlan> plan_columns(const std::vector<std::string>& names,
                                     const CsvOptions& options, std::string_view source_name);
// Fixed plans that reproduce an inferred schema.
std::vector<ColumnPlan> plan_from_schema(const std::vector<ColumnSchema>& schema);

// A column being read: numbers while every value parses (or must), strings otherwise.
struct ColumnBuilder {
  bool strings = false;
  std::vector<double> numbers;
  StringColumnBuilder dictionary;
};

// The rows of one stretch of the input, not yet made into columns.
struct ParsedPart {
  std::vector<ColumnBuilder> builders;
  CsvPosition begin;
  CsvPosition end;
  std::size_t rows = 0;
};

// Where a part reports the bytes it has read: its own counter among all parts' counters;
// the part that reports sums them and calls options.progress.
struct ProgressShare {
  std::vector<std::atomic<std::size_t>>* counters = nullptr;
  std::size_t index = 0;
  bool reports = true;
  std::size_t base = 0;  // bytes before the first part (the header)
};

// Per-row work arrays of a batch, reused from batch to batch.
struct BatchScratch {
  std::vector<std::uint64_t> hashes;
  std::vector<std::uint8_t> missing;
};

class CsvRowParser {
 public:
  CsvRowParser(CsvTokenizer& tokenizer, const CsvOptions& options, std::vector<std::string> names,
               std::vector<ColumnPlan> plans);

  // Parses up to max_rows rows (0 = all that are left) from the tokenizer's position.
  // Throws ParseError for a wrong field count or a non-number in a numeric-planned column.
  Dataset parse(std::size_t max_rows);
  const std::vector<std::string>& names() const { return names_; }

  // The pieces parse() is made of, also used by the parallel reader (csv_parallel_parse).
  // parse_part reads rows with tokenizer (a copy of the parser's, or the parser's own) until
  // max_rows rows or until a row would begin at or after stop (nullptr: the end).
  ParsedPart parse_part(CsvTokenizer& tokenizer, std::size_t max_rows, const char* stop,
                        ProgressShare progress) const;
  // Reads rows rows from begin again, for one column only, as strings into dictionary, with
  // a copy of prototype (a tokenizer no other thread is using).
  void rescan_as_strings(const CsvTokenizer& prototype, CsvPosition begin, std::size_t rows,
                         std::size_t column, StringColumnBuilder& dictionary) const;
  // Joins one column of consecutive parts (turning numbers back into strings where one part
  // saw a non-number) and makes it a Column, its type decided on all the rows.
  Column finish_column(std::vector<ParsedPart>& parts, std::size_t column) const;
  // All columns, on up to n_threads threads (each column on one thread).
  Dataset finish(std::vector<ParsedPart>& parts, std::size_t n_threads) const;
  CsvTokenizer& tokenizer() const { return tokenizer_; }
  const CsvOptions& options() const { return options_; }

 private:
  void switch_to_strings(const CsvTokenizer& prototype, CsvPosition begin, std::size_t rows,
                         std::size_t column, ColumnBuilder& builder) const;
  // The parts of parse_part (csv_parse_part.cpp).
  void parse_batch(const CsvTokenizer& tokenizer, ParsedPart& part, const RowBatch& batch,
                   BatchScratch& scratch) const;
  void add_strings(StringColumnBuilder& dictionary, const RowBatch& batch, std::size_t column,
                   std::size_t first_row, BatchScratch& scratch) const;
  void reserve_for_estimate(const CsvTokenizer& tokenizer, ParsedPart& part, const char* last,
                            std::size_t limit) const;
  [[noreturn]] void throw_not_a_number(std::size_t line, std::size_t column,
                                       std::string_view value) const;
  [[noreturn]] void throw_field_count(std::size_t line, std::size_t found) const;
  void report_progress(const CsvTokenizer& tokenizer, const ParsedPart& part,
                       ProgressShare progress) const;

  CsvTokenizer& tokenizer_;
  const CsvOptions& options_;
  MissingMarkers markers_;
  std::vector<std::string> names_;
  std::vector<ColumnPlan> plans_;
};

// Parses everything left in the parser's tokenizer in up to n_threads parts at once, then
// joins them; identical results to parser.parse(0). Falls back to one part when the input
// is small, when a split point turns out to be inside a quoted field, or on any error (so
// that messages carry the right line numbers).
Dataset parse_in_parallel(CsvRowParser& parser, std::size_t n_threads);

}  // namespace loom::io::detail
