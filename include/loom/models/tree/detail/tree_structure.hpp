#pragma once
// A fitted binary decision tree as flat arrays, as scikit-learn's tree_ (children_left,
// children_right, feature, threshold, impurity, n_node_samples, weighted_n_node_samples,
// value), with prediction and JSON. A leaf has children -1. Reading a malformed tree throws
// ParseError. Internal to the tree models.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "loom/core/params.hpp"
#include "loom/models/tree/detail/float_columns.hpp"

namespace loom::models::detail {

struct TreeStructure {
  std::vector<std::int32_t> children_left, children_right, feature;
  std::vector<double> threshold, impurity, weighted_n_node_samples;
  std::vector<std::int64_t> n_node_samples;
  std::vector<double> value;  // value_width numbers per node: class weights, or the mean
  std::int32_t value_width = 1;

  std::size_t node_count() const { return feature.size(); }
  bool is_leaf(std::int32_t node) const { return children_left[node] < 0; }
  const double* node_value(std::int32_t node) const {
    return value.data() + static_cast<std::size_t>(node) * static_cast<std::size_t>(value_width);
  }
  // Appends a leaf (feature -1) and returns its id.
  std::int32_t add_node(double node_impurity, std::int64_t n_samples, double weighted_samples,
                        const double* node_values);
  // The leaf that row `row` of x reaches: x <= threshold goes left.
  std::int32_t apply(const FloatColumns& x, std::size_t row) const {
    std::int32_t node = 0;
    while (children_left[node] >= 0) {
      node =
          static_cast<double>(x.at(row, static_cast<std::size_t>(feature[node]))) <= threshold[node]
              ? children_left[node]
              : children_right[node];
    }
    return node;
  }
  int max_depth() const;
  std::size_t n_leaves() const;
  // Adds each split's weighted impurity decrease to importances[feature] (not normalised).
  void add_impurity_decrease(std::vector<double>& importances) const;

  Json to_json() const;
  // ParseError naming `caller` when the arrays are inconsistent, a feature is not below
  // n_features, or value_width differs from expected_width.
  static TreeStructure from_json(const Json& state, std::size_t n_features,
                                 std::int32_t expected_width, std::string_view caller);
};

// Feature importances as scikit-learn's feature_importances_: each tree's impurity decreases
// divided by its root weight and normalised to sum 1, averaged over trees and normalised
// again (all zeros when no tree has a split).
std::vector<double> impurity_importances(const std::vector<const TreeStructure*>& trees,
                                         std::size_t n_features);

}  // namespace loom::models::detail
