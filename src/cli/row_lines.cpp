#include "row_lines.hpp"

#include <fstream>
#include <iterator>

namespace loom::cli {

RowLines::RowLines(const std::string& path, const io::CsvOptions& options) {
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::size_t line = 1;
  bool header_pending = options.header;
  std::size_t i = 0;
  auto at_line_end = [&](std::size_t& at) {
    // Consumes one line end (LF, CR or CRLF) at `at`; true when there was one.
    if (text[at] != '\n' && text[at] != '\r') return false;
    if (text[at] == '\r' && at + 1 < text.size() && text[at + 1] == '\n') ++at;
    ++at;
    ++line;
    return true;
  };
  while (i < text.size()) {
    if (at_line_end(i)) continue;  // a blank line
    if (header_pending) {
      header_pending = false;
    } else {
      lines_.push_back(line);
    }
    bool quoted = false;
    while (i < text.size()) {
      if (options.quoting && text[i] == '"') quoted = !quoted;
      const bool was_quoted = quoted;
      if (at_line_end(i)) {
        if (!was_quoted) break;
        continue;
      }
      ++i;
    }
  }
  end_line_ = line;
}

std::size_t RowLines::line(std::size_t row) const {
  return row < lines_.size() ? lines_[row] : end_line_;
}

}  // namespace loom::cli
