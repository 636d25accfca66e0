#pragma once
// The singular value decompositions behind PCA and TruncatedSVD: an exact thin SVD (QR, then
// an SVD of the small triangular factor) and scikit-learn's randomized_svd (Halko et al.:
// Gaussian test matrix, power iterations, a small exact SVD) for dense and sparse input, with
// loom's sign convention: the entry of largest magnitude of each right singular vector is
// positive. Internal to loom::features.
#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <string>

#include "loom/core/feature_matrix.hpp"

namespace loom::features::detail {

struct Svd {
  Eigen::VectorXd singular_values;  // decreasing
  Eigen::MatrixXd components;       // right singular vectors, one per row (Vt)
};

// All min(rows, cols) singular values and right singular vectors of a dense matrix.
Svd exact_svd(const Eigen::MatrixXd& matrix);

struct RandomizedSvdOptions {
  Eigen::Index n_components = 2;
  Eigen::Index n_oversamples = 10;
  int n_iter = 4;
  // "auto" | "QR" | "LU" | "none". "LU" and "QR" both re-orthonormalise with QR between
  // power iterations: the subspace is the same, QR only conditions it better.
  std::string power_iteration_normalizer = "auto";
  std::uint64_t seed = 0;
};

Svd randomized_svd(const Eigen::MatrixXd& matrix, const RandomizedSvdOptions& options);
Svd randomized_svd(const SparseMatrix& matrix, const RandomizedSvdOptions& options);

// Flips rows of components so that each row's entry of largest magnitude is positive.
void flip_signs(Eigen::MatrixXd& components);

// A seed for random_state = null: drawn from std::random_device, as scikit-learn draws from
// numpy's global state.
std::uint64_t seed_from(const std::optional<std::int64_t>& random_state);

}  // namespace loom::features::detail
