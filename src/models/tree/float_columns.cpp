#include "loom/models/tree/detail/float_columns.hpp"

#include <fmt/format.h>

#include <cmath>

#include "loom/core/error.hpp"

namespace loom::models::detail {

FloatColumns float_columns(const Table& x, std::string_view caller, bool allow_missing) {
  FloatColumns result;
  result.n_rows = x.n_rows();
  result.n_columns = x.n_columns();
  result.values.resize(result.n_rows * result.n_columns);
  auto copy_column = [&](std::size_t column, auto&& value_at) {
    float* out = result.values.data() + column * result.n_rows;
    for (std::size_t row = 0; row < result.n_rows; ++row)
      out[row] = static_cast<float>(value_at(row));
  };
  if (x.is_dataset()) {
    const Dataset& dataset = x.dataset();
    for (std::size_t column = 0; column < result.n_columns; ++column) {
      const Column& source = dataset.column(column);
      if (source.type() != ColumnType::numeric) {
        throw DataError(fmt::format(
            "{}: column \"{}\" is {}; a numeric column is expected (encode it first, e.g. with "
            "OneHotEncoder)",
            caller, source.name(), to_string(source.type())));
      }
      const auto values = source.numeric_values();
      copy_column(column, [&](std::size_t row) { return values[row]; });
    }
  } else if (x.is_sparse()) {
    const SparseMatrix& sparse = x.matrix().sparse();
    for (Eigen::Index row = 0; row < sparse.outerSize(); ++row) {
      for (SparseMatrix::InnerIterator it(sparse, row); it; ++it) {
        result.values[static_cast<std::size_t>(it.col()) * result.n_rows +
                      static_cast<std::size_t>(row)] = static_cast<float>(it.value());
      }
    }
  } else {
    const Eigen::MatrixXd& dense = x.matrix().dense();
    for (std::size_t column = 0; column < result.n_columns; ++column) {
      copy_column(column, [&](std::size_t row) {
        return dense(static_cast<Eigen::Index>(row), static_cast<Eigen::Index>(column));
      });
    }
  }
  if (!allow_missing) {
    const auto names = x.column_names();
    for (std::size_t column = 0; column < result.n_columns; ++column) {
      const float* values = result.column(column);
      for (std::size_t row = 0; row < result.n_rows; ++row) {
        if (std::isnan(values[row])) {
          throw DataError(fmt::format(
              "{}: column \"{}\" has a missing value (NaN) at row {}; impute it first (e.g. "
              "SimpleImputer) or use HistGradientBoosting, which accepts NaN",
              caller, names[column], row));
        }
      }
    }
  }
  return result;
}

}  // namespace loom::models::detail
