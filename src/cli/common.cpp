#include "common.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "loom/io/csv.hpp"

namespace loom::cli {

Dataset read_data(const Arguments& arguments,
                  const std::map<std::string, ColumnType>& saved_types) {
  const std::string& path = arguments.value("data");
  io::CsvOptions options = csv_options(arguments);
  const std::map<std::string, ColumnType> user_types = options.types;
  if (!saved_types.empty()) {
    for (const auto& [name, type] : saved_types)
      options.types.emplace(name, type);  // --type wins over the saved type
    options.ignore_unknown_type_overrides = true;
  }
  options.progress = progress_printer(arguments);
  Dataset data = io::read_csv(path, options);
  if (options.progress) std::fputs("\n", stderr);
  // The reader skipped unknown names above; those the user typed must still exist.
  for (const auto& [name, type] : user_types) {
    if (!data.has_column(name)) {
      throw SchemaError(fmt::format("{}: --type names unknown column \"{}\" (columns: {})", path,
                                    name, fmt::join(data.column_names(), ", ")));
    }
  }
  return data;
}

ProgressCallback progress_printer(const Arguments& arguments) {
  if (arguments.has("quiet") || !isatty(STDERR_FILENO)) return {};
  // "\033[K" clears what a longer earlier line left to the right of the cursor.
  return [](const ProgressEvent& event) {
    if (event.total > 0) {
      std::fprintf(stderr, "\r%.*s: %zu/%zu\033[K", static_cast<int>(event.stage.size()),
                   event.stage.data(), event.done, event.total);
    } else {
      std::fprintf(stderr, "\r%.*s: %zu\033[K", static_cast<int>(event.stage.size()),
                   event.stage.data(), event.done);
    }
    std::fflush(stderr);
  };
}

Json read_json_file(const std::string& path, std::string_view what) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    throw IoError(fmt::format("cannot open {} file \"{}\": it is a folder", what, path));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(fmt::format("cannot open {} file \"{}\"", what, path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  try {
    return Json::parse(buffer.str());
  } catch (const Json::parse_error& error) {
    throw ParseError(fmt::format("{} file \"{}\" is not valid JSON: {}", what, path, error.what()));
  }
}

pipeline::Pipeline read_spec(const std::string& path) {
  const Json spec = read_json_file(path, "spec");
  try {
    pipeline::Pipeline pipeline = pipeline::Pipeline::from_spec(spec);
    pipeline.validate_params();
    return pipeline;
  } catch (const Error& error) {
    throw ParseError(fmt::format("spec file \"{}\": {}", path, error.what()));
  } catch (const Json::exception& error) {
    throw ParseError(fmt::format("spec file \"{}\": malformed spec: {}", path, error.what()));
  }
}

void check_output_folder(const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path parent = fs::path(path).parent_path();
  std::error_code error;
  if (!parent.empty() && !fs::is_directory(parent, error)) {
    throw IoError(
        fmt::format("cannot write \"{}\": folder \"{}\" does not exist", path, parent.string()));
  }
  if (fs::is_directory(path, error)) {
    throw IoError(fmt::format("cannot write \"{}\": it is a folder", path));
  }
}

void write_table(const Table& table, const std::string& path) {
  if (table.is_dataset()) {
    io::write_csv(table.dataset(), path);
  } else {
    io::write_csv(table.matrix(), path);
  }
}

void print_json(const Json& json) {
  std::cout << json.dump(2) << std::endl;
}

void print_json(const nlohmann::ordered_json& json) {
  std::cout << json.dump(2) << std::endl;
}

Json model_info_to_json(const ModelInfo& info) {
  Json schema = Json::object();
  for (const auto& [name, type] : info.schema)
    schema[name] = to_string(type);
  return {{"target", info.target ? Json(*info.target) : Json(nullptr)},
          {"task", info.task},
          {"schema", schema}};
}

ModelInfo model_info_from_json(const Json& metadata, const std::string& source) {
  ModelInfo info;
  try {
    if (metadata.contains("target") && metadata["target"].is_string()) {
      info.target = metadata["target"].get<std::string>();
    }
    info.task = metadata.value("task", "transformer");
    if (metadata.contains("schema")) {
      for (const auto& [name, type] : metadata["schema"].items()) {
        info.schema[name] = column_type_from_string(type.get<std::string>());
      }
    }
  } catch (const std::exception& error) {
    throw ParseError(
        fmt::format("model file \"{}\": malformed metadata: {}", source, error.what()));
  }
  return info;
}

std::map<std::string, ColumnType> ModelInfo::feature_types() const {
  std::map<std::string, ColumnType> types = schema;
  if (target) types.erase(*target);
  return types;
}

std::string task_of(const pipeline::Pipeline& pipeline) {
  const Predictor* predictor = pipeline.predictor();
  if (!predictor) return "transformer";
  if (!predictor->is_supervised()) return "clusterer";
  return predictor->is_classifier() ? "classifier" : "regressor";
}

std::pair<Dataset, Column> split_target(const Dataset& data, const std::string& target) {
  if (!data.has_column(target)) {
    throw SchemaError(fmt::format("target column \"{}\" is not in the data (columns: {})", target,
                                  fmt::join(data.column_names(), ", ")));
  }
  return data.split_target(target);
}

}  // namespace loom::cli
