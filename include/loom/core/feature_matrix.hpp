#pragma once
// The numeric output of a transformer: a dense or sparse (row-major CSR) matrix with one
// name per column, as scikit-learn's get_feature_names_out. Shape mismatches throw DataError.
#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <string>
#include <variant>
#include <vector>

namespace loom {

using SparseMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor>;

class FeatureMatrix {
 public:
  FeatureMatrix() = default;
  FeatureMatrix(Eigen::MatrixXd values, std::vector<std::string> names);
  FeatureMatrix(SparseMatrix values, std::vector<std::string> names);

  bool is_sparse() const { return std::holds_alternative<SparseMatrix>(values_); }
  std::size_t n_rows() const;
  std::size_t n_columns() const { return names_.size(); }
  const std::vector<std::string>& names() const { return names_; }

  const Eigen::MatrixXd& dense() const;  // DataError when sparse
  Eigen::MatrixXd& dense_mut();
  const SparseMatrix& sparse() const;  // DataError when dense
  // A dense copy (or the matrix itself when already dense).
  Eigen::MatrixXd to_dense() const;
  // A sparse copy (or the matrix itself when already sparse).
  SparseMatrix to_sparse() const;

  FeatureMatrix take(const std::vector<std::size_t>& rows) const;
  // Columns of this followed by those of other; sparse if either is sparse.
  FeatureMatrix concat_columns(const FeatureMatrix& other) const;

 private:
  std::variant<Eigen::MatrixXd, SparseMatrix> values_;
  std::vector<std::string> names_;
};

}  // namespace loom
