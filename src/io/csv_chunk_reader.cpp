#include "loom/io/csv_chunk_reader.hpp"

#include <fmt/format.h>

#include "csv_parser.hpp"
#include "csv_tokenizer.hpp"
#include "file_buffer.hpp"
#include "loom/core/error.hpp"

namespace loom::io {

struct CsvChunkReader::State {
  State(const std::string& path, CsvOptions csv_options, std::size_t rows_per_chunk)
      : options(std::move(csv_options)),
        buffer(path),
        tokenizer(buffer.view(), options, path),
        chunk_rows(rows_per_chunk) {}

  CsvOptions options;
  detail::FileBuffer buffer;
  detail::CsvTokenizer tokenizer;
  std::size_t chunk_rows;
  std::vector<ColumnSchema> schema;
  std::unique_ptr<detail::CsvRowParser> parser;  // fixed types, after inference
  std::optional<Dataset> pending;                // the first chunk, parsed while inferring
  std::size_t rows_read = 0;
};

CsvChunkReader::CsvChunkReader(const std::string& path, CsvOptions options,
                               std::size_t chunk_rows) {
  if (chunk_rows == 0) {
    throw ParameterError(
        fmt::format("CsvChunkReader: chunk_rows = 0 for \"{}\": must be at least 1", path));
  }
  state_ = std::make_unique<State>(path, std::move(options), chunk_rows);
  State& state = *state_;
  auto names = detail::read_column_names(state.tokenizer, state.options);
  auto plans = detail::plan_columns(names, state.options, path);
  const detail::CsvPosition data_start = state.tokenizer.position();
  const std::size_t inference_rows =
      state.options.inference_rows == 0 ? chunk_rows : state.options.inference_rows;

  // The first inference_rows rows fix the types; when they are exactly the first chunk,
  // that chunk is kept rather than parsed twice.
  detail::CsvRowParser inferring(state.tokenizer, state.options, names, std::move(plans));
  Dataset sample = inferring.parse(inference_rows);
  state.schema = sample.schema();
  if (inference_rows == chunk_rows) {
    if (sample.n_rows() > 0) state.pending = std::move(sample);
  } else {
    state.tokenizer.seek(data_start);
  }
  state.parser = std::make_unique<detail::CsvRowParser>(
      state.tokenizer, state.options, std::move(names), detail::plan_from_schema(state.schema));
}

CsvChunkReader::~CsvChunkReader() = default;
CsvChunkReader::CsvChunkReader(CsvChunkReader&&) noexcept = default;
CsvChunkReader& CsvChunkReader::operator=(CsvChunkReader&&) noexcept = default;

std::optional<Dataset> CsvChunkReader::next() {
  State& state = *state_;
  std::optional<Dataset> chunk;
  if (state.pending) {
    chunk = std::move(state.pending);
    state.pending.reset();
  } else {
    Dataset parsed = state.parser->parse(state.chunk_rows);
    if (parsed.n_rows() > 0) chunk = std::move(parsed);
  }
  if (chunk) state.rows_read += chunk->n_rows();
  return chunk;
}

const std::vector<ColumnSchema>& CsvChunkReader::schema() const {
  return state_->schema;
}

std::size_t CsvChunkReader::rows_read() const {
  return state_->rows_read;
}

}  // namespace loom::io
