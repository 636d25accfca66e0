#include "loom/features/detail/svd.hpp"

#include <Eigen/QR>
#include <Eigen/SVD>
#include <cmath>
#include <optional>
#include <random>

namespace loom::features::detail {

void flip_signs(Eigen::MatrixXd& components) {
  for (Eigen::Index row = 0; row < components.rows(); ++row) {
    Eigen::Index largest = 0;
    components.row(row).cwiseAbs().maxCoeff(&largest);
    if (components(row, largest) < 0) components.row(row) *= -1.0;
  }
}

std::uint64_t seed_from(const std::optional<std::int64_t>& random_state) {
  if (random_state) return static_cast<std::uint64_t>(*random_state);
  std::random_device device;
  return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

Svd exact_svd(const Eigen::MatrixXd& matrix) {
  // A thin QR first, so the SVD only sees the small triangular factor R (p x p): accurate
  // as LAPACK's gesdd on the whole matrix, and U is never formed.
  Svd result;
  if (matrix.rows() >= matrix.cols()) {
    Eigen::HouseholderQR<Eigen::MatrixXd> qr(matrix);
    const Eigen::MatrixXd r = qr.matrixQR().topRows(matrix.cols()).triangularView<Eigen::Upper>();
    Eigen::BDCSVD<Eigen::MatrixXd> svd(r, Eigen::ComputeFullV);
    result.singular_values = svd.singularValues();
    result.components = svd.matrixV().transpose();
  } else {
    // matrix^T = Q R, so matrix = R^T Q^T and its right singular vectors are Q times those of
    // R^T.
    const Eigen::MatrixXd transposed = matrix.transpose();
    Eigen::HouseholderQR<Eigen::MatrixXd> qr(transposed);
    const Eigen::MatrixXd r = qr.matrixQR().topRows(matrix.rows()).triangularView<Eigen::Upper>();
    Eigen::BDCSVD<Eigen::MatrixXd> svd(r.transpose(), Eigen::ComputeFullV);
    const Eigen::MatrixXd q =
        qr.householderQ() * Eigen::MatrixXd::Identity(matrix.cols(), matrix.rows());
    result.singular_values = svd.singularValues();
    result.components = (q * svd.matrixV()).transpose();
  }
  flip_signs(result.components);
  return result;
}

namespace {

// SplitMix64 and Box-Muller: the same Gaussian stream on every platform.
class Gaussian {
 public:
  explicit Gaussian(std::uint64_t seed) : state_(seed) {}
  double next() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    const double u1 = 1.0 - uniform(), u2 = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    spare_ = radius * std::sin(6.283185307179586 * u2);
    has_spare_ = true;
    return radius * std::cos(6.283185307179586 * u2);
  }

 private:
  double uniform() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return static_cast<double>((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
  }
  std::uint64_t state_;
  double spare_ = 0.0;
  bool has_spare_ = false;
};

Eigen::MatrixXd orthonormal_basis(const Eigen::MatrixXd& columns) {
  Eigen::HouseholderQR<Eigen::MatrixXd> qr(columns);
  return qr.householderQ() * Eigen::MatrixXd::Identity(columns.rows(), columns.cols());
}

// scikit-learn's randomized_range_finder and randomized_svd on M (n x p) or, when n < p,
// on M^T as its transpose="auto" does.
template <class Matrix>
Svd randomized(const Matrix& m, const RandomizedSvdOptions& options) {
  const Eigen::Index size = std::min<Eigen::Index>(options.n_components + options.n_oversamples,
                                                   std::min(m.rows(), m.cols()));
  const bool normalize = options.power_iteration_normalizer == "auto"
                             ? options.n_iter > 2
                             : options.power_iteration_normalizer != "none";
  const bool transpose = m.rows() < m.cols();
  const Eigen::Index n_inner = transpose ? m.rows() : m.cols();
  Gaussian gaussian(options.seed);
  Eigen::MatrixXd q(n_inner, size);
  for (Eigen::Index j = 0; j < size; ++j)
    for (Eigen::Index i = 0; i < n_inner; ++i)
      q(i, j) = gaussian.next();
  // A = M (or M^T): range of A through power iterations on A A^T.
  auto times_a = [&](const Eigen::MatrixXd& v) -> Eigen::MatrixXd {
    if (transpose) return m.transpose() * v;
    return m * v;
  };
  auto times_a_transpose = [&](const Eigen::MatrixXd& v) -> Eigen::MatrixXd {
    if (transpose) return m * v;
    return m.transpose() * v;
  };
  for (int iteration = 0; iteration < options.n_iter; ++iteration) {
    if (normalize) {
      q = orthonormal_basis(times_a(q));
      q = orthonormal_basis(times_a_transpose(q));
    } else {
      q = times_a_transpose(times_a(q));
    }
  }
  q = orthonormal_basis(times_a(q));
  // B = Q^T A (size x n_inner); its SVD gives A's.
  const Eigen::MatrixXd b = times_a_transpose(q).transpose();
  Eigen::BDCSVD<Eigen::MatrixXd> svd(b, Eigen::ComputeThinU | Eigen::ComputeThinV);
  Svd result;
  const Eigen::Index k = std::min(options.n_components, size);
  result.singular_values = svd.singularValues().head(k);
  if (transpose) {
    // A = M^T = U S V^T, so M = V S U^T: M's right singular vectors are Q * Uhat.
    result.components = (q * svd.matrixU()).leftCols(k).transpose();
  } else {
    result.components = svd.matrixV().leftCols(k).transpose();
  }
  flip_signs(result.components);
  return result;
}

}  // namespace

Svd randomized_svd(const Eigen::MatrixXd& matrix, const RandomizedSvdOptions& options) {
  return randomized(matrix, options);
}

Svd randomized_svd(const SparseMatrix& matrix, const RandomizedSvdOptions& options) {
  return randomized(matrix, options);
}

}  // namespace loom::features::detail
