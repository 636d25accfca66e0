#include "loom/models/ensemble/detail/forest.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>

#include "loom/models/tree/detail/random.hpp"
#include "loom/models/tree/detail/threads.hpp"

namespace loom::models::detail {

std::vector<std::uint32_t> bootstrap_counts(std::uint64_t tree_seed, std::size_t n_rows,
                                            std::size_t n_draws) {
  // The bootstrap has its own stream, so the tree's feature draws do not depend on it.
  Random random(tree_seed ^ 0x5851F42D4C957F2Dull);
  std::vector<std::uint32_t> counts(n_rows, 0);
  for (std::size_t draw = 0; draw < n_draws; ++draw)
    ++counts[random.below(n_rows)];
  return counts;
}

GrownForest grow_forest(const FloatColumns& x, std::span<const std::int32_t> y_class,
                        std::span<const double> y_value, std::span<const double> base_weight,
                        const CartOptions& options, const ForestSetup& setup) {
  GrownForest forest;
  Random master(setup.seed);
  for (std::size_t tree = 0; tree < setup.n_estimators; ++tree)
    forest.tree_seeds.push_back(master.next());
  forest.trees.resize(setup.n_estimators);
  std::mutex progress_mutex;
  std::size_t done = 0;
  parallel_items(setup.n_estimators, setup.n_threads, [&](std::size_t tree) {
    const std::uint64_t seed = forest.tree_seeds[tree];
    std::vector<double> weight(base_weight.begin(), base_weight.end());
    std::vector<std::uint32_t> samples;
    if (setup.bootstrap) {
      const std::vector<std::uint32_t> counts = bootstrap_counts(seed, x.n_rows, setup.n_draws);
      if (setup.balanced_subsample) {
        // "balanced_subsample": n / (n_classes * count_k) over the bootstrap sample's draws.
        std::vector<double> class_draws(static_cast<std::size_t>(options.n_classes), 0.0);
        for (std::size_t row = 0; row < x.n_rows; ++row)
          class_draws[static_cast<std::size_t>(y_class[row])] += counts[row];
        double present = 0.0;
        for (double draws : class_draws)
          present += draws > 0.0 ? 1.0 : 0.0;
        for (std::size_t row = 0; row < x.n_rows; ++row) {
          const double draws = class_draws[static_cast<std::size_t>(y_class[row])];
          weight[row] = draws > 0.0 ? static_cast<double>(setup.n_draws) / (present * draws) : 0.0;
        }
      }
      for (std::size_t row = 0; row < x.n_rows; ++row) {
        weight[row] *= counts[row];
        if (counts[row] > 0) samples.push_back(static_cast<std::uint32_t>(row));
      }
    } else {
      for (std::size_t row = 0; row < x.n_rows; ++row)
        samples.push_back(static_cast<std::uint32_t>(row));
    }
    Random random(seed);
    forest.trees[tree] =
        build_cart(x, y_class, y_value, weight, std::move(samples), options, random);
    if (setup.progress) {
      const std::lock_guard lock(progress_mutex);
      setup.progress(++done, setup.n_estimators);
    }
  });
  return forest;
}

namespace {
// Adds tree's value (normalised when classification) for rows [begin, end) into sums.
void add_tree(const TreeStructure& tree, const FloatColumns& x, bool classification,
              std::size_t begin, std::size_t end, Eigen::MatrixXd& sums) {
  const auto width = static_cast<Eigen::Index>(tree.value_width);
  for (std::size_t row = begin; row < end; ++row) {
    const double* leaf = tree.node_value(tree.apply(x, row));
    double scale = 1.0;
    if (classification) {
      double total = 0.0;
      for (Eigen::Index k = 0; k < width; ++k)
        total += leaf[k];
      scale = total > 0.0 ? 1.0 / total : 0.0;
    }
    for (Eigen::Index k = 0; k < width; ++k)
      sums(static_cast<Eigen::Index>(row), k) += leaf[k] * scale;
  }
}
}  // namespace

Eigen::MatrixXd forest_average(const std::vector<TreeStructure>& trees, const FloatColumns& x,
                               bool classification, std::size_t n_threads) {
  const auto width = static_cast<Eigen::Index>(trees.front().value_width);
  Eigen::MatrixXd sums = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(x.n_rows), width);
  constexpr std::size_t kChunk = 1024;
  const std::size_t chunks = (x.n_rows + kChunk - 1) / kChunk;
  parallel_items(chunks, n_threads, [&](std::size_t chunk) {
    const std::size_t begin = chunk * kChunk;
    const std::size_t end = std::min(x.n_rows, begin + kChunk);
    for (const TreeStructure& tree : trees)
      add_tree(tree, x, classification, begin, end, sums);
  });
  return sums / static_cast<double>(trees.size());
}

Eigen::MatrixXd out_of_bag_average(const GrownForest& forest, const FloatColumns& x,
                                   bool classification, std::size_t n_draws) {
  const auto width = static_cast<Eigen::Index>(forest.trees.front().value_width);
  const auto n_rows = static_cast<Eigen::Index>(x.n_rows);
  Eigen::MatrixXd sums = Eigen::MatrixXd::Zero(n_rows, width);
  std::vector<double> votes(x.n_rows, 0.0);
  Eigen::MatrixXd one = Eigen::MatrixXd::Zero(n_rows, width);
  for (std::size_t tree = 0; tree < forest.trees.size(); ++tree) {
    const std::vector<std::uint32_t> counts =
        bootstrap_counts(forest.tree_seeds[tree], x.n_rows, n_draws);
    for (std::size_t row = 0; row < x.n_rows; ++row) {
      if (counts[row] > 0) continue;
      one.row(static_cast<Eigen::Index>(row)).setZero();
      add_tree(forest.trees[tree], x, classification, row, row + 1, one);
      sums.row(static_cast<Eigen::Index>(row)) += one.row(static_cast<Eigen::Index>(row));
      votes[row] += 1.0;
    }
  }
  for (Eigen::Index row = 0; row < n_rows; ++row) {
    const double count = votes[static_cast<std::size_t>(row)];
    sums.row(row) =
        count > 0.0 ? Eigen::RowVectorXd(sums.row(row) / count)
                    : Eigen::RowVectorXd::Constant(width, std::numeric_limits<double>::quiet_NaN());
  }
  return sums;
}

std::size_t resolve_max_samples(const Json& max_samples, std::size_t n_rows) {
  if (max_samples.is_null()) return n_rows;
  if (max_samples.is_number_integer())
    return std::min<std::size_t>(n_rows, max_samples.get<std::size_t>());
  return std::max<std::size_t>(1, static_cast<std::size_t>(std::round(
                                      max_samples.get<double>() * static_cast<double>(n_rows))));
}

ParamCheck<Json> max_samples_check() {
  return [](const Json& value) -> std::string {
    if (value.is_null()) return {};
    if (value.is_number_integer() && value.get<long long>() >= 1) return {};
    if (value.is_number_float() && value.get<double>() > 0.0 && value.get<double>() <= 1.0)
      return {};
    return "must be null, an int >= 1 or a float in (0, 1]";
  };
}

}  // namespace loom::models::detail
