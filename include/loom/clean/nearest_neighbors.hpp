#pragma once
// Exact nearest-neighbour search in Euclidean distance over the rows of a dense matrix, shared
// by SMOTE, ADASYN, LocalOutlierFactor, DBSCAN and the k-neighbours models. A KD-tree for few
// features, blocked brute force (matrix products, then exact distances) above; threaded over
// queries. Neighbours at equal distance are ordered by row index, the earlier row first.
// scikit-learn: sklearn.neighbors.NearestNeighbors (metric euclidean). Throws DataError for
// NaN or infinite values, no points, a query width other than the points' and k out of range.
#include <Eigen/Core>
#include <cstddef>
#include <memory>
#include <vector>

namespace loom::clean {

// The k nearest neighbours of each query, nearest first: row q holds query q's neighbours.
struct NeighborsResult {
  Eigen::Matrix<Eigen::Index, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> indices;
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> distances;
};

namespace detail {
struct KdTree;
}

class NearestNeighbors {
 public:
  // Indexes a copy of the rows of points. n_threads as a step's n_jobs (0: LOOM_NUM_THREADS or
  // every core).
  explicit NearestNeighbors(const Eigen::Ref<const Eigen::MatrixXd>& points, int n_threads = 0);
  ~NearestNeighbors();
  NearestNeighbors(const NearestNeighbors&);
  NearestNeighbors& operator=(const NearestNeighbors&);
  NearestNeighbors(NearestNeighbors&&) noexcept;
  NearestNeighbors& operator=(NearestNeighbors&&) noexcept;

  // The k nearest indexed points of each query row (1 <= k <= n_points()).
  NeighborsResult kneighbors(const Eigen::Ref<const Eigen::MatrixXd>& queries,
                             Eigen::Index k) const;
  // The k nearest other points of each indexed point, itself excluded, as scikit-learn's
  // kneighbors(X=None): when more duplicates precede it than k + 1 holds, the first is
  // dropped instead (1 <= k < n_points()).
  NeighborsResult kneighbors_of_points(Eigen::Index k) const;
  // The indexed points within distance radius (<=) of each query, in increasing row order;
  // a query equal to an indexed point includes it.
  std::vector<std::vector<Eigen::Index>> radius_neighbors(
      const Eigen::Ref<const Eigen::MatrixXd>& queries, double radius) const;

  Eigen::Index n_points() const { return points_.rows(); }
  Eigen::Index n_features() const { return points_.cols(); }
  // True when searches use the KD-tree (few features), false for blocked brute force.
  bool uses_tree() const { return tree_ != nullptr; }

 private:
  using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  void check_queries(const Eigen::Ref<const Eigen::MatrixXd>& queries, const char* caller) const;
  NeighborsResult brute_kneighbors(const RowMatrix& queries, Eigen::Index k) const;
  std::vector<std::vector<Eigen::Index>> brute_radius(const RowMatrix& queries,
                                                      double radius) const;

  RowMatrix points_;
  Eigen::VectorXd squared_norms_;
  std::unique_ptr<detail::KdTree> tree_;
  std::size_t n_threads_ = 0;
};

}  // namespace loom::clean
