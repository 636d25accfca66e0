#include "common.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "loom/io/csv.hpp"

namespace loom::cli {

Dataset read_data(const Arguments& arguments, const std::map<std::string, ColumnType>& schema) {
  io::CsvOptions options = csv_options(arguments);
  for (const auto& [name, type] : schema)
    options.types.emplace(name, type);
  // Saved types may name columns the new file lacks (the target, say); keep only those present.
  if (!schema.empty()) {
    io::CsvOptions header_options = options;
    header_options.types.clear();
    const Dataset header = io::read_csv_string(
        [&] {
          std::ifstream in(arguments.value("data"), std::ios::binary);
          std::string line;
          std::getline(in, line);
          return line + "\n";
        }(),
        header_options, arguments.value("data"));
    for (auto it = options.types.begin(); it != options.types.end();) {
      const bool named_by_user = [&] {
        for (const auto& item : arguments.values("type")) {
          if (item.rfind(it->first + "=", 0) == 0) return true;
        }
        return false;
      }();
      if (!named_by_user && options.header && !header.has_column(it->first)) {
        it = options.types.erase(it);
      } else {
        ++it;
      }
    }
  }
  options.progress = progress_printer(arguments);
  Dataset data = io::read_csv(arguments.value("data"), options);
  if (options.progress) std::fputs("\n", stderr);
  return data;
}

ProgressCallback progress_printer(const Arguments& arguments) {
  if (arguments.has("quiet") || !isatty(STDERR_FILENO)) return {};
  return [](const ProgressEvent& event) {
    if (event.total > 0) {
      std::fprintf(stderr, "\r%.*s: %zu/%zu   ", static_cast<int>(event.stage.size()),
                   event.stage.data(), event.done, event.total);
    } else {
      std::fprintf(stderr, "\r%.*s: %zu   ", static_cast<int>(event.stage.size()),
                   event.stage.data(), event.done);
    }
    std::fflush(stderr);
  };
}

Json read_json_file(const std::string& path, std::string_view what) {
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
