#include "loom/core/dataset.hpp"

#include <fmt/format.h>

#include <numeric>

#include "loom/core/error.hpp"

namespace loom {

Dataset::Dataset(std::vector<Column> columns) : columns_(std::move(columns)) {
  if (!columns_.empty()) n_rows_ = columns_.front().size();
  for (const auto& column : columns_) {
    if (column.size() != n_rows_) {
      throw DataError(fmt::format("Dataset: column \"{}\" has {} rows, expected {} (as \"{}\")",
                                  column.name(), column.size(), n_rows_, columns_.front().name()));
    }
  }
  rebuild_index();
}

void Dataset::rebuild_index() {
  index_.clear();
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (!index_.emplace(columns_[i].name(), i).second) {
      throw SchemaError(fmt::format("Dataset: duplicate column name \"{}\"", columns_[i].name()));
    }
  }
}

void Dataset::throw_unknown(std::string_view name) const {
  std::string known;
  for (std::size_t i = 0; i < columns_.size() && i < 20; ++i) {
    known += (i ? ", " : "") + columns_[i].name();
  }
  if (columns_.size() > 20) known += ", ...";
  throw SchemaError(fmt::format("unknown column \"{}\" (columns: {})", name, known));
}

std::size_t Dataset::column_index(std::string_view name) const {
  auto found = index_.find(std::string(name));
  if (found == index_.end()) throw_unknown(name);
  return found->second;
}

const Column& Dataset::column(std::string_view name) const {
  return columns_[column_index(name)];
}

Column& Dataset::column_mut(std::string_view name) {
  return columns_[column_index(name)];
}

bool Dataset::has_column(std::string_view name) const {
  return index_.count(std::string(name)) != 0;
}

std::vector<std::string> Dataset::column_names() const {
  std::vector<std::string> names;
  names.reserve(columns_.size());
  for (const auto& column : columns_)
    names.push_back(column.name());
  return names;
}

std::vector<ColumnSchema> Dataset::schema() const {
  std::vector<ColumnSchema> result;
  for (const auto& column : columns_)
    result.push_back({column.name(), column.type()});
  return result;
}

std::string Dataset::schema_string() const {
  std::string text;
  for (const auto& column : columns_) {
    text += fmt::format("{}: {}\n", column.name(), to_string(column.type()));
  }
  return text;
}

void Dataset::add_column(Column column) {
  if (has_column(column.name())) {
    throw SchemaError(
        fmt::format("Dataset::add_column: column \"{}\" already exists", column.name()));
  }
  if (!columns_.empty() && column.size() != n_rows_) {
    throw DataError(fmt::format("Dataset::add_column: column \"{}\" has {} rows, expected {}",
                                column.name(), column.size(), n_rows_));
  }
  if (columns_.empty()) n_rows_ = column.size();
  index_.emplace(column.name(), columns_.size());
  columns_.push_back(std::move(column));
}

void Dataset::set_column(Column column) {
  auto found = index_.find(column.name());
  if (found == index_.end()) {
    add_column(std::move(column));
    return;
  }
  if (column.size() != n_rows_) {
    throw DataError(fmt::format("Dataset::set_column: column \"{}\" has {} rows, expected {}",
                                column.name(), column.size(), n_rows_));
  }
  columns_[found->second] = std::move(column);
}

Dataset Dataset::select(std::span<const std::string> names) const {
  std::vector<Column> selected;
  selected.reserve(names.size());
  for (const auto& name : names)
    selected.push_back(column(name));
  Dataset result(std::move(selected));
  if (names.empty()) result.n_rows_ = n_rows_;
  return result;
}

Dataset Dataset::select(std::initializer_list<std::string> names) const {
  return select(std::span<const std::string>(names.begin(), names.size()));
}

Dataset Dataset::drop(std::span<const std::string> names) const {
  for (const auto& name : names)
    column_index(name);
  std::vector<Column> kept;
  for (const auto& column : columns_) {
    if (std::find(names.begin(), names.end(), column.name()) == names.end()) kept.push_back(column);
  }
  Dataset result(std::move(kept));
  result.n_rows_ = n_rows_;
  return result;
}

Dataset Dataset::drop(std::initializer_list<std::string> names) const {
  return drop(std::span<const std::string>(names.begin(), names.size()));
}

Dataset Dataset::rename(std::string_view from, std::string to) const {
  Dataset result = *this;
  std::size_t index = column_index(from);
  result.columns_[index] = columns_[index].renamed(std::move(to));
  result.rebuild_index();
  return result;
}

std::vector<std::string> Dataset::names_of_type(ColumnType type) const {
  std::vector<std::string> names;
  for (const auto& column : columns_) {
    if (column.type() == type) names.push_back(column.name());
  }
  return names;
}

Dataset Dataset::select_type(ColumnType type) const {
  return select(names_of_type(type));
}

Dataset Dataset::take(std::span<const std::size_t> rows) const {
  std::vector<Column> taken;
  taken.reserve(columns_.size());
  for (const auto& column : columns_)
    taken.push_back(column.take(rows));
  Dataset result(std::move(taken));
  result.n_rows_ = rows.size();
  return result;
}

Dataset Dataset::filter(const std::function<bool(std::size_t row)>& keep) const {
  std::vector<std::size_t> rows;
  for (std::size_t row = 0; row < n_rows_; ++row) {
    if (keep(row)) rows.push_back(row);
  }
  return take(rows);
}

Dataset Dataset::head(std::size_t n) const {
  std::vector<std::size_t> rows(std::min(n, n_rows_));
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  return take(rows);
}

Dataset Dataset::concat_rows(const Dataset& other) const {
  if (columns_.empty()) return other;
  if (other.columns_.empty()) return *this;
  if (schema() != other.schema()) {
    throw SchemaError(fmt::format("Dataset::concat_rows: schemas differ; expected\n{}found\n{}",
                                  schema_string(), other.schema_string()));
  }
  std::vector<Column> joined;
  joined.reserve(columns_.size());
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    joined.push_back(columns_[i].concatenated(other.columns_[i]));
  }
  return Dataset(std::move(joined));
}

Dataset Dataset::concat_columns(const Dataset& other) const {
  if (columns_.empty()) return other;
  if (other.columns_.empty()) return *this;
  if (other.n_rows_ != n_rows_) {
    throw DataError(fmt::format("Dataset::concat_columns: {} rows on the left, {} on the right",
                                n_rows_, other.n_rows_));
  }
  std::vector<Column> joined = columns_;
  joined.insert(joined.end(), other.columns_.begin(), other.columns_.end());
  return Dataset(std::move(joined));
}

std::pair<Dataset, Column> Dataset::split_target(std::string_view target) const {
  const Column& labels = column(target);
  std::string name(target);
  return {drop(std::span<const std::string>(&name, 1)), labels};
}

Eigen::Map<const Eigen::VectorXd> Dataset::numeric_map(std::string_view name) const {
  return column(name).as_eigen();
}

Eigen::MatrixXd Dataset::to_matrix(std::span<const std::string> names) const {
  std::vector<const Column*> chosen;
  if (names.empty()) {
    for (const auto& column : columns_) {
      if (column.type() == ColumnType::numeric) chosen.push_back(&column);
    }
  } else {
    for (const auto& name : names)
      chosen.push_back(&column(name));
  }
  Eigen::MatrixXd matrix(static_cast<Eigen::Index>(n_rows_),
                         static_cast<Eigen::Index>(chosen.size()));
  for (std::size_t j = 0; j < chosen.size(); ++j) {
    matrix.col(static_cast<Eigen::Index>(j)) = chosen[j]->as_eigen();
  }
  return matrix;
}

}  // namespace loom
