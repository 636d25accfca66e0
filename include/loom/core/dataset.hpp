#pragma once
// A columnar table of named, typed columns (the pandas DataFrame of loom). Row and column
// operations return new Datasets; unknown column names throw SchemaError naming the column,
// mismatched lengths throw DataError.
#include <Eigen/Core>
#include <functional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "loom/core/column.hpp"

namespace loom {

// One column of a schema: its name and type.
struct ColumnSchema {
  std::string name;
  ColumnType type;
  bool operator==(const ColumnSchema&) const = default;
};

class Dataset {
 public:
  Dataset() = default;
  // All columns must have the same length and unique names.
  explicit Dataset(std::vector<Column> columns);

  std::size_t n_rows() const { return n_rows_; }
  std::size_t n_columns() const { return columns_.size(); }
  bool empty() const { return n_rows_ == 0 || columns_.empty(); }

  const std::vector<Column>& columns() const { return columns_; }
  const Column& column(std::size_t index) const { return columns_.at(index); }
  const Column& column(std::string_view name) const;
  Column& column_mut(std::string_view name);
  bool has_column(std::string_view name) const;
  std::size_t column_index(std::string_view name) const;
  std::vector<std::string> column_names() const;
  std::vector<ColumnSchema> schema() const;
  // One "name: type" line per column.
  std::string schema_string() const;

  // Appends a column (same length, new name) or replaces the column of the same name.
  void add_column(Column column);
  void set_column(Column column);

  Dataset select(std::span<const std::string> names) const;
  Dataset select(std::initializer_list<std::string> names) const;
  Dataset drop(std::span<const std::string> names) const;
  Dataset drop(std::initializer_list<std::string> names) const;
  Dataset rename(std::string_view from, std::string to) const;
  Dataset select_type(ColumnType type) const;
  std::vector<std::string> names_of_type(ColumnType type) const;

  Dataset take(std::span<const std::size_t> rows) const;
  Dataset filter(const std::function<bool(std::size_t row)>& keep) const;
  Dataset head(std::size_t n) const;
  // Rows of this followed by rows of other: same column names and types in the same order.
  Dataset concat_rows(const Dataset& other) const;
  // Columns of this followed by columns of other: same row count, no shared names.
  Dataset concat_columns(const Dataset& other) const;
  // Splits off the named column as labels: {features without it, the column}.
  std::pair<Dataset, Column> split_target(std::string_view target) const;

  // Zero-copy view of a numeric column.
  Eigen::Map<const Eigen::VectorXd> numeric_map(std::string_view name) const;
  // The named numeric columns (all numeric ones if names is empty) as a dense matrix.
  Eigen::MatrixXd to_matrix(std::span<const std::string> names = {}) const;

 private:
  void rebuild_index();
  [[noreturn]] void throw_unknown(std::string_view name) const;

  std::vector<Column> columns_;
  std::unordered_map<std::string, std::size_t> index_;
  std::size_t n_rows_ = 0;
};

}  // namespace loom
