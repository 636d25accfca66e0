#include "loom/models/tree/detail/cart_builder.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace loom::models::detail {

namespace {

// scikit-learn's constants: values closer than this are one value; nodes purer than this are
// leaves.
constexpr double kFeatureThreshold = 1e-7;
constexpr double kEpsilon = std::numeric_limits<double>::epsilon();

// Float bits mapped so that unsigned order is the float order.
inline std::uint64_t ordered_bits(float value) {
  const auto bits = std::bit_cast<std::uint32_t>(value);
  return (bits & 0x80000000u) ? ~bits : (bits | 0x80000000u);
}
inline float from_ordered_bits(std::uint64_t key) {
  const auto bits = static_cast<std::uint32_t>(key >> 32);
  return std::bit_cast<float>((bits & 0x80000000u) ? (bits & 0x7fffffffu) : ~bits);
}

// Sorts keys[0, n) by their high 32 bits (the value); LSD radix sort for large nodes, passes
// whose byte is the same in every key skipped.
void sort_keys(std::uint64_t* keys, std::size_t n, std::vector<std::uint64_t>& scratch) {
  if (n < 384) {
    std::sort(keys, keys + n);
    return;
  }
  if (scratch.size() < n) scratch.resize(n);
  std::uint32_t counts[4][256] = {};
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t key = keys[i];
    ++counts[0][(key >> 32) & 0xff];
    ++counts[1][(key >> 40) & 0xff];
    ++counts[2][(key >> 48) & 0xff];
    ++counts[3][(key >> 56) & 0xff];
  }
  std::uint64_t* from = keys;
  std::uint64_t* to = scratch.data();
  for (int pass = 0; pass < 4; ++pass) {
    const int shift = 32 + 8 * pass;
    if (counts[pass][(from[0] >> shift) & 0xff] == n) continue;
    std::uint32_t offsets[256];
    std::uint32_t total = 0;
    for (int byte = 0; byte < 256; ++byte) {
      offsets[byte] = total;
      total += counts[pass][byte];
    }
    for (std::size_t i = 0; i < n; ++i)
      to[offsets[(from[i] >> shift) & 0xff]++] = from[i];
    std::swap(from, to);
  }
  if (from != keys) std::copy(from, from + n, keys);
}

class Builder {
 public:
  Builder(const FloatColumns& x, std::span<const std::int32_t> y_class,
          std::span<const double> y_value, std::span<const double> weight,
          std::vector<std::uint32_t> samples, const CartOptions& options, Random& random)
      : x_(x),
        y_class_(y_class),
        y_value_(y_value),
        weight_(weight),
        samples_(std::move(samples)),
        options_(options),
        random_(random),
        n_classes_(options.n_classes),
        width_(options.n_classes > 0 ? options.n_classes : 1) {
    keys_.resize(samples_.size());
    best_order_.resize(samples_.size());
    features_.resize(x.n_columns);
    for (std::size_t j = 0; j < x.n_columns; ++j)
      features_[j] = j;
    node_total_.resize(static_cast<std::size_t>(width_));
    left_.resize(static_cast<std::size_t>(width_));
    tree_.value_width = width_;
  }

  TreeStructure build() {
    Stats root = stats(0, samples_.size());
    root_weight_ = root.weight;
    min_weight_leaf_ = options_.min_weight_fraction_leaf * root_weight_;
    struct Frame {
      std::size_t start, end;
      int depth;
      std::int32_t parent;
      bool is_left;
    };
    std::vector<Frame> stack{{0, samples_.size(), 0, -1, false}};
    while (!stack.empty()) {
      const Frame frame = stack.back();
      stack.pop_back();
      const Stats node = stats(frame.start, frame.end);
      const auto n_samples = static_cast<std::int64_t>(frame.end - frame.start);
      bool is_leaf = (options_.max_depth >= 0 && frame.depth >= options_.max_depth) ||
                     n_samples < options_.min_samples_split ||
                     n_samples < 2 * options_.min_samples_leaf ||
                     node.weight < 2.0 * min_weight_leaf_ || node.impurity <= kEpsilon;
      Split split;
      if (!is_leaf) {
        split = best_split(frame.start, frame.end, node);
        is_leaf = split.feature < 0;
        if (!is_leaf) {
          const Stats left = stats(frame.start, split.position);
          const Stats right = stats(split.position, frame.end);
          const double improvement = node.weight / root_weight_ *
                                     (node.impurity - right.weight / node.weight * right.impurity -
                                      left.weight / node.weight * left.impurity);
          is_leaf = improvement + kEpsilon < options_.min_impurity_decrease;
        }
      }
      const std::int32_t id =
          tree_.add_node(node.impurity, n_samples, node.weight, node_values(node).data());
      if (frame.parent >= 0) {
        (frame.is_left ? tree_.children_left : tree_.children_right)[frame.parent] = id;
      }
      if (!is_leaf) {
        tree_.feature[id] = static_cast<std::int32_t>(split.feature);
        tree_.threshold[id] = split.threshold;
        stack.push_back({split.position, frame.end, frame.depth + 1, id, false});
        stack.push_back({frame.start, split.position, frame.depth + 1, id, true});
      }
    }
    return std::move(tree_);
  }

 private:
  struct Stats {
    double weight = 0.0;
    std::vector<double> classes;     // classification: weight per class
    double sum = 0.0, sq_sum = 0.0;  // regression
    double impurity = 0.0;
  };
  struct Split {
    long feature = -1;
    std::size_t position = 0;
    double threshold = 0.0;
  };

  Stats stats(std::size_t start, std::size_t end) const {
    Stats result;
    if (n_classes_ > 0) {
      result.classes.assign(static_cast<std::size_t>(n_classes_), 0.0);
      for (std::size_t i = start; i < end; ++i) {
        const std::uint32_t s = samples_[i];
        result.classes[static_cast<std::size_t>(y_class_[s])] += weight_[s];
        result.weight += weight_[s];
      }
      result.impurity = class_impurity(result.classes.data(), result.weight);
    } else {
      for (std::size_t i = start; i < end; ++i) {
        const std::uint32_t s = samples_[i];
        const double w = weight_[s];
        result.weight += w;
        result.sum += w * y_value_[s];
        result.sq_sum += w * y_value_[s] * y_value_[s];
      }
      const double mean = result.sum / result.weight;
      result.impurity = result.sq_sum / result.weight - mean * mean;
    }
    return result;
  }

  double class_impurity(const double* counts, double weight) const {
    if (options_.criterion == Criterion::entropy) {
      double entropy = 0.0;
      for (int k = 0; k < n_classes_; ++k) {
        if (counts[k] > 0.0) {
          const double p = counts[k] / weight;
          entropy -= p * (std::log(p) / std::log(2.0));
        }
      }
      return entropy;
    }
    double sq_count = 0.0;
    for (int k = 0; k < n_classes_; ++k)
      sq_count += counts[k] * counts[k];
    return 1.0 - sq_count / (weight * weight);
  }

  std::vector<double> node_values(const Stats& node) const {
    if (n_classes_ > 0) return node.classes;
    return {node.sum / node.weight};
  }

  Split best_split(std::size_t start, std::size_t end, const Stats& node) {
    const std::size_t n = end - start;
    Split best;
    double best_proxy = -std::numeric_limits<double>::infinity();
    std::size_t undrawn = features_.size();
    std::size_t visited = 0;
    std::uint64_t* keys = keys_.data();
    while (undrawn > 0 && visited < options_.max_features) {
      std::swap(features_[random_.below(undrawn)], features_[undrawn - 1]);
      const std::size_t feature = features_[--undrawn];
      const float* column = x_.column(feature);
      for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t s = samples_[start + i];
        keys[i] = (ordered_bits(column[s]) << 32) | s;
      }
      sort_keys(keys, n, scratch_);
      if (static_cast<double>(from_ordered_bits(keys[n - 1])) <=
          static_cast<double>(from_ordered_bits(keys[0])) + kFeatureThreshold) {
        continue;  // constant at this node: does not count as visited, as in scikit-learn
      }
      ++visited;
      bool improved = false;
      std::fill(left_.begin(), left_.end(), 0.0);
      double left_weight = 0.0, left_sum = 0.0;
      const auto min_leaf = static_cast<std::size_t>(options_.min_samples_leaf);
      double previous = static_cast<double>(from_ordered_bits(keys[0]));
      for (std::size_t i = 0; i + 1 < n; ++i) {
        const auto s = static_cast<std::uint32_t>(keys[i]);
        const double w = weight_[s];
        left_weight += w;
        if (n_classes_ > 0) {
          left_[static_cast<std::size_t>(y_class_[s])] += w;
        } else {
          left_sum += w * y_value_[s];
        }
        const double current = static_cast<double>(from_ordered_bits(keys[i + 1]));
        const double below = previous;
        previous = current;
        if (current <= below + kFeatureThreshold) continue;
        if (i + 1 < min_leaf || n - (i + 1) < min_leaf) continue;
        const double right_weight = node.weight - left_weight;
        if (left_weight < min_weight_leaf_ || right_weight < min_weight_leaf_) continue;
        double proxy;
        if (n_classes_ > 0) {
          proxy = class_proxy(node, left_weight, right_weight);
        } else {
          const double right_sum = node.sum - left_sum;
          proxy = left_sum * left_sum / left_weight + right_sum * right_sum / right_weight;
        }
        if (proxy > best_proxy) {
          best_proxy = proxy;
          best.feature = static_cast<long>(feature);
          best.position = start + i + 1;
          best.threshold = below / 2.0 + current / 2.0;
          if (best.threshold == current || std::isinf(best.threshold)) best.threshold = below;
          improved = true;
        }
      }
      if (improved) {
        for (std::size_t i = 0; i < n; ++i)
          best_order_[i] = static_cast<std::uint32_t>(keys[i]);
      }
    }
    if (best.feature >= 0)
      std::copy(best_order_.begin(), best_order_.begin() + n,
                samples_.begin() + static_cast<std::ptrdiff_t>(start));
    return best;
  }

  // scikit-learn's proxy: -(w_right * impurity_right) - (w_left * impurity_left).
  double class_proxy(const Stats& node, double left_weight, double right_weight) {
    for (int k = 0; k < n_classes_; ++k)
      node_total_[static_cast<std::size_t>(k)] =
          node.classes[static_cast<std::size_t>(k)] - left_[static_cast<std::size_t>(k)];
    return -right_weight * class_impurity(node_total_.data(), right_weight) -
           left_weight * class_impurity(left_.data(), left_weight);
  }

  const FloatColumns& x_;
  std::span<const std::int32_t> y_class_;
  std::span<const double> y_value_;
  std::span<const double> weight_;
  std::vector<std::uint32_t> samples_;
  const CartOptions& options_;
  Random& random_;
  int n_classes_;
  int width_;
  double root_weight_ = 0.0;
  double min_weight_leaf_ = 0.0;
  std::vector<std::uint64_t> keys_, scratch_;
  std::vector<std::uint32_t> best_order_;
  std::vector<std::size_t> features_;
  std::vector<double> node_total_, left_;
  TreeStructure tree_;
};

}  // namespace

TreeStructure build_cart(const FloatColumns& x, std::span<const std::int32_t> y_class,
                         std::span<const double> y_value, std::span<const double> sample_weight,
                         std::vector<std::uint32_t> samples, const CartOptions& options,
                         Random& random) {
  return Builder(x, y_class, y_value, sample_weight, std::move(samples), options, random).build();
}

}  // namespace loom::models::detail
