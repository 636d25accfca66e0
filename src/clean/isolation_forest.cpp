#include "loom/clean/isolation_forest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "loom/clean/detail/quantile.hpp"
#include "loom/core/detail/parallel.hpp"

namespace loom::clean {

const ParamTable<IsolationForestParams>& IsolationForestParams::table() {
  static const ParamTable<IsolationForestParams> table{
      param("n_estimators", &IsolationForestParams::n_estimators, at_least(1)),
      param<IsolationForestParams, Json>(
          "max_samples", &IsolationForestParams::max_samples,
          [](const Json& value) {
            if (value.is_string() && value.get<std::string>() == "auto") return std::string();
            if (value.is_number_integer() && value.get<long long>() >= 1) return std::string();
            if (value.is_number_float() && value.get<double>() > 0.0 && value.get<double>() <= 1.0)
              return std::string();
            return std::string("must be \"auto\", an integer >= 1 or a number in (0, 1]");
          }),
      param<IsolationForestParams, Json>(
          "contamination", &IsolationForestParams::contamination,
          [](const Json& value) { return check_contamination(value, true); }),
      param("max_features", &IsolationForestParams::max_features,
            ParamCheck<double>([](const double& value) {
              return value > 0.0 && value <= 1.0 ? std::string() : "must be in (0, 1]";
            })),
      param("bootstrap", &IsolationForestParams::bootstrap),
      param("random_state", &IsolationForestParams::random_state),
  };
  return table;
}

double average_path_length(double n) {
  constexpr double kEulerGamma = 0.5772156649015329;
  if (n <= 1.0) return 0.0;
  if (n <= 2.0) return 1.0;
  return 2.0 * (std::log(n - 1.0) + kEulerGamma) - 2.0 * (n - 1.0) / n;
}

namespace {

// Grows one isolation tree depth first on the rows in `rows`, as scikit-learn's random
// splitter with max_features=1: a feature drawn uniformly among those not constant in the
// node, a threshold uniform in [min, max) (max itself maps to min), rows <= threshold left.
class TreeBuilder {
 public:
  TreeBuilder(const Eigen::MatrixXd& x, int max_depth, std::mt19937_64& random)
      : x_(x), max_depth_(max_depth), random_(random) {}

  void grow(IsolationForest::Tree& tree, std::vector<Eigen::Index>& rows) {
    tree_ = &tree;
    candidates_ = tree.features;
    build(rows.data(), rows.data() + rows.size(), 0);
  }

 private:
  int build(Eigen::Index* begin, Eigen::Index* end, int depth) {
    const int node = static_cast<int>(tree_->feature.size());
    const auto n_rows = static_cast<Eigen::Index>(end - begin);
    tree_->feature.push_back(-1);
    tree_->threshold.push_back(0.0);
    tree_->left.push_back(-1);
    tree_->right.push_back(-1);
    tree_->n_samples.push_back(n_rows);
    if (depth >= max_depth_ || n_rows < 2) return node;

    // Draw features without replacement until one varies in this node.
    constexpr double kFeatureThreshold = 1e-7;  // scikit-learn's FEATURE_THRESHOLD
    std::size_t remaining = candidates_.size();
    int feature = -1;
    double low = 0.0;
    double high = 0.0;
    while (remaining > 0) {
      std::uniform_int_distribution<std::size_t> pick(0, remaining - 1);
      const std::size_t drawn = pick(random_);
      std::swap(candidates_[drawn], candidates_[remaining - 1]);
      const int candidate = candidates_[--remaining];
      low = high = x_(*begin, candidate);
      for (const Eigen::Index* row = begin + 1; row != end; ++row) {
        const double value = x_(*row, candidate);
        low = std::min(low, value);
        high = std::max(high, value);
      }
      if (high > low + kFeatureThreshold) {
        feature = candidate;
        break;
      }
    }
    if (feature < 0) return node;
    double threshold = std::uniform_real_distribution<double>(low, high)(random_);
    if (threshold >= high) threshold = low;
    Eigen::Index* middle =
        std::partition(begin, end, [&](Eigen::Index row) { return x_(row, feature) <= threshold; });
    tree_->feature[static_cast<std::size_t>(node)] = feature;
    tree_->threshold[static_cast<std::size_t>(node)] = threshold;
    const int left = build(begin, middle, depth + 1);
    const int right = build(middle, end, depth + 1);
    tree_->left[static_cast<std::size_t>(node)] = left;
    tree_->right[static_cast<std::size_t>(node)] = right;
    return node;
  }

  const Eigen::MatrixXd& x_;
  int max_depth_;
  std::mt19937_64& random_;
  IsolationForest::Tree* tree_ = nullptr;
  std::vector<int> candidates_;
};

// Leaf depth plus c(leaf size): the path length of row `row` in `tree`.
double path_length(const IsolationForest::Tree& tree, const Eigen::MatrixXd& x, Eigen::Index row) {
  int node = 0;
  int depth = 0;
  while (tree.feature[static_cast<std::size_t>(node)] >= 0) {
    const auto index = static_cast<std::size_t>(node);
    node =
        x(row, tree.feature[index]) <= tree.threshold[index] ? tree.left[index] : tree.right[index];
    ++depth;
  }
  return depth +
         average_path_length(static_cast<double>(tree.n_samples[static_cast<std::size_t>(node)]));
}

}  // namespace

void IsolationForest::fit_checked(const Eigen::MatrixXd& x) {
  const Eigen::Index n_rows = x.rows();
  const Json& max_samples = params_.max_samples;
  if (max_samples.is_string()) {
    max_samples_ = std::min<Eigen::Index>(256, n_rows);
  } else if (max_samples.is_number_integer()) {
    // scikit-learn warns and uses all rows when max_samples exceeds them.
    max_samples_ = std::min<Eigen::Index>(max_samples.get<Eigen::Index>(), n_rows);
  } else {
    max_samples_ = std::max<Eigen::Index>(
        1, static_cast<Eigen::Index>(max_samples.get<double>() * static_cast<double>(n_rows)));
  }
  const auto n_features = std::max<Eigen::Index>(
      1, static_cast<Eigen::Index>(params_.max_features * static_cast<double>(x.cols())));
  const int max_depth = static_cast<int>(
      std::ceil(std::log2(std::max<double>(static_cast<double>(max_samples_), 2.0))));

  // One seed per tree drawn up front, so the forest does not depend on the thread count.
  std::mt19937_64 master(params_.random_state ? static_cast<std::uint64_t>(*params_.random_state)
                                              : static_cast<std::uint64_t>(std::random_device{}()));
  std::vector<std::uint64_t> seeds(static_cast<std::size_t>(params_.n_estimators));
  for (auto& seed : seeds)
    seed = master();
  std::vector<Tree> trees(seeds.size());
  loom::detail::parallel_for(trees.size(), 4, [&](std::size_t begin, std::size_t end) {
    std::vector<Eigen::Index> all(static_cast<std::size_t>(n_rows));
    for (std::size_t t = begin; t < end; ++t) {
      std::mt19937_64 random(seeds[t]);
      std::vector<Eigen::Index> rows;
      if (params_.bootstrap) {
        std::uniform_int_distribution<Eigen::Index> pick(0, n_rows - 1);
        rows.resize(static_cast<std::size_t>(max_samples_));
        for (auto& row : rows)
          row = pick(random);
      } else {
        // A partial Fisher-Yates shuffle: max_samples_ distinct rows.
        std::iota(all.begin(), all.end(), Eigen::Index{0});
        for (Eigen::Index i = 0; i < max_samples_; ++i) {
          std::uniform_int_distribution<Eigen::Index> pick(i, n_rows - 1);
          std::swap(all[static_cast<std::size_t>(i)], all[static_cast<std::size_t>(pick(random))]);
        }
        rows.assign(all.begin(), all.begin() + max_samples_);
      }
      Tree& tree = trees[t];
      tree.features.resize(static_cast<std::size_t>(x.cols()));
      std::iota(tree.features.begin(), tree.features.end(), 0);
      if (n_features < x.cols()) {
        std::shuffle(tree.features.begin(), tree.features.end(), random);
        tree.features.resize(static_cast<std::size_t>(n_features));
      }
      TreeBuilder(x, max_depth, random).grow(tree, rows);
    }
  });
  trees_ = std::move(trees);

  training_scores_ = score_checked(x);
  const Json& contamination = params_.contamination;
  if (contamination.is_string()) {
    offset_ = -0.5;
  } else {
    std::vector<double> sorted(training_scores_.begin(), training_scores_.end());
    std::sort(sorted.begin(), sorted.end());
    offset_ = detail::percentile_linear(sorted, 100.0 * contamination.get<double>());
  }
}

Eigen::VectorXd IsolationForest::score_checked(const Eigen::MatrixXd& x) const {
  // With one row per tree every path has length 0: the score is -1 whatever the divisor.
  const double denominator =
      std::max(1.0, static_cast<double>(trees_.size()) *
                        average_path_length(static_cast<double>(max_samples_)));
  Eigen::VectorXd scores(x.rows());
  loom::detail::parallel_for(static_cast<std::size_t>(x.rows()), 2048,
                             [&](std::size_t begin, std::size_t end) {
                               for (std::size_t i = begin; i < end; ++i) {
                                 const auto row = static_cast<Eigen::Index>(i);
                                 double depth = 0.0;
                                 for (const Tree& tree : trees_)
                                   depth += path_length(tree, x, row);
                                 scores(row) = -std::exp2(-depth / denominator);
                               }
                             });
  return scores;
}

}  // namespace loom::clean
