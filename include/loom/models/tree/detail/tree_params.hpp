#pragma once
// What the tree models share about their parameters: checks and resolution of the
// scikit-learn forms of max_features (null, "sqrt", "log2", an int or a fraction),
// min_samples_split / min_samples_leaf (an int count or a fraction of the rows) and
// criterion names; and class weights ("balanced"). Internal.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loom/core/params.hpp"
#include "loom/models/tree/detail/cart_builder.hpp"

namespace loom::models::detail {

ParamCheck<Json> max_features_check();
// An int >= min_count, or a float in (0, 1] (fraction of the rows; (0, 1) when
// fraction_below_one).
ParamCheck<Json> count_or_fraction_check(std::int64_t min_count, bool fraction_below_one);
ParamCheck<std::optional<int>> optional_at_least(int bound);
ParamCheck<std::optional<std::string>> balanced_or_null();

// Features to draw per node out of n_features.
std::size_t resolve_max_features(const Json& max_features, std::size_t n_features);
// A count, or ceil(fraction * n_rows) (at least 1), as scikit-learn.
std::int64_t resolve_count(const Json& value, std::size_t n_rows);
Criterion classification_criterion(const std::string& name);

// "balanced" weights n / (n_classes * count_k), per row of labels; all ones when none.
std::vector<double> class_weight_per_row(const std::optional<std::string>& class_weight,
                                         const std::vector<int>& labels, int n_classes);

// CART options from the parameters every tree model shares.
struct SharedTreeParams {
  std::optional<int> max_depth;
  Json min_samples_split;
  Json min_samples_leaf;
  double min_weight_fraction_leaf = 0.0;
  Json max_features;
  double min_impurity_decrease = 0.0;
};
CartOptions cart_options(const SharedTreeParams& params, Criterion criterion, std::size_t n_rows,
                         std::size_t n_features, int n_classes);

}  // namespace loom::models::detail
