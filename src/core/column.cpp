#include "loom/core/column.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "loom/core/error.hpp"

namespace loom {

std::string_view to_string(ColumnType type) {
  switch (type) {
    case ColumnType::numeric:
      return "numeric";
    case ColumnType::categorical:
      return "categorical";
    case ColumnType::text:
      return "text";
  }
  return "unknown";
}

ColumnType column_type_from_string(std::string_view name) {
  if (name == "numeric") return ColumnType::numeric;
  if (name == "categorical") return ColumnType::categorical;
  if (name == "text") return ColumnType::text;
  throw ParameterError(
      fmt::format("unknown column type \"{}\": expected numeric, categorical or text", name));
}

std::string format_number(double value) {
  if (std::isnan(value)) return "";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, result.ptr);
}

Column Column::numeric(std::string name, std::vector<double> values) {
  Column column;
  column.name_ = std::move(name);
  column.data_ = NumericData{std::move(values)};
  return column;
}

Column Column::categorical(std::string name, std::vector<std::int32_t> codes,
                           std::vector<std::string> categories) {
  const auto n_categories = static_cast<std::int32_t>(categories.size());
  for (std::size_t row = 0; row < codes.size(); ++row) {
    if (codes[row] < kMissingCode || codes[row] >= n_categories) {
      throw DataError(fmt::format("categorical column \"{}\": row {} has code {}, expected -1..{}",
                                  name, row, codes[row], n_categories - 1));
    }
  }
  Column column;
  column.name_ = std::move(name);
  column.data_ = CategoricalData{std::move(codes), std::move(categories)};
  return column;
}

Column Column::categorical_from_values(std::string name,
                                       const std::vector<std::optional<std::string>>& values) {
  std::map<std::string, std::int32_t> dictionary;
  for (const auto& value : values) {
    if (value) dictionary.emplace(*value, 0);
  }
  std::vector<std::string> categories;
  categories.reserve(dictionary.size());
  for (auto& [category, code] : dictionary) {
    code = static_cast<std::int32_t>(categories.size());
    categories.push_back(category);
  }
  std::vector<std::int32_t> codes(values.size(), kMissingCode);
  for (std::size_t row = 0; row < values.size(); ++row) {
    if (values[row]) codes[row] = dictionary.at(*values[row]);
  }
  return categorical(std::move(name), std::move(codes), std::move(categories));
}

Column Column::text(std::string name, std::vector<std::string> values,
                    std::vector<std::uint8_t> missing) {
  if (missing.empty()) missing.assign(values.size(), 0);
  if (missing.size() != values.size()) {
    throw DataError(fmt::format("text column \"{}\": {} values but {} missing flags", name,
                                values.size(), missing.size()));
  }
  Column column;
  column.name_ = std::move(name);
  column.data_ = TextData{std::move(values), std::move(missing)};
  return column;
}

ColumnType Column::type() const {
  return static_cast<ColumnType>(data_.index());
}

std::size_t Column::size() const {
  return std::visit(
      [](const auto& data) -> std::size_t {
        using T = std::decay_t<decltype(data)>;
        if constexpr (std::is_same_v<T, NumericData>) return data.values.size();
        if constexpr (std::is_same_v<T, CategoricalData>) return data.codes.size();
        if constexpr (std::is_same_v<T, TextData>) return data.values.size();
      },
      data_);
}

bool Column::is_missing(std::size_t row) const {
  switch (type()) {
    case ColumnType::numeric:
      return std::isnan(std::get<NumericData>(data_).values[row]);
    case ColumnType::categorical:
      return std::get<CategoricalData>(data_).codes[row] == kMissingCode;
    case ColumnType::text:
      return std::get<TextData>(data_).missing[row] != 0;
  }
  return false;
}

std::size_t Column::count_missing() const {
  std::size_t count = 0;
  for (std::size_t row = 0; row < size(); ++row)
    count += is_missing(row) ? 1 : 0;
  return count;
}

std::string Column::value_string(std::size_t row) const {
  if (is_missing(row)) return "";
  switch (type()) {
    case ColumnType::numeric:
      return format_number(std::get<NumericData>(data_).values[row]);
    case ColumnType::categorical: {
      const auto& data = std::get<CategoricalData>(data_);
      return data.categories[static_cast<std::size_t>(data.codes[row])];
    }
    case ColumnType::text:
      return std::get<TextData>(data_).values[row];
  }
  return "";
}

void Column::throw_wrong_type(ColumnType wanted) const {
  throw SchemaError(fmt::format("column \"{}\" is {}, expected a {} column", name_,
                                to_string(type()), to_string(wanted)));
}

std::span<const double> Column::numeric_values() const {
  if (type() != ColumnType::numeric) throw_wrong_type(ColumnType::numeric);
  return std::get<NumericData>(data_).values;
}

std::vector<double>& Column::numeric_values_mut() {
  if (type() != ColumnType::numeric) throw_wrong_type(ColumnType::numeric);
  return std::get<NumericData>(data_).values;
}

Eigen::Map<const Eigen::VectorXd> Column::as_eigen() const {
  auto values = numeric_values();
  return {values.data(), static_cast<Eigen::Index>(values.size())};
}

std::span<const std::int32_t> Column::codes() const {
  if (type() != ColumnType::categorical) throw_wrong_type(ColumnType::categorical);
  return std::get<CategoricalData>(data_).codes;
}

const std::vector<std::string>& Column::categories() const {
  if (type() != ColumnType::categorical) throw_wrong_type(ColumnType::categorical);
  return std::get<CategoricalData>(data_).categories;
}

const std::vector<std::string>& Column::text_values() const {
  if (type() != ColumnType::text) throw_wrong_type(ColumnType::text);
  return std::get<TextData>(data_).values;
}

const std::vector<std::uint8_t>& Column::text_missing() const {
  if (type() != ColumnType::text) throw_wrong_type(ColumnType::text);
  return std::get<TextData>(data_).missing;
}

Column Column::renamed(std::string name) const {
  Column copy = *this;
  copy.name_ = std::move(name);
  return copy;
}

namespace {
template <class T>
std::vector<T> take_values(const std::vector<T>& values, std::span<const std::size_t> rows,
                           const std::string& name) {
  std::vector<T> result;
  result.reserve(rows.size());
  for (std::size_t row : rows) {
    if (row >= values.size()) {
      throw DataError(
          fmt::format("column \"{}\": row index {} out of range (the column has {} rows)", name,
                      row, values.size()));
    }
    result.push_back(values[row]);
  }
  return result;
}
}  // namespace

Column Column::take(std::span<const std::size_t> rows) const {
  Column result;
  result.name_ = name_;
  std::visit(
      [&](const auto& data) {
        using T = std::decay_t<decltype(data)>;
        if constexpr (std::is_same_v<T, NumericData>) {
          result.data_ = NumericData{take_values(data.values, rows, name_)};
        } else if constexpr (std::is_same_v<T, CategoricalData>) {
          result.data_ = CategoricalData{take_values(data.codes, rows, name_), data.categories};
        } else {
          result.data_ = TextData{take_values(data.values, rows, name_),
                                  take_values(data.missing, rows, name_)};
        }
      },
      data_);
  return result;
}

Column Column::concatenated(const Column& other) const {
  if (type() != other.type()) {
    throw SchemaError(fmt::format("cannot concatenate column \"{}\" ({}) with \"{}\" ({})", name_,
                                  to_string(type()), other.name_, to_string(other.type())));
  }
  switch (type()) {
    case ColumnType::numeric: {
      auto values = std::get<NumericData>(data_).values;
      const auto& more = std::get<NumericData>(other.data_).values;
      values.insert(values.end(), more.begin(), more.end());
      return numeric(name_, std::move(values));
    }
    case ColumnType::categorical: {
      std::vector<std::optional<std::string>> values;
      values.reserve(size() + other.size());
      for (const Column* part : {this, &other}) {
        for (std::size_t row = 0; row < part->size(); ++row) {
          if (part->is_missing(row)) {
            values.emplace_back(std::nullopt);
          } else {
            values.emplace_back(part->value_string(row));
          }
        }
      }
      return categorical_from_values(name_, values);
    }
    case ColumnType::text: {
      auto data = std::get<TextData>(data_);
      const auto& more = std::get<TextData>(other.data_);
      data.values.insert(data.values.end(), more.values.begin(), more.values.end());
      data.missing.insert(data.missing.end(), more.missing.begin(), more.missing.end());
      return text(name_, std::move(data.values), std::move(data.missing));
    }
  }
  return *this;
}

Column Column::as_categorical() const {
  if (type() == ColumnType::categorical) return *this;
  std::vector<std::optional<std::string>> values(size());
  for (std::size_t row = 0; row < size(); ++row) {
    if (!is_missing(row)) values[row] = value_string(row);
  }
  return categorical_from_values(name_, values);
}

}  // namespace loom
