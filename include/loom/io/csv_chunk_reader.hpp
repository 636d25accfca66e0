#pragma once
// Streaming a delimited file in chunks of rows (pandas.read_csv(chunksize=...)), for files
// larger than memory allows as one Dataset.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "loom/core/dataset.hpp"
#include "loom/io/csv.hpp"

namespace loom::io {

// Reads a file chunk_rows rows at a time. Column types are inferred once, from the first
// chunk (or the first options.inference_rows rows), when the reader is built, and every
// chunk uses them; categorical chunks each carry their own dictionary. Throws as read_csv
// does; a later value that does not fit a numeric column is a ParseError naming file, line
// and column. chunk_rows = 0 is a ParameterError.
class CsvChunkReader {
 public:
  CsvChunkReader(const std::string& path, CsvOptions options, std::size_t chunk_rows);
  ~CsvChunkReader();
  CsvChunkReader(CsvChunkReader&&) noexcept;
  CsvChunkReader& operator=(CsvChunkReader&&) noexcept;

  // The next chunk (1..chunk_rows rows), or nullopt once the file is exhausted.
  std::optional<Dataset> next();
  // Column names and types shared by every chunk.
  const std::vector<ColumnSchema>& schema() const;
  // Rows returned by next() so far.
  std::size_t rows_read() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace loom::io
