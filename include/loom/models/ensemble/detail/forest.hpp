#pragma once
// What RandomForestClassifier and RandomForestRegressor share: growing the trees on bootstrap
// samples in parallel (each tree's generator seeded from the forest's, so results do not
// depend on the thread count), averaging their predictions, the out-of-bag predictions and the
// parameters common to both. Internal.
#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "loom/core/params.hpp"
#include "loom/models/tree/detail/cart_builder.hpp"
#include "loom/models/tree/detail/tree_structure.hpp"

namespace loom::models::detail {

struct ForestSetup {
  std::size_t n_estimators = 100;
  bool bootstrap = true;
  std::size_t n_draws = 0;          // bootstrap draws per tree (max_samples resolved)
  bool balanced_subsample = false;  // class weights recomputed on each bootstrap sample
  std::uint64_t seed = 0;
  std::size_t n_threads = 1;
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct GrownForest {
  std::vector<TreeStructure> trees;
  std::vector<std::uint64_t> tree_seeds;
};

// Trees fitted on bootstrap samples (or all rows) of x, with sample weights base_weight times
// the bootstrap counts.
GrownForest grow_forest(const FloatColumns& x, std::span<const std::int32_t> y_class,
                        std::span<const double> y_value, std::span<const double> base_weight,
                        const CartOptions& options, const ForestSetup& setup);

// How many times each row is drawn in a tree's bootstrap sample.
std::vector<std::uint32_t> bootstrap_counts(std::uint64_t tree_seed, std::size_t n_rows,
                                            std::size_t n_draws);

// The average over trees of each row's leaf values, normalised to probabilities first when
// classification: n_rows x value_width.
Eigen::MatrixXd forest_average(const std::vector<TreeStructure>& trees, const FloatColumns& x,
                               bool classification, std::size_t n_threads);

// Out-of-bag averages as forest_average, over the trees whose sample left the row out; rows
// that every tree drew get NaN.
Eigen::MatrixXd out_of_bag_average(const GrownForest& forest, const FloatColumns& x,
                                   bool classification, std::size_t n_draws);

// Bootstrap draws for max_samples: null = n_rows, an int, or a fraction of n_rows (at least 1).
std::size_t resolve_max_samples(const Json& max_samples, std::size_t n_rows);
ParamCheck<Json> max_samples_check();

}  // namespace loom::models::detail
