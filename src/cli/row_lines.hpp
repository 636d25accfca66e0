#pragma once
// The physical line (1-based) on which each data row of a delimited file begins, counted as
// the CSV reader counts rows: blank lines skipped, the header first, line breaks inside
// quoted fields (unless quoting is off) kept within their record. For messages that name a
// line after the data has been read (CLI.md: lines are physical lines of the file).
#include <string>
#include <vector>

#include "loom/io/csv.hpp"

namespace loom::cli {

class RowLines {
 public:
  RowLines(const std::string& path, const io::CsvOptions& options);
  // The line of data row `row` (0-based); past the end, the line after the last record.
  std::size_t line(std::size_t row) const;

 private:
  std::vector<std::size_t> lines_;  // per data row
  std::size_t end_line_ = 1;
};

}  // namespace loom::cli
