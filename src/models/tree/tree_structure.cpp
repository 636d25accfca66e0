#include "loom/models/tree/detail/tree_structure.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "loom/core/error.hpp"
#include "loom/core/json_state.hpp"

namespace loom::models::detail {

std::int32_t TreeStructure::add_node(double node_impurity, std::int64_t n_samples,
                                     double weighted_samples, const double* node_values) {
  const auto id = static_cast<std::int32_t>(feature.size());
  children_left.push_back(-1);
  children_right.push_back(-1);
  feature.push_back(-1);
  threshold.push_back(-2.0);  // scikit-learn's TREE_UNDEFINED marker for leaves
  impurity.push_back(node_impurity);
  n_node_samples.push_back(n_samples);
  weighted_n_node_samples.push_back(weighted_samples);
  value.insert(value.end(), node_values, node_values + value_width);
  return id;
}

int TreeStructure::max_depth() const {
  if (feature.empty()) return 0;
  std::vector<int> depth(node_count(), 0);
  int deepest = 0;
  // Children always have larger ids than their parent.
  for (std::size_t node = 0; node < node_count(); ++node) {
    deepest = std::max(deepest, depth[node]);
    if (children_left[node] >= 0) {
      depth[static_cast<std::size_t>(children_left[node])] = depth[node] + 1;
      depth[static_cast<std::size_t>(children_right[node])] = depth[node] + 1;
    }
  }
  return deepest;
}

std::size_t TreeStructure::n_leaves() const {
  return static_cast<std::size_t>(std::count(children_left.begin(), children_left.end(), -1));
}

void TreeStructure::add_impurity_decrease(std::vector<double>& importances) const {
  for (std::size_t node = 0; node < node_count(); ++node) {
    if (children_left[node] < 0) continue;
    const auto left = static_cast<std::size_t>(children_left[node]);
    const auto right = static_cast<std::size_t>(children_right[node]);
    importances[static_cast<std::size_t>(feature[node])] +=
        weighted_n_node_samples[node] * impurity[node] -
        weighted_n_node_samples[left] * impurity[left] -
        weighted_n_node_samples[right] * impurity[right];
  }
}

Json TreeStructure::to_json() const {
  return {{"children_left", children_left},
          {"children_right", children_right},
          {"feature", feature},
          {"threshold", state::from_vector(threshold)},
          {"impurity", state::from_vector(impurity)},
          {"n_node_samples", n_node_samples},
          {"weighted_n_node_samples", state::from_vector(weighted_n_node_samples)},
          {"value_width", value_width},
          {"value", state::from_vector(value)}};
}

TreeStructure TreeStructure::from_json(const Json& saved, std::size_t n_features,
                                       std::int32_t expected_width, std::string_view caller) {
  TreeStructure tree;
  auto malformed = [&](std::string_view what) {
    return ParseError(fmt::format("{}: saved tree is malformed: {}", caller, what));
  };
  try {
    tree.children_left = state::field(saved, "children_left").get<std::vector<std::int32_t>>();
    tree.children_right = state::field(saved, "children_right").get<std::vector<std::int32_t>>();
    tree.feature = state::field(saved, "feature").get<std::vector<std::int32_t>>();
    tree.n_node_samples = state::field(saved, "n_node_samples").get<std::vector<std::int64_t>>();
    tree.value_width = state::field(saved, "value_width").get<std::int32_t>();
  } catch (const Json::exception&) {
    throw malformed("integer arrays expected");
  }
  tree.threshold = state::to_vector(saved, "threshold");
  tree.impurity = state::to_vector(saved, "impurity");
  tree.weighted_n_node_samples = state::to_vector(saved, "weighted_n_node_samples");
  tree.value = state::to_vector(saved, "value");
  const std::size_t n = tree.feature.size();
  if (n == 0 || tree.children_left.size() != n || tree.children_right.size() != n ||
      tree.threshold.size() != n || tree.impurity.size() != n || tree.n_node_samples.size() != n ||
      tree.weighted_n_node_samples.size() != n) {
    throw malformed("node arrays of different lengths");
  }
  if (tree.value_width != expected_width ||
      tree.value.size() != n * static_cast<std::size_t>(expected_width)) {
    throw malformed(fmt::format("value must hold {} numbers per node", expected_width));
  }
  for (std::size_t node = 0; node < n; ++node) {
    const auto left = tree.children_left[node];
    const auto right = tree.children_right[node];
    if (left < 0) {
      if (right >= 0) throw malformed(fmt::format("node {} has one child", node));
      continue;
    }
    // Children after their parent: prediction always terminates.
    if (static_cast<std::size_t>(left) <= node || static_cast<std::size_t>(right) <= node ||
        static_cast<std::size_t>(left) >= n || static_cast<std::size_t>(right) >= n) {
      throw malformed(fmt::format("node {} has children out of range", node));
    }
    if (tree.feature[node] < 0 || static_cast<std::size_t>(tree.feature[node]) >= n_features) {
      throw malformed(
          fmt::format("node {} splits on feature {} of {}", node, tree.feature[node], n_features));
    }
  }
  return tree;
}

std::vector<double> impurity_importances(const std::vector<const TreeStructure*>& trees,
                                         std::size_t n_features) {
  std::vector<double> total(n_features, 0.0);
  std::size_t counted = 0;
  for (const TreeStructure* tree : trees) {
    std::vector<double> importances(n_features, 0.0);
    tree->add_impurity_decrease(importances);
    double sum = 0.0;
    for (double& importance : importances) {
      importance /= tree->weighted_n_node_samples[0];
      sum += importance;
    }
    // scikit-learn's forests average only the trees that split at least once.
    if (tree->node_count() <= 1) continue;
    ++counted;
    for (std::size_t j = 0; j < n_features; ++j)
      total[j] += sum > 0.0 ? importances[j] / sum : 0.0;
  }
  double sum = 0.0;
  for (double& importance : total) {
    importance /= static_cast<double>(std::max<std::size_t>(1, counted));
    sum += importance;
  }
  if (sum > 0.0) {
    for (double& importance : total)
      importance /= sum;
  }
  return total;
}

}  // namespace loom::models::detail
