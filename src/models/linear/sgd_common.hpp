#pragma once
// Helpers shared by SGDClassifier and SGDRegressor: the training rows in the layout
// plain_sgd reads, the validation split for early stopping, and the random engine.
#include <Eigen/Core>
#include <optional>
#include <random>
#include <string_view>
#include <vector>

#include "loom/core/table.hpp"
#include "sgd_core.hpp"

namespace loom::models::detail {

// Training rows in row-major form (dense) or CSR (sparse), NaN refused naming the column.
struct SgdData {
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> dense;
  SparseMatrix sparse;
  bool is_sparse = false;
  SgdRows rows() const;
  // The rows at the given indices.
  SgdData take(const std::vector<Eigen::Index>& indices) const;
  // Scores of every row under (w, intercept).
  Eigen::VectorXd scores(const Eigen::VectorXd& w, double intercept) const;
};
SgdData sgd_data(const Table& x, std::string_view caller);

std::mt19937_64 make_engine(std::optional<int> random_state, int stream);

// Row indices held out for validation: ceil(fraction n) rows, stratified on groups when given
// (as StratifiedShuffleSplit), else a random subset (ShuffleSplit). DataError when either
// side would be empty.
std::vector<bool> validation_split(std::size_t n_rows, double fraction,
                                   const std::vector<int>* groups, std::mt19937_64& rng,
                                   std::string_view caller);

}  // namespace loom::models::detail
