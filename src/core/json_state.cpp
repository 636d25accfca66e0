#include "loom/core/json_state.hpp"

#include <cmath>
#include <limits>

#include "loom/core/error.hpp"

namespace loom::state {

namespace {
Json number(double value) {
  return std::isnan(value) ? Json(nullptr) : Json(value);
}

double read_number(const Json& value, std::string_view name) {
  if (value.is_null()) return std::numeric_limits<double>::quiet_NaN();
  if (!value.is_number()) {
    throw ParseError(
        fmt::format("fitted state \"{}\": expected a number, found {}", name, value.dump()));
  }
  return value.get<double>();
}
}  // namespace

Json from_vector(const std::vector<double>& values) {
  Json result = Json::array();
  for (double value : values)
    result.push_back(number(value));
  return result;
}

Json from_vector(const Eigen::VectorXd& values) {
  return from_vector(std::vector<double>(values.begin(), values.end()));
}

Json from_matrix(const Eigen::MatrixXd& values) {
  Json rows = Json::array();
  for (Eigen::Index i = 0; i < values.rows(); ++i) {
    Json row = Json::array();
    for (Eigen::Index j = 0; j < values.cols(); ++j)
      row.push_back(number(values(i, j)));
    rows.push_back(std::move(row));
  }
  return rows;
}

Json from_column(const Column& column) {
  Json values = Json::array();
  for (std::size_t row = 0; row < column.size(); ++row) {
    if (column.is_missing(row)) {
      values.push_back(nullptr);
    } else if (column.type() == ColumnType::numeric) {
      values.push_back(column.numeric_values()[row]);
    } else {
      values.push_back(column.value_string(row));
    }
  }
  return {{"name", column.name()}, {"type", to_string(column.type())}, {"values", values}};
}

const Json& field(const Json& state, std::string_view name) {
  if (!state.is_object()) {
    throw ParseError(fmt::format("fitted state: expected an object holding \"{}\", found {}", name,
                                 state.type_name()));
  }
  auto found = state.find(std::string(name));
  if (found == state.end()) {
    throw ParseError(fmt::format("fitted state: missing field \"{}\"", name));
  }
  return *found;
}

std::vector<double> to_vector(const Json& state, std::string_view name) {
  const Json& values = field(state, name);
  if (!values.is_array()) {
    throw ParseError(fmt::format("fitted state \"{}\": expected a list of numbers", name));
  }
  std::vector<double> result;
  result.reserve(values.size());
  for (const auto& value : values)
    result.push_back(read_number(value, name));
  return result;
}

Eigen::VectorXd to_eigen_vector(const Json& state, std::string_view name) {
  auto values = to_vector(state, name);
  return Eigen::Map<Eigen::VectorXd>(values.data(), static_cast<Eigen::Index>(values.size()));
}

Eigen::MatrixXd to_matrix(const Json& state, std::string_view name) {
  const Json& rows = field(state, name);
  if (!rows.is_array()) {
    throw ParseError(fmt::format("fitted state \"{}\": expected a list of rows", name));
  }
  const auto n_rows = static_cast<Eigen::Index>(rows.size());
  const auto n_columns = n_rows ? static_cast<Eigen::Index>(rows[0].size()) : 0;
  Eigen::MatrixXd matrix(n_rows, n_columns);
  for (Eigen::Index i = 0; i < n_rows; ++i) {
    const Json& row = rows[static_cast<std::size_t>(i)];
    if (!row.is_array() || static_cast<Eigen::Index>(row.size()) != n_columns) {
      throw ParseError(
          fmt::format("fitted state \"{}\": row {} does not have {} values", name, i, n_columns));
    }
    for (Eigen::Index j = 0; j < n_columns; ++j) {
      matrix(i, j) = read_number(row[static_cast<std::size_t>(j)], name);
    }
  }
  return matrix;
}

std::vector<std::string> to_strings(const Json& state, std::string_view name) {
  const Json& values = field(state, name);
  std::vector<std::string> result;
  if (!values.is_array()) {
    throw ParseError(fmt::format("fitted state \"{}\": expected a list of strings", name));
  }
  for (const auto& value : values) {
    if (!value.is_string()) {
      throw ParseError(
          fmt::format("fitted state \"{}\": expected a string, found {}", name, value.dump()));
    }
    result.push_back(value.get<std::string>());
  }
  return result;
}

Column to_column(const Json& state, std::string_view name) {
  const Json& column = field(state, name);
  const auto type = column_type_from_string(field(column, "type").get<std::string>());
  const std::string column_name = field(column, "name").get<std::string>();
  const Json& values = field(column, "values");
  if (type == ColumnType::numeric) return Column::numeric(column_name, to_vector(column, "values"));
  std::vector<std::optional<std::string>> strings;
  for (const auto& value : values) {
    if (value.is_null()) {
      strings.emplace_back(std::nullopt);
    } else {
      strings.emplace_back(value.get<std::string>());
    }
  }
  return Column::categorical_from_values(column_name, strings);
}

}  // namespace loom::state
