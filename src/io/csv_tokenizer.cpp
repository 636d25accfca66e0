#include "csv_tokenizer.hpp"

#include <fmt/format.h>

#include <bit>
#include <cstring>

#include "loom/core/error.hpp"

namespace loom::io::detail {

std::size_t count_line_breaks(const char* begin, const char* end) {
  std::size_t count = 0;
  for (const char* p = begin; p != end; ++p) {
    if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'))) ++count;
  }
  return count;
}

CsvTokenizer::CsvTokenizer(std::string_view buffer, const CsvOptions& options,
                           std::string_view source_name)
    : begin_(buffer.data()),
      end_(buffer.data() + buffer.size()),
      cursor_(buffer.data()),
      delimiter_(options.delimiter),
      // A space delimiter would be swallowed by trimming.
      trim_(options.trim && options.delimiter != ' '),
      quoting_(options.quoting),
      source_name_(source_name) {
  // A UTF-8 byte order mark is not part of the first column's name (pandas drops it too).
  if (buffer.size() >= 3 && buffer.substr(0, 3) == "\xEF\xBB\xBF") cursor_ += 3;
  ends_field_[static_cast<unsigned char>(delimiter_)] = true;
  ends_field_['\n'] = true;
  ends_field_['\r'] = true;
  fields_.reserve(64);
}

namespace {
constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

// Marks (high bit) the bytes of word equal to the byte whose copies fill pattern; exact for
// the lowest marked byte, which is all find_field_end uses.
inline std::uint64_t equal_bytes(std::uint64_t word, std::uint64_t pattern) {
  const std::uint64_t zero_where_equal = word ^ pattern;
  return (zero_where_equal - kOnes) & ~zero_where_equal & kHighBits;
}
}  // namespace

void CsvTokenizer::seek(CsvPosition position) {
  cursor_ = position.cursor;
  line_ = position.line;
}

std::string CsvTokenizer::describe_field(std::size_t index) const {
  if (column_names_ != nullptr && index < column_names_->size()) {
    return fmt::format("column \"{}\"", (*column_names_)[index]);
  }
  return fmt::format("field {}", index + 1);
}

void CsvTokenizer::throw_unterminated_quote(std::size_t line, std::size_t field) const {
  throw ParseError(fmt::format("{}:{}: {}: unterminated quote (opened on this line, never closed)",
                               source_name_, line, describe_field(field)));
}

// pandas skips empty lines and lines holding only spaces or tabs (unless one is the
// delimiter). Returns false at the end of the buffer.
bool CsvTokenizer::skip_blank_lines() {
  for (;;) {
    if (cursor_ == end_) return false;
    const char c = *cursor_;
    if (c == '\n') {
      ++cursor_;
      ++line_;
      continue;
    }
    if (c == '\r') {
      ++cursor_;
      if (cursor_ != end_ && *cursor_ == '\n') ++cursor_;
      ++line_;
      continue;
    }
    if ((c == ' ' || c == '\t') && c != delimiter_) {
      const char* p = cursor_;
      while (p != end_ && (*p == ' ' || *p == '\t') && *p != delimiter_)
        ++p;
      if (p == end_) {
        cursor_ = p;
        return false;
      }
      if (*p == '\n' || *p == '\r') {
        cursor_ = p;
        continue;
      }
    }
    return true;
  }
}

// The first delimiter or line break from p on (or the end), eight bytes at a time: fields
// average a few bytes, and this loop is where most of the tokenizing time goes.
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
inline const char*
CsvTokenizer::find_field_end(const char* p) const {
  const std::uint64_t delimiter = kOnes * static_cast<unsigned char>(delimiter_);
  const std::uint64_t line_feed = kOnes * static_cast<unsigned char>('\n');
  const std::uint64_t carriage_return = kOnes * static_cast<unsigned char>('\r');
  // The lowest marked byte is exact; on a little-endian machine it is the first in memory.
  while (std::endian::native == std::endian::little && end_ - p >= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    const std::uint64_t found = equal_bytes(word, delimiter) | equal_bytes(word, line_feed) |
                                equal_bytes(word, carriage_return);
    if (found != 0) return p + std::countr_zero(found) / 8;
    p += 8;
  }
  while (p != end_ && !ends_field_[static_cast<unsigned char>(*p)])
    ++p;
  return p;
}

bool CsvTokenizer::next_row() {
  fields_.clear();
  if (!skip_blank_lines()) return false;
  scratch_.clear();
  scratch_fields_.clear();
  row_begin_ = cursor_;
  row_line_ = line_;
  const char* p = cursor_;
  for (;;) {
    if (trim_) {
      while (p != end_ && *p == ' ')
        ++p;
    }
    const char* raw = p;
    if (quoting_ && p != end_ && *p == '"') {
      p = read_quoted_field(p, raw);
    } else {
      const char* start = p;
      p = find_field_end(p);
      fields_.push_back({start, static_cast<std::size_t>(p - start), raw, true});
    }
    if (p == end_) break;
    if (*p == delimiter_) {
      ++p;
      continue;
    }
    if (*p == '\r') ++p;
    if (p != end_ && *p == '\n') ++p;
    ++line_;
    break;
  }
  cursor_ = p;
  // The scratch area may have moved while it grew: point its fields at it only now.
  for (const auto& [index, offset] : scratch_fields_) {
    fields_[index].data = scratch_.data() + offset;
  }
  return true;
}

void CsvTokenizer::push_scratch_field(std::size_t scratch_begin, const char* raw) {
  scratch_fields_.emplace_back(fields_.size(), scratch_begin);
  fields_.push_back({nullptr, scratch_.size() - scratch_begin, raw, false});
}

// Reads a field that opens with a quote; returns the position after it (at a delimiter,
// a line end or the end of the buffer).
const char* CsvTokenizer::read_quoted_field(const char* cursor, const char* raw) {
  const std::size_t opened_on = line_;
  const char* p = cursor + 1;
  const char* start = p;
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t scratch_begin = kNone;
  for (;;) {
    const char* q = p;
    while (q != end_ && *q != '"') {
      if (*q == '\n' || (*q == '\r' && (q + 1 == end_ || q[1] != '\n'))) ++line_;
      ++q;
    }
    if (q == end_) throw_unterminated_quote(opened_on, fields_.size());
    if (q + 1 != end_ && q[1] == '"') {  // a doubled quote stands for one quote
      if (scratch_begin == kNone) scratch_begin = scratch_.size();
      scratch_.append(p, q + 1);
      p = q + 2;
      continue;
    }
    const char* after = q + 1;
    if (after != end_ && !ends_field_[static_cast<unsigned char>(*after)]) {
      // Text after the closing quote belongs to the field, quotes included (as pandas).
      if (scratch_begin == kNone) scratch_begin = scratch_.size();
      scratch_.append(p, q);
      const char* tail = after;
      while (tail != end_ && !ends_field_[static_cast<unsigned char>(*tail)])
        ++tail;
      scratch_.append(after, tail);
      push_scratch_field(scratch_begin, raw);
      return tail;
    }
    if (scratch_begin == kNone) {
      fields_.push_back({start, static_cast<std::size_t>(q - start), raw, true});
    } else {
      scratch_.append(p, q);
      push_scratch_field(scratch_begin, raw);
    }
    return after;
  }
}

}  // namespace loom::io::detail
