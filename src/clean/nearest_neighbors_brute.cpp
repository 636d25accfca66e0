// Brute-force search for NearestNeighbors: squared distances from one matrix product per block
// (|q|^2 + |p|^2 - 2 q.p), used only to shortlist candidates within a rounding bound of the
// k-th (or of the radius); the shortlist is then ranked by the exact squared_distance, so the
// result equals the KD-tree's to the last bit, ties to the earlier row included.
#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <utility>

#include "kd_tree.hpp"
#include "loom/clean/nearest_neighbors.hpp"
#include "loom/core/detail/parallel.hpp"

namespace loom::clean {

namespace {

constexpr Eigen::Index kQueryBlock = 32;
constexpr Eigen::Index kPointChunk = 2048;

// A bound, with a wide margin, on how far the product formula and the exact sum can each be
// from the true squared distance; twice it separates any true k-th neighbour from the cut.
double rounding_slack(double query_norm, double largest_point_norm, Eigen::Index n_features) {
  const double bound = 8.0 * static_cast<double>(n_features + 4) *
                       std::numeric_limits<double>::epsilon() * (query_norm + largest_point_norm);
  return 2.0 * bound + std::numeric_limits<double>::min();
}

// Calls visit(query, point, approximate squared distance) for every pair, block by block, and
// returns the block's rounding slack (rounding_slack for its largest query norm).
template <class Visit>
double for_each_block(const Eigen::Matrix<double, -1, -1, Eigen::RowMajor>& queries,
                      const Eigen::Matrix<double, -1, -1, Eigen::RowMajor>& points,
                      const Eigen::VectorXd& point_norms, Eigen::Index query_begin,
                      Eigen::Index query_end, const Visit& visit) {
  const Eigen::VectorXd query_norms =
      queries.middleRows(query_begin, query_end - query_begin).rowwise().squaredNorm();
  const double slack =
      rounding_slack(query_norms.maxCoeff(), point_norms.maxCoeff(), points.cols());
  Eigen::Matrix<double, -1, -1, Eigen::RowMajor> products;
  for (Eigen::Index chunk = 0; chunk < points.rows(); chunk += kPointChunk) {
    const Eigen::Index size = std::min(kPointChunk, points.rows() - chunk);
    products.noalias() = queries.middleRows(query_begin, query_end - query_begin) *
                         points.middleRows(chunk, size).transpose();
    for (Eigen::Index query = 0; query < query_end - query_begin; ++query) {
      const double* row = products.row(query).data();
      for (Eigen::Index offset = 0; offset < size; ++offset) {
        const double approximate =
            query_norms(query) + point_norms(chunk + offset) - 2.0 * row[offset];
        visit(query, chunk + offset, approximate, slack);
      }
    }
  }
  return slack;
}

}  // namespace

NeighborsResult NearestNeighbors::brute_kneighbors(const RowMatrix& queries, Eigen::Index k) const {
  NeighborsResult result;
  result.indices.resize(queries.rows(), k);
  result.distances.resize(queries.rows(), k);
  const auto n_blocks = static_cast<std::size_t>((queries.rows() + kQueryBlock - 1) / kQueryBlock);
  loom::detail::parallel_for(
      n_blocks, 1,
      [&](std::size_t first_block, std::size_t last_block) {
        std::vector<std::priority_queue<double>> kth(static_cast<std::size_t>(kQueryBlock));
        std::vector<std::vector<std::pair<double, Eigen::Index>>> shortlist(kth.size());
        std::vector<detail::Candidate> exact;
        for (std::size_t block = first_block; block < last_block; ++block) {
          const Eigen::Index begin = static_cast<Eigen::Index>(block) * kQueryBlock;
          const Eigen::Index end = std::min(begin + kQueryBlock, queries.rows());
          for (Eigen::Index query = 0; query < end - begin; ++query) {
            kth[static_cast<std::size_t>(query)] = {};
            shortlist[static_cast<std::size_t>(query)].clear();
          }
          const double block_slack = for_each_block(
              queries, points_, squared_norms_, begin, end,
              [&](Eigen::Index query, Eigen::Index point, double approximate, double slack) {
                auto& heap = kth[static_cast<std::size_t>(query)];
                if (static_cast<Eigen::Index>(heap.size()) < k) {
                  heap.push(approximate);
                } else if (approximate <= heap.top() + slack) {
                  if (approximate < heap.top()) {
                    heap.pop();
                    heap.push(approximate);
                  }
                } else {
                  return;
                }
                shortlist[static_cast<std::size_t>(query)].emplace_back(approximate, point);
              });
          for (Eigen::Index query = begin; query < end; ++query) {
            const auto local = static_cast<std::size_t>(query - begin);
            const double cut = kth[local].top() + block_slack;
            exact.clear();
            for (const auto& [approximate, point] : shortlist[local]) {
              if (approximate <= cut) {
                exact.push_back(
                    {detail::squared_distance(queries.row(query).data(), points_.row(point).data(),
                                              points_.cols()),
                     point});
              }
            }
            std::partial_sort(exact.begin(), exact.begin() + k, exact.end());
            for (Eigen::Index rank = 0; rank < k; ++rank) {
              result.indices(query, rank) = exact[static_cast<std::size_t>(rank)].index;
              result.distances(query, rank) =
                  std::sqrt(exact[static_cast<std::size_t>(rank)].squared_distance);
            }
          }
        }
      },
      n_threads_);
  return result;
}

std::vector<std::vector<Eigen::Index>> NearestNeighbors::brute_radius(const RowMatrix& queries,
                                                                      double radius) const {
  std::vector<std::vector<Eigen::Index>> found(static_cast<std::size_t>(queries.rows()));
  const double squared_radius = radius * radius;
  const auto n_blocks = static_cast<std::size_t>((queries.rows() + kQueryBlock - 1) / kQueryBlock);
  loom::detail::parallel_for(
      n_blocks, 1,
      [&](std::size_t first_block, std::size_t last_block) {
        for (std::size_t block = first_block; block < last_block; ++block) {
          const Eigen::Index begin = static_cast<Eigen::Index>(block) * kQueryBlock;
          const Eigen::Index end = std::min(begin + kQueryBlock, queries.rows());
          for_each_block(
              queries, points_, squared_norms_, begin, end,
              [&](Eigen::Index query, Eigen::Index point, double approximate, double slack) {
                if (approximate > squared_radius + slack) return;
                const Eigen::Index row = begin + query;
                if (detail::squared_distance(queries.row(row).data(), points_.row(point).data(),
                                             points_.cols()) <= squared_radius)
                  found[static_cast<std::size_t>(row)].push_back(point);
              });
        }
      },
      n_threads_);
  return found;
}

}  // namespace loom::clean
