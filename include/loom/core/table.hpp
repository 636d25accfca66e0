#pragma once
// What flows between pipeline steps: either a Dataset of typed columns (before encoding, or
// after steps that keep column types such as SimpleImputer) or a numeric FeatureMatrix.
// Numeric consumers call to_dense(), which throws DataError naming a non-numeric column.
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "loom/core/dataset.hpp"
#include "loom/core/feature_matrix.hpp"

namespace loom {

class Table {
 public:
  Table() = default;
  Table(Dataset dataset) : data_(std::move(dataset)) {}      // NOLINT: implicit on purpose
  Table(FeatureMatrix matrix) : data_(std::move(matrix)) {}  // NOLINT
  bool is_dataset() const { return std::holds_alternative<Dataset>(data_); }
  bool is_sparse() const { return !is_dataset() && matrix().is_sparse(); }
  const Dataset& dataset() const;
  const FeatureMatrix& matrix() const;

  std::size_t n_rows() const;
  std::size_t n_columns() const;
  std::vector<std::string> column_names() const;

  // All columns as doubles. A categorical or text column throws DataError naming it and the
  // caller ("StandardScaler \"scaler\"").
  Eigen::MatrixXd to_dense(std::string_view caller) const;
  // Throws DataError naming the first column holding NaN when the caller does not accept it.
  void require_no_missing(std::string_view caller) const;
  // A Dataset view: a FeatureMatrix becomes numeric columns named by its feature names.
  Dataset to_dataset() const;
  Table take(const std::vector<std::size_t>& rows) const;
  // The same values under new column names (one per column; DataError otherwise).
  Table with_column_names(std::vector<std::string> names) const;
  // Columns side by side: two Datasets stay a Dataset; otherwise everything becomes numeric.
  Table concat_columns(const Table& other) const;

 private:
  std::variant<Dataset, FeatureMatrix> data_;
};

}  // namespace loom
