// CsvRowParser::parse_part: rows are read a batch at a time and each column of a batch is
// handled in one loop. For string columns the batch's hashes are computed and their table
// slots prefetched first, so that the lookups of a batch overlap in memory rather than each
// waiting for its own cache miss (this halves the time of a column of a million distinct
// values).
#include <algorithm>
#include <limits>
#include <optional>

#include "csv_parser.hpp"
#include "number_parser.hpp"

namespace loom::io::detail {

namespace {
constexpr std::size_t kBatchRows = 128;
constexpr std::size_t kProgressEveryRows = 1 << 16;
constexpr std::size_t kRowsBeforeEstimate = 1024;
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
}  // namespace

void CsvRowParser::add_strings(StringColumnBuilder& dictionary, const RowBatch& batch,
                               std::size_t column, std::size_t first_row,
                               BatchScratch& scratch) const {
  for (std::size_t row = first_row; row < batch.n_rows; ++row) {
    const std::string_view value = batch.field(row, column).view();
    scratch.missing[row] = markers_.matches(value);
    if (!scratch.missing[row]) {
      scratch.hashes[row] = StringColumnBuilder::hash(value);
      dictionary.prefetch(scratch.hashes[row]);
    }
  }
  for (std::size_t row = first_row; row < batch.n_rows; ++row) {
    const CsvField& field = batch.field(row, column);
    if (scratch.missing[row]) {
      dictionary.add_missing();
    } else {
      dictionary.add_hashed(field.view(), field.stable, scratch.hashes[row]);
    }
  }
}

// The rows of a batch, column by column. A non-number in a numeric-planned column is
// reported for the first such field in row order, as a row-by-row reader would.
void CsvRowParser::parse_batch(const CsvTokenizer& tokenizer, ParsedPart& part,
                               const RowBatch& batch, BatchScratch& scratch) const {
  std::size_t error_row = kNone;
  std::size_t error_column = kNone;
  for (std::size_t column = 0; column < names_.size(); ++column) {
    ColumnBuilder& builder = part.builders[column];
    std::size_t row = 0;
    if (!builder.strings) {
      for (; row < batch.n_rows; ++row) {
        const std::string_view value = batch.field(row, column).view();
        double number;
        if (markers_.matches(value)) {
          builder.numbers.push_back(std::numeric_limits<double>::quiet_NaN());
        } else if (parse_number(value, number)) {
          builder.numbers.push_back(number);
        } else {
          break;
        }
      }
      if (row == batch.n_rows) continue;
      if (plans_[column] == ColumnPlan::numeric) {
        if (row < error_row) {
          error_row = row;
          error_column = column;
        }
        continue;
      }
      // Not numeric after all: earlier batches are read again, this one's rows copied.
      switch_to_strings(tokenizer, part.begin, part.rows, column, builder);
      for (std::size_t earlier = 0; earlier < row; ++earlier) {
        const CsvField& field = batch.field(earlier, column);
        if (markers_.matches(field.view())) {
          builder.dictionary.add_missing();
        } else {
          builder.dictionary.add(field.view(), field.stable);
        }
      }
    }
    add_strings(builder.dictionary, batch, column, row, scratch);
  }
  if (error_row != kNone) {
    throw_not_a_number(batch.field_line(error_row, error_column), error_column,
                       batch.field(error_row, error_column).view());
  }
}

// Reserves for the rows the rest of the part probably holds, judging by those read so far.
void CsvRowParser::reserve_for_estimate(const CsvTokenizer& tokenizer, ParsedPart& part,
                                        const char* last, std::size_t limit) const {
  const auto read = static_cast<double>(tokenizer.position().cursor - part.begin.cursor);
  const auto left = static_cast<double>(last - part.begin.cursor);
  const auto estimate =
      static_cast<std::size_t>(left / read * static_cast<double>(part.rows) * 1.02) + 16;
  for (auto& builder : part.builders) {
    if (builder.strings) {
      builder.dictionary.reserve(std::min(estimate, limit));
    } else {
      builder.numbers.reserve(std::min(estimate, limit));
    }
  }
}

ParsedPart CsvRowParser::parse_part(CsvTokenizer& tokenizer, std::size_t max_rows, const char* stop,
                                    ProgressShare progress) const {
  const std::size_t n_columns = names_.size();
  ParsedPart part;
  part.begin = tokenizer.position();
  part.builders.resize(n_columns);
  for (std::size_t column = 0; column < n_columns; ++column) {
    const ColumnPlan plan = plans_[column];
    part.builders[column].strings = plan == ColumnPlan::categorical || plan == ColumnPlan::text;
  }
  const std::size_t limit = max_rows == 0 ? std::numeric_limits<std::size_t>::max() : max_rows;
  const char* const last = stop != nullptr ? stop : tokenizer.buffer_end();
  RowBatch batch(n_columns);
  BatchScratch scratch{std::vector<std::uint64_t>(kBatchRows),
                       std::vector<std::uint8_t>(kBatchRows)};
  std::optional<std::pair<std::size_t, std::size_t>> bad_row;  // line, fields found
  bool exhausted = false;
  while (!exhausted) {
    batch.clear();
    while (batch.n_rows < kBatchRows) {
      if (part.rows + batch.n_rows >= limit || tokenizer.position().cursor >= last ||
          !tokenizer.next_row()) {
        exhausted = true;
        break;
      }
      const std::size_t found = tokenizer.fields().size();
      if (found != n_columns) {
        if (options_.skip_bad_lines) continue;
        // The rows before it come first: one of them may hold an earlier error.
        bad_row = {tokenizer.row_line(), found};
        exhausted = true;
        break;
      }
      batch.add_row(tokenizer);
    }
    batch.finish();
    parse_batch(tokenizer, part, batch, scratch);
    const std::size_t before = part.rows;
    part.rows += batch.n_rows;
    if (before < kRowsBeforeEstimate && part.rows >= kRowsBeforeEstimate) {
      reserve_for_estimate(tokenizer, part, last, limit);
    }
    if (before / kProgressEveryRows != part.rows / kProgressEveryRows) {
      report_progress(tokenizer, part, progress);
    }
  }
  if (bad_row) throw_field_count(bad_row->first, bad_row->second);
  part.end = tokenizer.position();
  report_progress(tokenizer, part, progress);
  return part;
}

}  // namespace loom::io::detail
