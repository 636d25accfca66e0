#include "kd_tree.hpp"

#include <algorithm>
#include <numeric>

namespace loom::clean::detail {

KdTree::KdTree(const RowMatrix& points, Eigen::Index leaf_size) {
  const Eigen::Index n = points.rows();
  order.resize(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  lower.resize(0, points.cols());
  upper.resize(0, points.cols());
  nodes.reserve(static_cast<std::size_t>(2 * (n / std::max<Eigen::Index>(1, leaf_size)) + 1));
  build(0, n, leaf_size, points);
  tree_points.resize(n, points.cols());
  for (Eigen::Index position = 0; position < n; ++position)
    tree_points.row(position) = points.row(order[static_cast<std::size_t>(position)]);
}

int KdTree::build(Eigen::Index begin, Eigen::Index end, Eigen::Index leaf_size,
                  const RowMatrix& points) {
  const int id = static_cast<int>(nodes.size());
  nodes.push_back({begin, end, -1, -1});
  const Eigen::Index d = points.cols();
  Eigen::RowVectorXd low = Eigen::RowVectorXd::Constant(d, std::numeric_limits<double>::infinity());
  Eigen::RowVectorXd high = -low;
  for (Eigen::Index position = begin; position < end; ++position) {
    const auto row = points.row(order[static_cast<std::size_t>(position)]);
    low = low.cwiseMin(row);
    high = high.cwiseMax(row);
  }
  lower.conservativeResize(id + 1, Eigen::NoChange);
  upper.conservativeResize(id + 1, Eigen::NoChange);
  lower.row(id) = low;
  upper.row(id) = high;
  if (end - begin <= leaf_size) return id;

  Eigen::Index split_dimension = 0;
  (high - low).maxCoeff(&split_dimension);
  if (high(split_dimension) <= low(split_dimension)) return id;  // all points equal: a leaf
  const Eigen::Index middle = begin + (end - begin) / 2;
  std::nth_element(order.begin() + begin, order.begin() + middle, order.begin() + end,
                   [&](Eigen::Index a, Eigen::Index b) {
                     return points(a, split_dimension) < points(b, split_dimension);
                   });
  const int left = build(begin, middle, leaf_size, points);
  const int right = build(middle, end, leaf_size, points);
  nodes[static_cast<std::size_t>(id)].left = left;
  nodes[static_cast<std::size_t>(id)].right = right;
  return id;
}

double KdTree::box_distance(int node, const double* query) const {
  double sum = 0.0;
  const Eigen::Index d = lower.cols();
  for (Eigen::Index j = 0; j < d; ++j) {
    const double below = lower(node, j) - query[j];
    const double above = query[j] - upper(node, j);
    const double gap = std::max({below, above, 0.0});
    sum += gap * gap;
  }
  return sum;
}

void KdTree::k_nearest(const double* query, Eigen::Index k, std::vector<Candidate>& heap) const {
  heap.clear();
  search(0, query, k, heap);
  std::sort_heap(heap.begin(), heap.end());
}

void KdTree::search(int node_id, const double* query, Eigen::Index k,
                    std::vector<Candidate>& heap) const {
  const auto full = [&] { return static_cast<Eigen::Index>(heap.size()) >= k; };
  // A box whose nearest corner is exactly as far as the current k-th neighbour may still hold
  // an earlier row at that distance, so only strictly farther boxes are pruned.
  if (full() && box_distance(node_id, query) > heap.front().squared_distance) return;
  const Node& node = nodes[static_cast<std::size_t>(node_id)];
  if (node.left < 0) {
    const Eigen::Index d = tree_points.cols();
    for (Eigen::Index position = node.begin; position < node.end; ++position) {
      const Candidate candidate{squared_distance(query, tree_points.row(position).data(), d),
                                order[static_cast<std::size_t>(position)]};
      if (!full()) {
        heap.push_back(candidate);
        std::push_heap(heap.begin(), heap.end());
      } else if (candidate < heap.front()) {
        std::pop_heap(heap.begin(), heap.end());
        heap.back() = candidate;
        std::push_heap(heap.begin(), heap.end());
      }
    }
    return;
  }
  const double left_distance = box_distance(node.left, query);
  const double right_distance = box_distance(node.right, query);
  if (left_distance <= right_distance) {
    search(node.left, query, k, heap);
    search(node.right, query, k, heap);
  } else {
    search(node.right, query, k, heap);
    search(node.left, query, k, heap);
  }
}

void KdTree::within(const double* query, double squared_radius,
                    std::vector<Eigen::Index>& found) const {
  found.clear();
  search_within(0, query, squared_radius, found);
}

void KdTree::search_within(int node_id, const double* query, double squared_radius,
                           std::vector<Eigen::Index>& found) const {
  if (box_distance(node_id, query) > squared_radius) return;
  const Node& node = nodes[static_cast<std::size_t>(node_id)];
  if (node.left < 0) {
    const Eigen::Index d = tree_points.cols();
    for (Eigen::Index position = node.begin; position < node.end; ++position) {
      if (squared_distance(query, tree_points.row(position).data(), d) <= squared_radius)
        found.push_back(order[static_cast<std::size_t>(position)]);
    }
    return;
  }
  search_within(node.left, query, squared_radius, found);
  search_within(node.right, query, squared_radius, found);
}

}  // namespace loom::clean::detail
