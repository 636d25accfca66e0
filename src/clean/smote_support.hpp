#pragma once
// The SMOTE machinery shared by SMOTE, BorderlineSMOTE, ADASYN and SMOTENC (private to
// src/clean), following imbalanced-learn 0.10's BaseSMOTE: neighbours of a class among
// itself, the random draws of _make_samples and the interpolation between a sample and one of
// its neighbours.
#include <Eigen/Core>
#include <string_view>
#include <vector>

#include "loom/clean/detail/random_state.hpp"
#include "loom/clean/nearest_neighbors.hpp"

namespace loom::clean::detail {

using IndexMatrix = Eigen::Matrix<Eigen::Index, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// The rows of values at the given indices.
Eigen::MatrixXd take_rows(const Eigen::MatrixXd& values, const std::vector<std::size_t>& rows);

// imblearn's nn.kneighbors(queries)[:, 1:] with n_neighbors = k + 1: each query's k nearest
// indexed points after the nearest one (the query itself when it is indexed). DataError,
// naming the caller, the parameter and the class, when fewer than k + 1 points are indexed.
IndexMatrix neighbours_after_self(const NearestNeighbors& index, const Eigen::MatrixXd& queries,
                                  Eigen::Index k, std::string_view caller,
                                  std::string_view parameter, std::string_view class_label);

// BaseSMOTE._make_samples: n_samples draws of (base row, neighbour column) with
// randint(0, rows * k), then uniform steps scaled by step_size; each new sample is
// base[row] + step * (nn_data[neighbours(row, column)] - base[row]).
struct SmoteDraws {
  std::vector<Eigen::Index> rows;
  std::vector<Eigen::Index> columns;
  std::vector<double> steps;
};
SmoteDraws draw_samples(RandomState& random, Eigen::Index n_base_rows, Eigen::Index k,
                        std::size_t n_samples, double step_size);
Eigen::MatrixXd interpolate(const Eigen::MatrixXd& base, const Eigen::MatrixXd& nn_data,
                            const IndexMatrix& neighbours, const SmoteDraws& draws);

// Rows stacked: blocks in order (all with the same number of columns).
Eigen::MatrixXd stack_rows(const std::vector<Eigen::MatrixXd>& blocks, Eigen::Index n_columns);

// numpy's sum of a float64 vector (pairwise summation, blocks of 8 up to 128 values), so that
// ratios rounded with rint match imblearn's.
double numpy_sum(const std::vector<double>& values);

}  // namespace loom::clean::detail
