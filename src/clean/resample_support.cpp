#include "resample_support.hpp"

#include <fmt/format.h>

#include <Eigen/SparseCore>
#include <numeric>

#include "loom/core/error.hpp"

namespace loom::clean::detail {

ResampleTarget encode_resample_target(const Table& x, const Column& y, std::string_view caller) {
  if (y.size() != x.n_rows()) {
    throw DataError(fmt::format("{}: the features have {} rows but the target \"{}\" has {}",
                                caller, x.n_rows(), y.name(), y.size()));
  }
  ResampleTarget target{encode_labels(y, caller), {}};
  target.rows_of_class.resize(target.labels.classes.size());
  for (std::size_t row = 0; row < target.labels.indices.size(); ++row) {
    target.rows_of_class[static_cast<std::size_t>(target.labels.indices[row])].push_back(row);
  }
  return target;
}

Eigen::MatrixXd numeric_features(const Table& x, std::string_view caller, std::string_view hint) {
  if (x.is_dataset()) {
    for (const auto& column : x.dataset().columns()) {
      if (column.type() != ColumnType::numeric) {
        throw DataError(fmt::format("{}: column \"{}\" is {}, expected numeric features{}", caller,
                                    column.name(), to_string(column.type()), hint));
      }
    }
  }
  x.require_no_missing(caller);
  return x.to_dense(caller);
}

Table numeric_rows_like(const Table& x, const Eigen::MatrixXd& values) {
  const std::vector<std::string> names = x.column_names();
  if (x.is_dataset()) {
    std::vector<Column> columns;
    columns.reserve(names.size());
    for (std::size_t j = 0; j < names.size(); ++j) {
      const auto column = values.col(static_cast<Eigen::Index>(j));
      columns.push_back(
          Column::numeric(names[j], std::vector<double>(column.begin(), column.end())));
    }
    return Dataset(std::move(columns));
  }
  if (x.is_sparse()) return FeatureMatrix(SparseMatrix(values.sparseView()), names);
  return FeatureMatrix(values, names);
}

Table concat_rows(const Table& a, const Table& b) {
  if (a.is_dataset()) return a.dataset().concat_rows(b.dataset());
  const FeatureMatrix& top = a.matrix();
  const FeatureMatrix& bottom = b.matrix();
  if (top.is_sparse()) {
    const SparseMatrix upper = top.sparse();
    const SparseMatrix lower = bottom.to_sparse();
    SparseMatrix stacked(upper.rows() + lower.rows(), upper.cols());
    stacked.reserve(upper.nonZeros() + lower.nonZeros());
    for (Eigen::Index row = 0; row < upper.rows(); ++row) {
      stacked.startVec(row);
      for (SparseMatrix::InnerIterator it(upper, row); it; ++it)
        stacked.insertBack(row, it.col()) = it.value();
    }
    for (Eigen::Index row = 0; row < lower.rows(); ++row) {
      stacked.startVec(upper.rows() + row);
      for (SparseMatrix::InnerIterator it(lower, row); it; ++it)
        stacked.insertBack(upper.rows() + row, it.col()) = it.value();
    }
    stacked.finalize();
    return FeatureMatrix(std::move(stacked), top.names());
  }
  const Eigen::MatrixXd& upper = top.dense();
  const Eigen::MatrixXd lower = bottom.to_dense();
  Eigen::MatrixXd stacked(upper.rows() + lower.rows(), upper.cols());
  stacked.topRows(upper.rows()) = upper;
  stacked.bottomRows(lower.rows()) = lower;
  return FeatureMatrix(std::move(stacked), top.names());
}

std::pair<Table, Column> assemble_resampled(const Table& x, const Column& y,
                                            const ResampleTarget& target,
                                            const std::vector<std::size_t>& kept,
                                            const std::optional<Table>& generated,
                                            const std::vector<int>& generated_classes) {
  bool every_row = kept.size() == x.n_rows();
  for (std::size_t i = 0; every_row && i < kept.size(); ++i)
    every_row = kept[i] == i;
  // Over-samplers keep every row: no copy before the concatenation copies them anyway.
  Table rows = every_row ? x : x.take(kept);
  Column labels = every_row ? y : y.take(kept);
  if (generated && generated->n_rows() > 0) {
    rows = concat_rows(rows, *generated);
    // A new row's label is a copy of its class's first row's label: same type and text.
    std::vector<std::size_t> label_rows;
    label_rows.reserve(generated_classes.size());
    for (int c : generated_classes)
      label_rows.push_back(target.rows_of_class[static_cast<std::size_t>(c)].front());
    labels = labels.concatenated(y.take(label_rows));
  }
  return {std::move(rows), std::move(labels)};
}

std::vector<std::size_t> all_rows(std::size_t n) {
  std::vector<std::size_t> rows(n);
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  return rows;
}

}  // namespace loom::clean::detail
