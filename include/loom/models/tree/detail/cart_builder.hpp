#pragma once
// Grows one CART tree depth first with exact splits, as scikit-learn's BestSplitter and
// DepthFirstTreeBuilder: at each node up to max_features randomly drawn non-constant features
// are sorted, every threshold between consecutive distinct values (midpoints, on float32
// values) is scored, and the best split by the criterion's impurity decrease is kept (the first
// feature drawn wins ties). Internal to trees, forests and AdaBoost.
#include <cstdint>
#include <span>
#include <vector>

#include "loom/models/tree/detail/float_columns.hpp"
#include "loom/models/tree/detail/random.hpp"
#include "loom/models/tree/detail/tree_structure.hpp"

namespace loom::models::detail {

enum class Criterion { gini, entropy, squared_error };

struct CartOptions {
  Criterion criterion = Criterion::gini;
  int max_depth = -1;  // -1: unlimited
  std::int64_t min_samples_split = 2;
  std::int64_t min_samples_leaf = 1;
  double min_weight_fraction_leaf = 0.0;
  std::size_t max_features = 0;  // features drawn per node, in [1, n_features]
  double min_impurity_decrease = 0.0;
  int n_classes = 0;  // classification: class indices in y_class; 0 for regression
};

// samples lists the rows used (each once, weight > 0); sample_weight has one weight per row of
// x; y_class (classification) or y_value (regression) one target per row.
TreeStructure build_cart(const FloatColumns& x, std::span<const std::int32_t> y_class,
                         std::span<const double> y_value, std::span<const double> sample_weight,
                         std::vector<std::uint32_t> samples, const CartOptions& options,
                         Random& random);

}  // namespace loom::models::detail
