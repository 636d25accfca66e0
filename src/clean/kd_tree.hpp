#pragma once
// The KD-tree behind NearestNeighbors for few features: nodes split at the median of their
// widest dimension, each with its bounding box for pruning. Distances are the canonical squared
// Euclidean distance of squared_distance(), so tree and brute force agree to the last bit.
#include <Eigen/Core>
#include <cstddef>
#include <vector>

#include "loom/clean/nearest_neighbors.hpp"

namespace loom::clean::detail {

// Sum over the features, in order, of the squared differences: the one definition of distance
// every search path uses, so ties resolve the same way whichever path runs.
inline double squared_distance(const double* a, const double* b, Eigen::Index n_features) {
  double sum = 0.0;
  for (Eigen::Index j = 0; j < n_features; ++j) {
    const double difference = a[j] - b[j];
    sum += difference * difference;
  }
  return sum;
}

// A neighbour candidate ordered by (squared distance, row index): the nearest, then the
// earlier row, comes first.
struct Candidate {
  double squared_distance;
  Eigen::Index index;
  friend bool operator<(const Candidate& a, const Candidate& b) {
    return a.squared_distance < b.squared_distance ||
           (a.squared_distance == b.squared_distance && a.index < b.index);
  }
};

struct KdTree {
  using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  struct Node {
    Eigen::Index begin = 0, end = 0;  // range of order / tree_points
    int left = -1, right = -1;        // children; -1 for a leaf
  };

  KdTree(const RowMatrix& points, Eigen::Index leaf_size);

  // The k nearest (by Candidate order) to query, sorted nearest first.
  void k_nearest(const double* query, Eigen::Index k, std::vector<Candidate>& heap) const;
  // Every original row index within squared radius (<=) of query, unsorted.
  void within(const double* query, double squared_radius, std::vector<Eigen::Index>& found) const;

  RowMatrix tree_points;            // the points in tree order
  std::vector<Eigen::Index> order;  // tree position -> original row
  std::vector<Node> nodes;          // nodes[0] is the root
  RowMatrix lower, upper;           // bounding box of each node

 private:
  int build(Eigen::Index begin, Eigen::Index end, Eigen::Index leaf_size, const RowMatrix& points);
  double box_distance(int node, const double* query) const;
  void search(int node, const double* query, Eigen::Index k, std::vector<Candidate>& heap) const;
  void search_within(int node, const double* query, double squared_radius,
                     std::vector<Eigen::Index>& found) const;
};

}  // namespace loom::clean::detail
