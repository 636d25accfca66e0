#pragma once
// Rows copied out of the tokenizer a batch at a time, so that the parser can handle each
// column of a batch in one tight loop, and overlap the batch's hash-table lookups of a
// string column with prefetches instead of waiting for memory on every row.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "csv_tokenizer.hpp"

namespace loom::io::detail {

struct RowBatch {
  explicit RowBatch(std::size_t columns) : n_columns(columns) {}

  const CsvField& field(std::size_t row, std::size_t column) const {
    return fields[row * n_columns + column];
  }
  // Physical line where a field begins.
  std::size_t field_line(std::size_t row, std::size_t column) const {
    return lines[row] + count_line_breaks(begins[row], field(row, column).raw);
  }

  void clear() {
    n_rows = 0;
    fields.clear();
    lines.clear();
    begins.clear();
    scratch.clear();
    scratch_fields.clear();
  }
  // Copies the tokenizer's current row (which must have n_columns fields).
  void add_row(const CsvTokenizer& tokenizer) {
    for (const CsvField& field : tokenizer.fields()) {
      if (!field.stable) {
        scratch_fields.emplace_back(fields.size(), scratch.size());
        scratch.append(field.data, field.size);
      }
      fields.push_back(field);
    }
    lines.push_back(tokenizer.row_line());
    begins.push_back(tokenizer.row_begin());
    ++n_rows;
  }
  // Points unquoted copies at the scratch area, which may have moved while it grew.
  void finish() {
    for (const auto& [index, offset] : scratch_fields)
      fields[index].data = scratch.data() + offset;
  }

  std::size_t n_columns;
  std::size_t n_rows = 0;
  std::vector<CsvField> fields;  // row-major
  std::vector<std::size_t> lines;
  std::vector<const char*> begins;
  std::string scratch;
  std::vector<std::pair<std::size_t, std::size_t>> scratch_fields;  // field index, offset
};

}  // namespace loom::io::detail
