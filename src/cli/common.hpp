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

// Reads --data with the CSV flags. `saved_types` (a fitted model's training types) fixes the
// types of those columns the file has (the others are skipped: a prediction file may lack
// the target); --type overrides them and must name columns of the file (SchemaError).
Dataset read_data(const Arguments& arguments,
                  const std::map<std::string, ColumnType>& saved_types = {});
// A progress line on stderr when it is a terminal and --quiet is absent; else nothing.
ProgressCallback progress_printer(const Arguments& arguments);
// Reads a JSON file; IoError when it cannot be opened, ParseError naming it when malformed.
Json read_json_file(const std::string& path, std::string_view what);
// Builds the pipeline a spec file describes and checks its parameters; ParseError naming the
// file for a malformed spec, an unknown step type or an out-of-range parameter.
pipeline::Pipeline read_spec(const std::string& path);
// Fails early, before any work, when an output's folder does not exist (IoError naming it);
// the writers check again and write through a temporary file.
void check_output_folder(const std::string& path);
// Writes a transform's output as CSV (header = feature names).
void write_table(const Table& table, const std::string& path);
// Prints JSON to stdout (indented for people, one document per run).
void print_json(const Json& json);
void print_json(const nlohmann::ordered_json& json);

// What `loom fit` stores in the model file's metadata.
struct ModelInfo {
  std::optional<std::string> target;
  std::string task;  // "classifier" | "regressor" | "clusterer" | "transformer"
  std::map<std::string, ColumnType> schema;  // training columns and their types

  // The training types of the feature columns (the schema without the target), which a
  // file read for prediction keeps; its target column, if any, is read untyped and dropped.
  std::map<std::string, ColumnType> feature_types() const;
};
Json model_info_to_json(const ModelInfo& info);
ModelInfo model_info_from_json(const Json& metadata, const std::string& source);
std::string task_of(const pipeline::Pipeline& pipeline);

// Splits the target off: {features, labels}; SchemaError naming the column when absent.
std::pair<Dataset, Column> split_target(const Dataset& data, const std::string& target);

}  // namespace loom::cli
