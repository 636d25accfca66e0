#pragma once
// What the loom commands share: reading the data with the CSV flags, the progress line, JSON
// files, and the metadata saved beside a fitted pipeline (target, task, training schema).
#include <map>
#include <optional>
#include <string>

#include "arguments.hpp"
#include "loom/core/progress.hpp"
#include "loom/core/table.hpp"
#include "loom/pipeline/pipeline.hpp"

namespace loom::cli {

// Reads --data with the CSV flags; `schema` (a fitted model's training types) fixes the types
// of the columns it names unless --type overrides them.
Dataset read_data(const Arguments& arguments, const std::map<std::string, ColumnType>& schema = {});
// A progress line on stderr when it is a terminal and --quiet is absent; else nothing.
ProgressCallback progress_printer(const Arguments& arguments);
// Reads a JSON file; IoError when it cannot be opened, ParseError naming it when malformed.
Json read_json_file(const std::string& path, std::string_view what);
// Writes a transform's output as CSV (header = feature names).
void write_table(const Table& table, const std::string& path);
// Prints JSON to stdout (indented for people, one document per run).
void print_json(const Json& json);

// What `loom fit` stores in the model file's metadata.
struct ModelInfo {
  std::optional<std::string> target;
  std::string task;  // "classifier" | "regressor" | "clusterer" | "transformer"
  std::map<std::string, ColumnType> schema;  // training columns and their types
};
Json model_info_to_json(const ModelInfo& info);
ModelInfo model_info_from_json(const Json& metadata, const std::string& source);
std::string task_of(const pipeline::Pipeline& pipeline);

// Splits the target off: {features, labels}; SchemaError naming the column when absent.
std::pair<Dataset, Column> split_target(const Dataset& data, const std::string& target);

}  // namespace loom::cli
