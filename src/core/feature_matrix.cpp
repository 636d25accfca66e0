#include "loom/core/feature_matrix.hpp"

#include <fmt/format.h>

#include "loom/core/error.hpp"

namespace loom {

namespace {
void check_names(Eigen::Index n_columns, std::size_t n_names) {
  if (static_cast<std::size_t>(n_columns) != n_names) {
    throw DataError(
        fmt::format("FeatureMatrix: {} columns but {} feature names", n_columns, n_names));
  }
}
}  // namespace

FeatureMatrix::FeatureMatrix(Eigen::MatrixXd values, std::vector<std::string> names)
    : values_(std::move(values)), names_(std::move(names)) {
  check_names(dense().cols(), names_.size());
}

FeatureMatrix::FeatureMatrix(SparseMatrix values, std::vector<std::string> names)
    : values_(std::move(values)), names_(std::move(names)) {
  check_names(sparse().cols(), names_.size());
}

std::size_t FeatureMatrix::n_rows() const {
  return std::visit([](const auto& values) { return static_cast<std::size_t>(values.rows()); },
                    values_);
}

const Eigen::MatrixXd& FeatureMatrix::dense() const {
  if (is_sparse()) throw DataError("FeatureMatrix::dense: the matrix is sparse");
  return std::get<Eigen::MatrixXd>(values_);
}

Eigen::MatrixXd& FeatureMatrix::dense_mut() {
  if (is_sparse()) throw DataError("FeatureMatrix::dense_mut: the matrix is sparse");
  return std::get<Eigen::MatrixXd>(values_);
}

const SparseMatrix& FeatureMatrix::sparse() const {
  if (!is_sparse()) throw DataError("FeatureMatrix::sparse: the matrix is dense");
  return std::get<SparseMatrix>(values_);
}

Eigen::MatrixXd FeatureMatrix::to_dense() const {
  if (is_sparse()) return Eigen::MatrixXd(sparse());
  return dense();
}

SparseMatrix FeatureMatrix::to_sparse() const {
  if (is_sparse()) return sparse();
  return dense().sparseView();
}

FeatureMatrix FeatureMatrix::take(const std::vector<std::size_t>& rows) const {
  const auto n = n_rows();
  for (std::size_t row : rows) {
    if (row >= n) {
      throw DataError(fmt::format("FeatureMatrix::take: row {} out of range ({} rows)", row, n));
    }
  }
  if (!is_sparse()) {
    const auto& values = dense();
    Eigen::MatrixXd taken(static_cast<Eigen::Index>(rows.size()), values.cols());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      taken.row(static_cast<Eigen::Index>(i)) = values.row(static_cast<Eigen::Index>(rows[i]));
    }
    return {std::move(taken), names_};
  }
  const auto& values = sparse();
  std::vector<Eigen::Triplet<double>> triplets;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (SparseMatrix::InnerIterator it(values, static_cast<Eigen::Index>(rows[i])); it; ++it) {
      triplets.emplace_back(static_cast<int>(i), static_cast<int>(it.col()), it.value());
    }
  }
  SparseMatrix taken(static_cast<Eigen::Index>(rows.size()), values.cols());
  taken.setFromTriplets(triplets.begin(), triplets.end());
  return {std::move(taken), names_};
}

FeatureMatrix FeatureMatrix::concat_columns(const FeatureMatrix& other) const {
  if (n_rows() != other.n_rows()) {
    throw DataError(
        fmt::format("FeatureMatrix::concat_columns: {} rows on the left, {} on the right", n_rows(),
                    other.n_rows()));
  }
  std::vector<std::string> names = names_;
  names.insert(names.end(), other.names_.begin(), other.names_.end());
  if (!is_sparse() && !other.is_sparse()) {
    Eigen::MatrixXd joined(dense().rows(), dense().cols() + other.dense().cols());
    joined << dense(), other.dense();
    return {std::move(joined), std::move(names)};
  }
  const SparseMatrix left = to_sparse();
  const SparseMatrix right = other.to_sparse();
  SparseMatrix joined(left.rows(), left.cols() + right.cols());
  joined.reserve(left.nonZeros() + right.nonZeros());
  for (Eigen::Index row = 0; row < left.rows(); ++row) {
    joined.startVec(row);
    for (SparseMatrix::InnerIterator it(left, row); it; ++it) {
      joined.insertBack(row, it.col()) = it.value();
    }
    for (SparseMatrix::InnerIterator it(right, row); it; ++it) {
      joined.insertBack(row, left.cols() + it.col()) = it.value();
    }
  }
  joined.finalize();
  return {std::move(joined), std::move(names)};
}

}  // namespace loom
