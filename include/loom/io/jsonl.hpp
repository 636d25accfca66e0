#pragma once
// JSON Lines: one JSON object per line, one key per column (pandas.read_json(lines=True) and
// DataFrame.to_json(orient="records", lines=True)).
#include <string>

#include "loom/core/dataset.hpp"

namespace loom::io {

// Reads one object per non-blank line. Columns are the union of keys in first-seen order; a
// column of numbers (and nulls) is numeric, one holding any string is categorical or text by
// read_csv's inference (numbers in it kept as written by format_number, booleans as
// "true"/"false"); null or an absent key is missing. Throws IoError (cannot open) and
// ParseError naming file and line (invalid JSON, a line that is not an object, a nested
// object or array as a value).
Dataset read_jsonl(const std::string& path);

// Writes one object per row, keys in column order: numbers as JSON numbers (integers without
// ".0"), strings as strings, missing (and infinite) values as null. Atomic, as write_csv.
void write_jsonl(const Dataset& data, const std::string& path);

}  // namespace loom::io
