#include "loom/core/table.hpp"

#include <fmt/format.h>

#include <cmath>

#include "loom/core/error.hpp"

namespace loom {

const Dataset& Table::dataset() const {
  if (!is_dataset()) throw DataError("Table::dataset: the table holds a feature matrix");
  return std::get<Dataset>(data_);
}

const FeatureMatrix& Table::matrix() const {
  if (is_dataset()) throw DataError("Table::matrix: the table holds a dataset");
  return std::get<FeatureMatrix>(data_);
}

std::size_t Table::n_rows() const {
  return is_dataset() ? dataset().n_rows() : matrix().n_rows();
}

std::size_t Table::n_columns() const {
  return is_dataset() ? dataset().n_columns() : matrix().n_columns();
}

std::vector<std::string> Table::column_names() const {
  return is_dataset() ? dataset().column_names() : matrix().names();
}

Eigen::MatrixXd Table::to_dense(std::string_view caller) const {
  if (!is_dataset()) return matrix().to_dense();
  const Dataset& data = dataset();
  for (const auto& column : data.columns()) {
    if (column.type() != ColumnType::numeric) {
      throw DataError(fmt::format(
          "{}: column \"{}\" is {}, expected numeric features (encode it first, e.g. with "
          "OneHotEncoder)",
          caller, column.name(), to_string(column.type())));
    }
  }
  return data.to_matrix();
}

void Table::require_no_missing(std::string_view caller) const {
  auto fail = [&](const std::string& column, std::size_t row) {
    throw DataError(fmt::format(
        "{}: column \"{}\" has a missing value (NaN) at row {}; this step does not accept missing "
        "values (add a SimpleImputer before it)",
        caller, column, row));
  };
  if (is_dataset()) {
    for (const auto& column : dataset().columns()) {
      for (std::size_t row = 0; row < column.size(); ++row) {
        if (column.is_missing(row)) fail(column.name(), row);
      }
    }
    return;
  }
  const auto& features = matrix();
  if (features.is_sparse()) {
    const auto& values = features.sparse();
    for (Eigen::Index row = 0; row < values.outerSize(); ++row) {
      for (SparseMatrix::InnerIterator it(values, row); it; ++it) {
        if (std::isnan(it.value()))
          fail(features.names()[static_cast<std::size_t>(it.col())], static_cast<std::size_t>(row));
      }
    }
    return;
  }
  const auto& values = features.dense();
  for (Eigen::Index column = 0; column < values.cols(); ++column) {
    for (Eigen::Index row = 0; row < values.rows(); ++row) {
      if (std::isnan(values(row, column))) {
        fail(features.names()[static_cast<std::size_t>(column)], static_cast<std::size_t>(row));
      }
    }
  }
}

Dataset Table::to_dataset() const {
  if (is_dataset()) return dataset();
  const FeatureMatrix& features = matrix();
  const Eigen::MatrixXd values = features.to_dense();
  std::vector<Column> columns;
  columns.reserve(features.n_columns());
  for (std::size_t j = 0; j < features.n_columns(); ++j) {
    const auto column = values.col(static_cast<Eigen::Index>(j));
    columns.push_back(
        Column::numeric(features.names()[j], std::vector<double>(column.begin(), column.end())));
  }
  return Dataset(std::move(columns));
}

Table Table::take(const std::vector<std::size_t>& rows) const {
  if (is_dataset()) return dataset().take(rows);
  return matrix().take(rows);
}

Table Table::with_column_names(std::vector<std::string> names) const {
  if (names.size() != n_columns()) {
    throw DataError(fmt::format("Table::with_column_names: {} names for {} columns", names.size(),
                                n_columns()));
  }
  if (!is_dataset()) {
    if (matrix().is_sparse()) return FeatureMatrix(matrix().sparse(), std::move(names));
    return FeatureMatrix(matrix().dense(), std::move(names));
  }
  std::vector<Column> columns;
  columns.reserve(names.size());
  for (std::size_t j = 0; j < names.size(); ++j) {
    columns.push_back(dataset().column(j).renamed(std::move(names[j])));
  }
  Dataset renamed(std::move(columns));
  return renamed;
}

namespace {
bool all_numeric(const Dataset& data) {
  for (const auto& column : data.columns()) {
    if (column.type() != ColumnType::numeric) return false;
  }
  return true;
}
}  // namespace

Table Table::concat_columns(const Table& other) const {
  if (n_rows() != other.n_rows() && n_columns() != 0 && other.n_columns() != 0) {
    throw DataError(fmt::format("Table::concat_columns: {} rows on the left, {} on the right",
                                n_rows(), other.n_rows()));
  }
  const bool keep_dataset = (is_dataset() && other.is_dataset()) ||
                            (is_dataset() && !all_numeric(dataset())) ||
                            (other.is_dataset() && !all_numeric(other.dataset()));
  if (keep_dataset) return to_dataset().concat_columns(other.to_dataset());
  auto as_matrix = [](const Table& table) {
    if (!table.is_dataset()) return table.matrix();
    return FeatureMatrix(table.dataset().to_matrix(), table.dataset().column_names());
  };
  return as_matrix(*this).concat_columns(as_matrix(other));
}

}  // namespace loom
