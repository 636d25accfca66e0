#include "loom/io/jsonl.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>
#include <variant>

#include "file_buffer.hpp"
#include "loom/core/error.hpp"
#include "loom/io/atomic_file.hpp"
#include "number_parser.hpp"
#include "string_column_builder.hpp"
#include "string_column_join.hpp"

namespace loom::io {

namespace {

using Cell = std::variant<std::monostate, double, std::string>;

// The cells of one key, padded with missing cells for the rows before it first appeared.
struct JsonColumn {
  std::string name;
  std::vector<Cell> cells;
  bool has_string = false;
};

Cell to_cell(const nlohmann::ordered_json& value, const std::string& path, std::size_t line,
             const std::string& key) {
  switch (value.type()) {
    case nlohmann::ordered_json::value_t::null:
      return std::monostate{};
    case nlohmann::ordered_json::value_t::boolean:
      return std::string(value.get<bool>() ? "true" : "false");
    case nlohmann::ordered_json::value_t::number_integer:
    case nlohmann::ordered_json::value_t::number_unsigned:
    case nlohmann::ordered_json::value_t::number_float:
      return value.get<double>();
    case nlohmann::ordered_json::value_t::string:
      return value.get<std::string>();
    default:
      throw ParseError(
          fmt::format("{}:{}: key \"{}\": expected a number, string, boolean or null, found an {}",
                      path, line, key, value.type_name()));
  }
}

Column finish(JsonColumn& column, std::size_t n_rows) {
  column.cells.resize(n_rows);
  if (!column.has_string) {
    std::vector<double> values(n_rows, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t row = 0; row < n_rows; ++row) {
      if (const auto* number = std::get_if<double>(&column.cells[row])) values[row] = *number;
    }
    return Column::numeric(std::move(column.name), std::move(values));
  }
  detail::StringColumnBuilder builder;
  builder.reserve(n_rows);
  for (const auto& cell : column.cells) {
    if (const auto* text = std::get_if<std::string>(&cell)) {
      builder.add(*text, false);
    } else if (const auto* number = std::get_if<double>(&cell)) {
      builder.add(format_number(*number), false);
    } else {
      builder.add_missing();
    }
  }
  return detail::join_string_columns({&builder}, std::move(column.name), std::nullopt);
}

}  // namespace

Dataset read_jsonl(const std::string& path) {
  const detail::FileBuffer buffer(path);
  const std::string_view text = buffer.view();
  std::vector<JsonColumn> columns;
  std::unordered_map<std::string, std::size_t> index_of;
  std::size_t n_rows = 0;
  std::size_t line = 0;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view content = text.substr(begin, end - begin);
    begin = end + 1;
    ++line;
    bool blank = true;
    for (const char c : content)
      blank = blank && detail::is_ascii_space(c);
    if (blank) continue;
    nlohmann::ordered_json object;
    try {
      object = nlohmann::ordered_json::parse(content);
    } catch (const nlohmann::json::parse_error& error) {
      throw ParseError(fmt::format("{}:{}: invalid JSON: {}", path, line, error.what()));
    }
    if (!object.is_object()) {
      throw ParseError(fmt::format("{}:{}: expected a JSON object, found {} {}", path, line,
                                   object.is_array() ? "an" : "a", object.type_name()));
    }
    for (const auto& [key, value] : object.items()) {
      auto found = index_of.find(key);
      if (found == index_of.end()) {
        found = index_of.emplace(key, columns.size()).first;
        columns.push_back({key, {}, false});
      }
      JsonColumn& column = columns[found->second];
      column.cells.resize(n_rows);
      column.cells.push_back(to_cell(value, path, line, key));
      column.has_string =
          column.has_string || std::holds_alternative<std::string>(column.cells.back());
    }
    ++n_rows;
  }
  std::vector<Column> result;
  result.reserve(columns.size());
  for (auto& column : columns)
    result.push_back(finish(column, n_rows));
  return Dataset(std::move(result));
}

void write_jsonl(const Dataset& data, const std::string& path) {
  std::vector<std::string> keys;
  for (const auto& name : data.column_names()) {
    keys.push_back(
        nlohmann::json(name).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  write_file_atomically(path, [&](std::ostream& out) {
    fmt::memory_buffer line;
    for (std::size_t row = 0; row < data.n_rows(); ++row) {
      line.clear();
      line.push_back('{');
      for (std::size_t index = 0; index < data.n_columns(); ++index) {
        const Column& column = data.column(index);
        fmt::format_to(std::back_inserter(line), "{}{}: ", index > 0 ? ", " : "", keys[index]);
        std::string value = "null";
        if (column.is_missing(row)) {
          // stays null
        } else if (column.type() == ColumnType::numeric) {
          const double number = column.numeric_values()[row];
          if (!std::isinf(number)) value = format_number(number);
        } else {
          value = nlohmann::json(column.value_string(row))
                      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        }
        line.append(value);
      }
      line.append(std::string_view("}\n"));
      out.write(line.data(), static_cast<std::streamsize>(line.size()));
    }
  });
}

}  // namespace loom::io
