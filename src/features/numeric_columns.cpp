#include "loom/features/detail/numeric_columns.hpp"

#include <fmt/format.h>

#include <cmath>

#include "loom/core/error.hpp"

namespace loom::features::detail {

NumericColumns numeric_columns(const Table& x, std::string_view caller) {
  NumericColumns view;
  view.n_rows = x.n_rows();
  if (!x.is_dataset()) {
    if (x.is_sparse()) {
      throw DataError(
          fmt::format("{}: sparse input is not supported; it needs dense features", caller));
    }
    const Eigen::MatrixXd& values = x.matrix().dense();
    for (Eigen::Index j = 0; j < values.cols(); ++j)
      view.columns.push_back(values.data() + j * values.rows());
    return view;
  }
  for (const Column& column : x.dataset().columns()) {
    if (column.type() != ColumnType::numeric) x.to_dense(caller);  // throws, naming the column
    view.columns.push_back(column.numeric_values().data());
  }
  return view;
}

void require_finite_columns(const NumericColumns& x, const std::vector<std::string>& names,
                            std::string_view caller) {
  for (std::size_t j = 0; j < x.columns.size(); ++j) {
    const double* column = x.columns[j];
    for (std::size_t row = 0; row < x.n_rows; ++row) {
      if (std::isnan(column[row])) {
        throw DataError(fmt::format(
            "{}: column \"{}\" has a missing value (NaN) at row {}; this step does not accept "
            "missing values (add a SimpleImputer before it)",
            caller, names[j], row));
      }
    }
  }
}

}  // namespace loom::features::detail
