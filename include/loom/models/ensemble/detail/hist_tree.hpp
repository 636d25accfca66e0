#pragma once
// One tree of histogram gradient boosting, grown leaf-wise (best gain first) on binned
// features as scikit-learn's TreeGrower: histograms of gradient and hessian sums per bin, the
// sibling's histogram by subtraction, missing values sent to the side that gains more,
// categorical splits on categories sorted by gradient / hessian. Internal.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "loom/core/params.hpp"
#include "loom/models/tree/detail/threads.hpp"

namespace loom::models::detail {

struct HistTree {
  std::vector<std::int32_t> feature, left, right;  // leaves: left = right = -1
  std::vector<std::uint8_t> bin_threshold, missing_go_to_left, is_categorical;
  std::vector<std::array<std::uint64_t, 4>> left_bins;  // categorical: bins that go left
  std::vector<double> value;                            // leaves, learning rate included
  std::vector<std::int64_t> count;

  std::size_t node_count() const { return feature.size(); }
  // The leaf value for row `row` of column-major bins with n_rows rows.
  double predict(const std::uint8_t* bins, std::size_t n_rows, std::size_t row) const {
    std::int32_t node = 0;
    while (left[node] >= 0) {
      const std::uint8_t bin = bins[static_cast<std::size_t>(feature[node]) * n_rows + row];
      bool go_left;
      if (bin == 255) {
        go_left = missing_go_to_left[node] != 0;
      } else if (is_categorical[node]) {
        go_left = (left_bins[node][bin >> 6] >> (bin & 63)) & 1u;
      } else {
        go_left = bin <= bin_threshold[node];
      }
      node = go_left ? left[node] : right[node];
    }
    return value[node];
  }
  Json to_json() const;
  static HistTree from_json(const Json& state, std::size_t n_features, std::string_view caller);
};

struct GrowerOptions {
  std::optional<int> max_leaf_nodes = 31;
  std::optional<int> max_depth;
  int min_samples_leaf = 20;
  double l2_regularization = 0.0;
  double learning_rate = 0.1;
  double min_hessian_to_split = 1e-3;
};

struct BinnedData {
  const std::uint8_t* bins = nullptr;  // column-major n_rows x n_features
  std::size_t n_rows = 0, n_features = 0;
  std::vector<int> n_bins_non_missing;
  std::vector<bool> has_missing, is_categorical;
};

// Grows one tree on gradients and hessians (hessians empty: all 1, as for squared error), and
// adds each training row's leaf value to raw (n_rows values).
HistTree grow_hist_tree(const BinnedData& data, std::span<const double> gradients,
                        std::span<const double> hessians, const GrowerOptions& options,
                        WorkerPool& pool, std::span<double> raw);

}  // namespace loom::models::detail
