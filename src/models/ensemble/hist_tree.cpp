#include "loom/models/ensemble/detail/hist_tree.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "loom/core/error.hpp"
#include "loom/core/json_state.hpp"

namespace loom::models::detail {

namespace {

constexpr int kBins = 256;
// scikit-learn's categorical split constants: categories with less support are ignored, at
// most this many categories go to one side, and the smoothing of the sort key.
constexpr double kMinCategorySupport = 10.0;
constexpr std::size_t kMaxCategoryThreshold = 32;

struct Bin {
  double gradient = 0.0, hessian = 0.0;
  std::uint32_t count = 0;
};
using Histogram = std::vector<Bin>;  // n_features * kBins

struct Split {
  double gain = -1.0;
  int feature = -1;
  std::uint8_t bin = 0;
  bool missing_go_to_left = false;
  bool categorical = false;
  std::array<std::uint64_t, 4> left_bins{};
  double gradient_left = 0.0, hessian_left = 0.0;
  std::int64_t n_left = 0;
};

struct Node {
  std::int32_t id = 0;
  std::size_t start = 0, end = 0;
  int depth = 0;
  double gradient = 0.0, hessian = 0.0;
  Histogram histogram;
  Split split;
  std::int64_t size() const { return static_cast<std::int64_t>(end - start); }
};

double node_value(double gradient, double hessian, double l2) {
  return -gradient / (hessian + l2 + 1e-15);
}

// Loss reduction of a split, scikit-learn's _split_gain.
double split_gain(double gradient_left, double hessian_left, double gradient_right,
                  double hessian_right, double gradient, double hessian, double l2) {
  return -gradient_left * node_value(gradient_left, hessian_left, l2) -
         gradient_right * node_value(gradient_right, hessian_right, l2) +
         gradient * node_value(gradient, hessian, l2);
}

class Grower {
 public:
  Grower(const BinnedData& data, std::span<const double> gradients,
         std::span<const double> hessians, const GrowerOptions& options, WorkerPool& pool,
         std::span<double> raw)
      : data_(data),
        gradients_(gradients),
        hessians_(hessians),
        constant_hessian_(hessians.empty()),
        options_(options),
        pool_(pool),
        raw_(raw),
        indices_(data.n_rows),
        scratch_(data.n_rows) {
    std::iota(indices_.begin(), indices_.end(), 0u);
  }

  HistTree grow() {
    Node root;
    root.start = 0;
    root.end = data_.n_rows;
    for (std::size_t i = 0; i < data_.n_rows; ++i) {
      root.gradient += gradients_[i];
      root.hessian += constant_hessian_ ? 1.0 : hessians_[i];
    }
    root.id = add_node(root);
    std::vector<Node> candidates;
    if (root.size() >= 2 * options_.min_samples_leaf &&
        root.hessian >= options_.min_hessian_to_split) {
      build_histogram(root);
      if (find_split(root)) {
        candidates.push_back(std::move(root));
      } else {
        finalize(root);
      }
    } else {
      finalize(root);
    }
    std::size_t n_leaves = 1;
    while (!candidates.empty()) {
      std::size_t best = 0;
      for (std::size_t i = 1; i < candidates.size(); ++i) {
        if (candidates[i].split.gain > candidates[best].split.gain) best = i;
      }
      Node parent = std::move(candidates[best]);
      candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(best));
      auto [left, right] = split_node(parent);
      ++n_leaves;
      if (options_.max_leaf_nodes &&
          n_leaves >= static_cast<std::size_t>(*options_.max_leaf_nodes)) {
        finalize(left);
        finalize(right);
        for (Node& node : candidates)
          finalize(node);
        break;
      }
      if (options_.max_depth && left.depth >= *options_.max_depth) {
        finalize(left);
        finalize(right);
        continue;
      }
      const bool split_left = left.size() >= 2 * options_.min_samples_leaf;
      const bool split_right = right.size() >= 2 * options_.min_samples_leaf;
      if (split_left || split_right) {
        Node& smaller = left.size() <= right.size() ? left : right;
        Node& larger = left.size() <= right.size() ? right : left;
        build_histogram(smaller);
        larger.histogram = std::move(parent.histogram);
        for (std::size_t b = 0; b < larger.histogram.size(); ++b) {
          larger.histogram[b].gradient -= smaller.histogram[b].gradient;
          larger.histogram[b].hessian -= smaller.histogram[b].hessian;
          larger.histogram[b].count -= smaller.histogram[b].count;
        }
      }
      for (Node* child : {&left, &right}) {
        const bool can_split = child == &left ? split_left : split_right;
        if (can_split && find_split(*child)) {
          candidates.push_back(std::move(*child));
        } else {
          finalize(*child);
        }
      }
    }
    return std::move(tree_);
  }

 private:
  std::int32_t add_node(const Node& node) {
    const auto id = static_cast<std::int32_t>(tree_.feature.size());
    tree_.feature.push_back(-1);
    tree_.left.push_back(-1);
    tree_.right.push_back(-1);
    tree_.bin_threshold.push_back(0);
    tree_.missing_go_to_left.push_back(0);
    tree_.is_categorical.push_back(0);
    tree_.left_bins.push_back({});
    tree_.value.push_back(0.0);
    tree_.count.push_back(node.size());
    return id;
  }

  void finalize(const Node& node) {
    const double value = options_.learning_rate *
                         node_value(node.gradient, node.hessian, options_.l2_regularization);
    tree_.value[static_cast<std::size_t>(node.id)] = value;
    for (std::size_t i = node.start; i < node.end; ++i)
      raw_[indices_[i]] += value;
  }

  void build_histogram(Node& node) {
    node.histogram.assign(data_.n_features * kBins, Bin{});
    const std::size_t n = node.end - node.start;
    const bool whole = n == data_.n_rows;
    // Gradients in the node's row order, so the per-feature loops read them sequentially.
    if (!whole) {
      ordered_gradients_.resize(n);
      if (!constant_hessian_) ordered_hessians_.resize(n);
      for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t row = indices_[node.start + i];
        ordered_gradients_[i] = gradients_[row];
        if (!constant_hessian_) ordered_hessians_[i] = hessians_[row];
      }
    }
    const double* gradients = whole ? gradients_.data() : ordered_gradients_.data();
    const double* hessians =
        constant_hessian_ ? nullptr : (whole ? hessians_.data() : ordered_hessians_.data());
    const std::uint32_t* rows = indices_.data() + node.start;
    auto one_feature = [&](std::size_t feature) {
      Bin* histogram = node.histogram.data() + feature * kBins;
      const std::uint8_t* bins = data_.bins + feature * data_.n_rows;
      if (whole) {
        for (std::size_t i = 0; i < n; ++i) {
          Bin& bin = histogram[bins[i]];
          bin.gradient += gradients[i];
          if (hessians) bin.hessian += hessians[i];
          ++bin.count;
        }
      } else {
        for (std::size_t i = 0; i < n; ++i) {
          Bin& bin = histogram[bins[rows[i]]];
          bin.gradient += gradients[i];
          if (hessians) bin.hessian += hessians[i];
          ++bin.count;
        }
      }
      if (!hessians) {
        for (int b = 0; b < kBins; ++b)
          histogram[b].hessian = histogram[b].count;
      }
    };
    if (n * data_.n_features >= 20000) {
      pool_.run(data_.n_features, one_feature);
    } else {
      for (std::size_t feature = 0; feature < data_.n_features; ++feature)
        one_feature(feature);
    }
  }

  bool admissible(std::int64_t n, double hessian) const {
    return n >= options_.min_samples_leaf && hessian >= options_.min_hessian_to_split;
  }

  void consider(Split& best, const Node& node, int feature, std::uint8_t bin, bool missing_left,
                double gradient_left, double hessian_left, std::int64_t n_left) const {
    const double gain = split_gain(gradient_left, hessian_left, node.gradient - gradient_left,
                                   node.hessian - hessian_left, node.gradient, node.hessian,
                                   options_.l2_regularization);
    if (gain > best.gain && gain > 0.0) {
      best.gain = gain;
      best.feature = feature;
      best.bin = bin;
      best.missing_go_to_left = missing_left;
      best.categorical = false;
      best.gradient_left = gradient_left;
      best.hessian_left = hessian_left;
      best.n_left = n_left;
    }
  }

  void numeric_split(Split& best, const Node& node, int feature) const {
    const Bin* histogram = node.histogram.data() + static_cast<std::size_t>(feature) * kBins;
    const int n_bins = data_.n_bins_non_missing[static_cast<std::size_t>(feature)];
    const bool has_missing = data_.has_missing[static_cast<std::size_t>(feature)];
    // Left to right, missing values going right.
    double gradient_left = 0.0, hessian_left = 0.0;
    std::int64_t n_left = 0;
    const int end = n_bins - 1 + (has_missing ? 1 : 0);
    const Split before = best;
    for (int b = 0; b < end; ++b) {
      gradient_left += histogram[b].gradient;
      hessian_left += histogram[b].hessian;
      n_left += histogram[b].count;
      if (!admissible(n_left, hessian_left)) continue;
      if (!admissible(node.size() - n_left, node.hessian - hessian_left)) break;
      consider(best, node, feature, static_cast<std::uint8_t>(b), false, gradient_left,
               hessian_left, n_left);
    }
    if (has_missing) {
      // Right to left, missing values going left.
      double gradient_right = 0.0, hessian_right = 0.0;
      std::int64_t n_right = 0;
      for (int b = n_bins - 2; b >= 0; --b) {
        gradient_right += histogram[b + 1].gradient;
        hessian_right += histogram[b + 1].hessian;
        n_right += histogram[b + 1].count;
        if (!admissible(n_right, hessian_right)) continue;
        if (!admissible(node.size() - n_right, node.hessian - hessian_right)) break;
        consider(best, node, feature, static_cast<std::uint8_t>(b), true,
                 node.gradient - gradient_right, node.hessian - hessian_right,
                 node.size() - n_right);
      }
    } else if (best.feature == feature && best.gain != before.gain) {
      // No missing value in training: missing values go to the child with more rows.
      best.missing_go_to_left = best.n_left * 2 >= node.size();
    }
  }

  void categorical_split(Split& best, const Node& node, int feature) const {
    const Bin* histogram = node.histogram.data() + static_cast<std::size_t>(feature) * kBins;
    const int n_bins = data_.n_bins_non_missing[static_cast<std::size_t>(feature)];
    const double support_factor =
        node.hessian > 0.0 ? static_cast<double>(node.size()) / node.hessian : 1.0;
    struct Category {
      int bin;
      double key;
    };
    std::vector<Category> used;
    auto add = [&](int b) {
      if (histogram[b].hessian * support_factor >= kMinCategorySupport) {
        used.push_back({b, histogram[b].gradient / (histogram[b].hessian + kMinCategorySupport)});
      }
    };
    for (int b = 0; b < n_bins; ++b)
      add(b);
    if (data_.has_missing[static_cast<std::size_t>(feature)]) add(255);
    if (used.size() <= 1) return;
    std::stable_sort(used.begin(), used.end(),
                     [](const Category& a, const Category& b) { return a.key < b.key; });
    const std::size_t max_categories = std::min(kMaxCategoryThreshold, (used.size() + 1) / 2);
    int best_direction = 0;
    std::size_t best_threshold = 0;
    for (int direction : {1, -1}) {
      double gradient_left = 0.0, hessian_left = 0.0;
      std::int64_t n_left = 0;
      for (std::size_t i = 0; i < max_categories; ++i) {
        const std::size_t sorted = direction == 1 ? i : used.size() - 1 - i;
        const Bin& bin = histogram[used[sorted].bin];
        gradient_left += bin.gradient;
        hessian_left += bin.hessian;
        n_left += bin.count;
        if (!admissible(n_left, hessian_left)) continue;
        if (!admissible(node.size() - n_left, node.hessian - hessian_left)) break;
        const double gain = split_gain(gradient_left, hessian_left, node.gradient - gradient_left,
                                       node.hessian - hessian_left, node.gradient, node.hessian,
                                       options_.l2_regularization);
        if (gain > best.gain && gain > 0.0) {
          best.gain = gain;
          best.feature = feature;
          best.categorical = true;
          best.gradient_left = gradient_left;
          best.hessian_left = hessian_left;
          best.n_left = n_left;
          best_direction = direction;
          best_threshold = sorted;
        }
      }
    }
    if (best_direction == 0) return;
    best.left_bins = {};
    best.missing_go_to_left = false;
    const std::size_t first = best_direction == 1 ? 0 : best_threshold;
    const std::size_t last = best_direction == 1 ? best_threshold : used.size() - 1;
    for (std::size_t i = first; i <= last; ++i) {
      const int b = used[i].bin;
      if (b == 255) {
        best.missing_go_to_left = true;
      } else {
        best.left_bins[static_cast<std::size_t>(b) >> 6] |= std::uint64_t{1} << (b & 63);
      }
    }
  }

  bool find_split(Node& node) const {
    Split best;
    for (std::size_t feature = 0; feature < data_.n_features; ++feature) {
      if (data_.is_categorical[feature]) {
        categorical_split(best, node, static_cast<int>(feature));
      } else {
        numeric_split(best, node, static_cast<int>(feature));
      }
    }
    node.split = best;
    return best.feature >= 0;
  }

  std::pair<Node, Node> split_node(Node& parent) {
    const Split& split = parent.split;
    const std::uint8_t* bins = data_.bins + static_cast<std::size_t>(split.feature) * data_.n_rows;
    std::size_t n_left = 0, n_right = 0;
    std::uint32_t* right_rows = scratch_.data();
    for (std::size_t i = parent.start; i < parent.end; ++i) {
      const std::uint32_t row = indices_[i];
      const std::uint8_t bin = bins[row];
      bool go_left;
      if (bin == 255) {
        go_left = split.missing_go_to_left;
      } else if (split.categorical) {
        go_left = (split.left_bins[bin >> 6] >> (bin & 63)) & 1u;
      } else {
        go_left = bin <= split.bin;
      }
      if (go_left) {
        indices_[parent.start + n_left++] = row;
      } else {
        right_rows[n_right++] = row;
      }
    }
    std::copy(right_rows, right_rows + n_right,
              indices_.begin() + static_cast<std::ptrdiff_t>(parent.start + n_left));
    Node left, right;
    left.start = parent.start;
    left.end = parent.start + n_left;
    right.start = left.end;
    right.end = parent.end;
    left.depth = right.depth = parent.depth + 1;
    left.gradient = split.gradient_left;
    left.hessian = split.hessian_left;
    right.gradient = parent.gradient - split.gradient_left;
    right.hessian = parent.hessian - split.hessian_left;
    const auto id = static_cast<std::size_t>(parent.id);
    tree_.feature[id] = split.feature;
    tree_.bin_threshold[id] = split.bin;
    tree_.missing_go_to_left[id] = split.missing_go_to_left ? 1 : 0;
    tree_.is_categorical[id] = split.categorical ? 1 : 0;
    tree_.left_bins[id] = split.left_bins;
    left.id = add_node(left);
    right.id = add_node(right);
    tree_.left[id] = left.id;
    tree_.right[id] = right.id;
    return {std::move(left), std::move(right)};
  }

  const BinnedData& data_;
  std::span<const double> gradients_, hessians_;
  bool constant_hessian_;
  const GrowerOptions& options_;
  WorkerPool& pool_;
  std::span<double> raw_;
  std::vector<std::uint32_t> indices_, scratch_;
  std::vector<double> ordered_gradients_, ordered_hessians_;
  HistTree tree_;
};

}  // namespace

HistTree grow_hist_tree(const BinnedData& data, std::span<const double> gradients,
                        std::span<const double> hessians, const GrowerOptions& options,
                        WorkerPool& pool, std::span<double> raw) {
  return Grower(data, gradients, hessians, options, pool, raw).grow();
}

Json HistTree::to_json() const {
  Json categories = Json::array();
  for (std::size_t node = 0; node < node_count(); ++node) {
    Json bins = Json::array();
    if (is_categorical[node]) {
      for (int b = 0; b < 255; ++b) {
        if ((left_bins[node][static_cast<std::size_t>(b) >> 6] >> (b & 63)) & 1u) bins.push_back(b);
      }
    }
    categories.push_back(std::move(bins));
  }
  return {{"feature", feature},
          {"left", left},
          {"right", right},
          {"bin_threshold", bin_threshold},
          {"missing_go_to_left", missing_go_to_left},
          {"is_categorical", is_categorical},
          {"left_categories", std::move(categories)},
          {"value", state::from_vector(value)},
          {"count", count}};
}

HistTree HistTree::from_json(const Json& saved, std::size_t n_features, std::string_view caller) {
  HistTree tree;
  auto malformed = [&](std::string_view what) {
    return ParseError(fmt::format("{}: saved boosting tree is malformed: {}", caller, what));
  };
  try {
    tree.feature = state::field(saved, "feature").get<std::vector<std::int32_t>>();
    tree.left = state::field(saved, "left").get<std::vector<std::int32_t>>();
    tree.right = state::field(saved, "right").get<std::vector<std::int32_t>>();
    tree.bin_threshold = state::field(saved, "bin_threshold").get<std::vector<std::uint8_t>>();
    tree.missing_go_to_left =
        state::field(saved, "missing_go_to_left").get<std::vector<std::uint8_t>>();
    tree.is_categorical = state::field(saved, "is_categorical").get<std::vector<std::uint8_t>>();
    tree.count = state::field(saved, "count").get<std::vector<std::int64_t>>();
    const auto categories =
        state::field(saved, "left_categories").get<std::vector<std::vector<int>>>();
    for (const auto& bins : categories) {
      std::array<std::uint64_t, 4> words{};
      for (int b : bins) {
        if (b < 0 || b > 254) throw malformed("category bin out of range");
        words[static_cast<std::size_t>(b) >> 6] |= std::uint64_t{1} << (b & 63);
      }
      tree.left_bins.push_back(words);
    }
  } catch (const Json::exception&) {
    throw malformed("integer arrays expected");
  }
  tree.value = state::to_vector(saved, "value");
  const std::size_t n = tree.feature.size();
  if (n == 0 || tree.left.size() != n || tree.right.size() != n || tree.bin_threshold.size() != n ||
      tree.missing_go_to_left.size() != n || tree.is_categorical.size() != n ||
      tree.left_bins.size() != n || tree.value.size() != n || tree.count.size() != n) {
    throw malformed("node arrays of different lengths");
  }
  for (std::size_t node = 0; node < n; ++node) {
    if (tree.left[node] < 0 && tree.right[node] < 0) continue;
    if (tree.left[node] <= static_cast<std::int32_t>(node) ||
        tree.right[node] <= static_cast<std::int32_t>(node) ||
        static_cast<std::size_t>(tree.left[node]) >= n ||
        static_cast<std::size_t>(tree.right[node]) >= n) {
      throw malformed(fmt::format("node {} has children out of range", node));
    }
    if (tree.feature[node] < 0 || static_cast<std::size_t>(tree.feature[node]) >= n_features) {
      throw malformed(
          fmt::format("node {} splits on feature {} of {}", node, tree.feature[node], n_features));
    }
  }
  return tree;
}

}  // namespace loom::models::detail
