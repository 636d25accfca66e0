#include "loom/models/tree/detail/tree_params.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <random>
#include <thread>

#include "loom/core/detail/parallel.hpp"
#include "loom/models/tree/detail/random.hpp"
#include "loom/models/tree/detail/threads.hpp"

namespace loom::models::detail {

ParamCheck<Json> max_features_check() {
  return [](const Json& value) -> std::string {
    if (value.is_null()) return {};
    if (value.is_string() && (value == "sqrt" || value == "log2")) return {};
    if (value.is_number_integer() && value.get<long long>() >= 1) return {};
    if (value.is_number_float() && value.get<double>() > 0.0 && value.get<double>() <= 1.0)
      return {};
    return "must be null, \"sqrt\", \"log2\", an int >= 1 or a float in (0, 1]";
  };
}

ParamCheck<Json> count_or_fraction_check(std::int64_t min_count, bool fraction_below_one) {
  return [min_count, fraction_below_one](const Json& value) -> std::string {
    if (value.is_number_integer() && value.get<long long>() >= min_count) return {};
    if (value.is_number_float()) {
      const double fraction = value.get<double>();
      if (fraction > 0.0 && (fraction_below_one ? fraction < 1.0 : fraction <= 1.0)) return {};
    }
    return fmt::format("must be an int >= {} or a float in (0, 1{}", min_count,
                       fraction_below_one ? ")" : "]");
  };
}

ParamCheck<std::optional<int>> optional_at_least(int bound) {
  return [bound](const std::optional<int>& value) {
    return (!value || *value >= bound) ? std::string()
                                       : fmt::format("must be null or >= {}", bound);
  };
}

ParamCheck<std::optional<std::string>> balanced_or_null() {
  return [](const std::optional<std::string>& value) {
    return (!value || *value == "balanced") ? std::string()
                                            : std::string("must be null or \"balanced\"");
  };
}

std::size_t resolve_max_features(const Json& max_features, std::size_t n_features) {
  const auto n = static_cast<double>(n_features);
  double count = n;
  if (max_features.is_string()) {
    count = max_features == "sqrt" ? std::floor(std::sqrt(n)) : std::floor(std::log2(n));
  } else if (max_features.is_number_integer()) {
    count = static_cast<double>(max_features.get<long long>());
  } else if (max_features.is_number_float()) {
    count = std::floor(max_features.get<double>() * n);
  }
  return static_cast<std::size_t>(std::clamp(count, 1.0, n));
}

std::int64_t resolve_count(const Json& value, std::size_t n_rows) {
  if (value.is_number_integer()) return value.get<std::int64_t>();
  return std::max<std::int64_t>(
      1, static_cast<std::int64_t>(std::ceil(value.get<double>() * static_cast<double>(n_rows))));
}

Criterion classification_criterion(const std::string& name) {
  return name == "gini" ? Criterion::gini : Criterion::entropy;  // "entropy" | "log_loss"
}

std::vector<double> class_weight_per_row(const std::optional<std::string>& class_weight,
                                         const std::vector<int>& labels, int n_classes) {
  std::vector<double> weights(labels.size(), 1.0);
  if (!class_weight) return weights;
  std::vector<double> counts(static_cast<std::size_t>(n_classes), 0.0);
  for (int label : labels)
    counts[static_cast<std::size_t>(label)] += 1.0;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    weights[i] = static_cast<double>(labels.size()) /
                 (static_cast<double>(n_classes) * counts[static_cast<std::size_t>(labels[i])]);
  }
  return weights;
}

CartOptions cart_options(const SharedTreeParams& params, Criterion criterion, std::size_t n_rows,
                         std::size_t n_features, int n_classes) {
  CartOptions options;
  options.criterion = criterion;
  options.max_depth = params.max_depth ? *params.max_depth : -1;
  // A fraction of min_samples_split is ceil(fraction * n) but at least 2, as scikit-learn.
  options.min_samples_split =
      std::max<std::int64_t>(2, resolve_count(params.min_samples_split, n_rows));
  options.min_samples_leaf = resolve_count(params.min_samples_leaf, n_rows);
  options.min_samples_split = std::max(options.min_samples_split, 2 * options.min_samples_leaf);
  options.min_weight_fraction_leaf = params.min_weight_fraction_leaf;
  options.max_features = resolve_max_features(params.max_features, n_features);
  options.min_impurity_decrease = params.min_impurity_decrease;
  options.n_classes = n_classes;
  return options;
}

std::uint64_t seed_from(const std::optional<int>& random_state) {
  if (random_state) return static_cast<std::uint64_t>(static_cast<std::int64_t>(*random_state));
  std::random_device device;
  return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

std::size_t resolve_n_jobs(const std::optional<int>& n_jobs) {
  return loom::detail::thread_count(n_jobs.value_or(0));
}

}  // namespace loom::models::detail
