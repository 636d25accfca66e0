#include "loom/clean/nearest_neighbors.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

#include "kd_tree.hpp"
#include "loom/core/detail/parallel.hpp"
#include "loom/core/error.hpp"

namespace loom::clean {

namespace {

// Beyond this many features a KD-tree prunes little (scikit-learn switches to brute force
// above 15 as well).
constexpr Eigen::Index kMaximumTreeFeatures = 15;
constexpr Eigen::Index kMinimumTreePoints = 64;
constexpr Eigen::Index kLeafSize = 32;

template <class Matrix>
void require_finite(const Matrix& values, std::string_view caller, std::string_view what) {
  for (Eigen::Index row = 0; row < values.rows(); ++row) {
    for (Eigen::Index column = 0; column < values.cols(); ++column) {
      if (!std::isfinite(values(row, column))) {
        throw DataError(fmt::format("{}: {} row {}, column {} is {}; expected finite values",
                                    caller, what, row, column, values(row, column)));
      }
    }
  }
}

}  // namespace

NearestNeighbors::NearestNeighbors(const Eigen::Ref<const Eigen::MatrixXd>& points, int n_threads)
    : points_(points), n_threads_(loom::detail::thread_count(n_threads)) {
  if (points_.rows() == 0 || points_.cols() == 0) {
    throw DataError(fmt::format(
        "NearestNeighbors: no points to index ({} rows x {} columns); expected at least one",
        points_.rows(), points_.cols()));
  }
  require_finite(points_, "NearestNeighbors", "points");
  squared_norms_ = points_.rowwise().squaredNorm();
  if (points_.cols() <= kMaximumTreeFeatures && points_.rows() >= kMinimumTreePoints)
    tree_ = std::make_unique<detail::KdTree>(points_, kLeafSize);
}

NearestNeighbors::~NearestNeighbors() = default;
NearestNeighbors::NearestNeighbors(NearestNeighbors&&) noexcept = default;
NearestNeighbors& NearestNeighbors::operator=(NearestNeighbors&&) noexcept = default;

NearestNeighbors::NearestNeighbors(const NearestNeighbors& other)
    : points_(other.points_),
      squared_norms_(other.squared_norms_),
      tree_(other.tree_ ? std::make_unique<detail::KdTree>(*other.tree_) : nullptr),
      n_threads_(other.n_threads_) {}

NearestNeighbors& NearestNeighbors::operator=(const NearestNeighbors& other) {
  if (this != &other) *this = NearestNeighbors(other);
  return *this;
}

void NearestNeighbors::check_queries(const Eigen::Ref<const Eigen::MatrixXd>& queries,
                                     const char* caller) const {
  if (queries.cols() != points_.cols()) {
    throw DataError(fmt::format("{}: queries have {} columns, the indexed points {}", caller,
                                queries.cols(), points_.cols()));
  }
  require_finite(queries, caller, "queries");
}

NeighborsResult NearestNeighbors::kneighbors(const Eigen::Ref<const Eigen::MatrixXd>& queries,
                                             Eigen::Index k) const {
  check_queries(queries, "NearestNeighbors::kneighbors");
  if (k < 1 || k > n_points()) {
    throw DataError(fmt::format(
        "NearestNeighbors::kneighbors: k = {} but {} points are indexed; expected 1 <= k <= {}", k,
        n_points(), n_points()));
  }
  const RowMatrix rows = queries;
  if (!tree_) return brute_kneighbors(rows, k);

  NeighborsResult result;
  result.indices.resize(rows.rows(), k);
  result.distances.resize(rows.rows(), k);
  loom::detail::parallel_for(
      static_cast<std::size_t>(rows.rows()), 64,
      [&](std::size_t begin, std::size_t end) {
        std::vector<detail::Candidate> heap;
        for (auto query = static_cast<Eigen::Index>(begin); query < static_cast<Eigen::Index>(end);
             ++query) {
          tree_->k_nearest(rows.row(query).data(), k, heap);
          for (Eigen::Index rank = 0; rank < k; ++rank) {
            result.indices(query, rank) = heap[static_cast<std::size_t>(rank)].index;
            result.distances(query, rank) =
                std::sqrt(heap[static_cast<std::size_t>(rank)].squared_distance);
          }
        }
      },
      n_threads_);
  return result;
}

NeighborsResult NearestNeighbors::kneighbors_of_points(Eigen::Index k) const {
  if (k < 1 || k >= n_points()) {
    throw DataError(fmt::format(
        "NearestNeighbors::kneighbors_of_points: k = {} but {} points are indexed; expected "
        "1 <= k <= {}",
        k, n_points(), n_points() - 1));
  }
  const NeighborsResult with_self = kneighbors(points_, k + 1);
  NeighborsResult result;
  result.indices.resize(n_points(), k);
  result.distances.resize(n_points(), k);
  for (Eigen::Index point = 0; point < n_points(); ++point) {
    // scikit-learn drops the point itself, or the first neighbour when duplicates that come
    // earlier fill the list.
    Eigen::Index skipped = 0;
    for (Eigen::Index rank = 0; rank <= k; ++rank) {
      if (with_self.indices(point, rank) == point) skipped = rank;
    }
    for (Eigen::Index rank = 0, out = 0; rank <= k; ++rank) {
      if (rank == skipped) continue;
      result.indices(point, out) = with_self.indices(point, rank);
      result.distances(point, out) = with_self.distances(point, rank);
      ++out;
    }
  }
  return result;
}

std::vector<std::vector<Eigen::Index>> NearestNeighbors::radius_neighbors(
    const Eigen::Ref<const Eigen::MatrixXd>& queries, double radius) const {
  check_queries(queries, "NearestNeighbors::radius_neighbors");
  if (!(radius >= 0.0) || !std::isfinite(radius)) {
    throw DataError(fmt::format(
        "NearestNeighbors::radius_neighbors: radius = {}; expected a finite value >= 0", radius));
  }
  const RowMatrix rows = queries;
  if (!tree_) return brute_radius(rows, radius);
  std::vector<std::vector<Eigen::Index>> found(static_cast<std::size_t>(rows.rows()));
  const double squared_radius = radius * radius;
  loom::detail::parallel_for(
      found.size(), 64,
      [&](std::size_t begin, std::size_t end) {
        for (std::size_t query = begin; query < end; ++query) {
          tree_->within(rows.row(static_cast<Eigen::Index>(query)).data(), squared_radius,
                        found[query]);
          std::sort(found[query].begin(), found[query].end());
        }
      },
      n_threads_);
  return found;
}

}  // namespace loom::clean
