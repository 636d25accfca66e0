#pragma once
// Splits a delimited buffer into rows of fields, as pandas' C tokenizer does: RFC 4180
// quotes (only at the start of a field; text after a closing quote is kept), LF, CRLF or
// CR line ends, blank and whitespace-only lines skipped. Fields are views into the buffer,
// or into a per-row scratch area when unquoting changed them. Tracks physical line numbers.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "loom/io/csv.hpp"

namespace loom::io::detail {

// One field of the current row.
struct CsvField {
  const char* data;
  std::size_t size;
  const char* raw;  // where the field begins in the buffer (for line numbers)
  bool stable;      // data points into the buffer (false: into the row's scratch area)
  std::string_view view() const { return {data, size}; }
};

// Where a row begins: the next byte to read and the physical line it is on.
struct CsvPosition {
  const char* cursor = nullptr;
  std::size_t line = 1;
};

class CsvTokenizer {
 public:
  CsvTokenizer(std::string_view buffer, const CsvOptions& options, std::string_view source_name);

  // Reads the next non-blank row; false at the end. Throws ParseError on an unterminated
  // quote, naming the line where it opened.
  bool next_row();
  const std::vector<CsvField>& fields() const { return fields_; }

  // Physical 1-based line where the current row begins, and its first byte.
  std::size_t row_line() const { return row_line_; }
  const char* row_begin() const { return row_begin_; }

  CsvPosition position() const { return {cursor_, line_}; }
  void seek(CsvPosition position);
  std::size_t bytes_done() const { return static_cast<std::size_t>(cursor_ - begin_); }
  std::size_t bytes_total() const { return static_cast<std::size_t>(end_ - begin_); }
  const char* buffer_begin() const { return begin_; }
  const char* buffer_end() const { return end_; }
  std::string_view source_name() const { return source_name_; }
  // Names used in messages about a field ("field 3" until they are known).
  void set_column_names(const std::vector<std::string>* names) { column_names_ = names; }
  std::string describe_field(std::size_t index) const;

 private:
  bool skip_blank_lines();
  const char* find_field_end(const char* p) const;
  const char* read_quoted_field(const char* cursor, const char* raw);
  void push_scratch_field(std::size_t scratch_begin, const char* raw);
  [[noreturn]] void throw_unterminated_quote(std::size_t line, std::size_t field) const;

  const char* begin_;
  const char* end_;
  const char* cursor_;
  std::size_t line_ = 1;
  const char* row_begin_ = nullptr;
  std::size_t row_line_ = 1;
  char delimiter_;
  bool trim_;
  bool quoting_;
  std::array<bool, 256> ends_field_{};  // delimiter, '\n', '\r'
  std::vector<CsvField> fields_;
  std::string scratch_;
  std::vector<std::pair<std::size_t, std::size_t>> scratch_fields_;  // field index, offset
  std::string source_name_;
  const std::vector<std::string>* column_names_ = nullptr;
};

// Counts line breaks (LF, CRLF or a lone CR) in [begin, end).
std::size_t count_line_breaks(const char* begin, const char* end);

}  // namespace loom::io::detail
