#pragma once
// Reading and writing delimited text (CSV, TSV) as Datasets, with the column-type inference
// and missing-value markers of the CLI contract (pandas.read_csv / DataFrame.to_csv).
// For files too large to hold at once, see loom/io/csv_chunk_reader.hpp.
#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "loom/core/column.hpp"
#include "loom/core/dataset.hpp"
#include "loom/core/feature_matrix.hpp"
#include "loom/core/progress.hpp"

namespace loom::io {

// The markers read as missing unless CsvOptions::keep_default_na is false.
inline constexpr std::array<std::string_view, 4> kDefaultNaValues = {"", "NA", "NaN", "?"};

// How a delimited file is read; the fields mirror the CLI flags and pandas.read_csv's
// arguments (keep_default_na, na_values, skipinitialspace, quoting, dtype, on_bad_lines).
struct CsvOptions {
  char delimiter = ',';
  bool header = true;  // false: columns are named x0, x1, ...
  // Missing markers match a field's value after unquoting (a quoted "NA" is missing too).
  bool keep_default_na = true;              // use kDefaultNaValues
  std::vector<std::string> na_values;       // more markers, added to the defaults (if kept)
  bool trim = false;                        // strip spaces after delimiters (UCI files)
  bool quoting = true;                      // false: '"' is plain text (tab-separated exports)
  std::map<std::string, ColumnType> types;  // per-column override of type inference
  // true: entries of `types` that name no column are skipped instead of a SchemaError (a
  // fitted model's saved schema applied to a file that lacks some columns, the target say).
  bool ignore_unknown_type_overrides = false;
  bool skip_bad_lines = false;  // drop rows with a wrong field count instead of throwing
  // CsvChunkReader only: rows read to infer column types (0 = the first chunk's rows).
  std::size_t inference_rows = 0;
  // read_csv: threads parsing a large input at once; 0 = automatic: 2 when the machine has
  // an idle core (fewer if LOOM_NUM_THREADS says so), else 1. Results do not depend on it.
  std::size_t n_threads = 0;
  ProgressCallback progress;  // bytes read so far, out of the input's size
};

// Reads a whole delimited file (pandas.read_csv). RFC 4180 quoting (embedded delimiters,
// doubled quotes, newlines), LF or CRLF line ends, blank lines skipped, a UTF-8 BOM ignored,
// duplicate header names renamed as pandas does ("a", "a.1"), empty ones "Unnamed: i".
// Types: numeric when every non-missing value parses as a double (an all-missing column
// too); otherwise text when more than half of the non-missing values are distinct and they
// average more than three words; otherwise categorical (values kept as written).
// Throws IoError (cannot open), ParseError naming file, physical line and column (wrong
// field count, unterminated quote, a non-number in a column typed numeric), SchemaError (a
// type override naming an unknown column, unless ignore_unknown_type_overrides).
Dataset read_csv(const std::string& path, const CsvOptions& options = {});

// The same, from text in memory; source_name stands for the file name in messages.
Dataset read_csv_string(std::string_view text, const CsvOptions& options = {},
                        std::string_view source_name = "<string>");

// Writes a header row and one row per Dataset row (DataFrame.to_csv(index=False)): numbers
// in shortest round-trip form (loom::format_number), missing cells as empty fields, fields
// holding the delimiter, a quote or a line break quoted as RFC 4180. The file appears whole
// or not at all (write_file_atomically). Throws IoError naming a missing folder.
void write_csv(const Dataset& data, const std::string& path, char delimiter = ',');
// The same for a transformer's output; a sparse matrix is written densely, row by row.
void write_csv(const FeatureMatrix& matrix, const std::string& path, char delimiter = ',');

}  // namespace loom::io
