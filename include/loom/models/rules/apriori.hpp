#pragma once
// Frequent itemsets by Apriori (level-wise candidates from pairs of frequent itemsets that
// share all but their last item, pruned unless every subset is frequent, counted on
// transaction bitsets) and the association rules they give, with support, confidence and
// lift. Counterpart: mlxtend.frequent_patterns.apriori / association_rules (arules' apriori
// with single-item consequents). Throws ParameterError for thresholds outside [0, 1].
#include <cstdint>
#include <optional>
#include <vector>

#include "loom/core/error.hpp"
#include "loom/models/rules/transactions.hpp"

namespace loom::models {

struct FrequentItemset {
  std::vector<int> items;  // sorted indices into Transactions::items
  std::int64_t count = 0;  // transactions holding every item
  double support = 0.0;    // count / number of transactions
};

struct AssociationRule {
  std::vector<int> antecedent;  // sorted
  std::vector<int> consequent;  // sorted
  double support = 0.0;         // of antecedent and consequent together
  double confidence = 0.0;      // support / antecedent support
  double lift = 0.0;            // confidence / consequent support
};

struct AprioriParams {
  double min_support = 0.5;                   // inclusive, in [0, 1]; 0 is refused (every itemset)
  std::optional<int> max_len = std::nullopt;  // longest itemset, >= 1; null: no limit
};

struct AssociationRulesParams {
  double min_confidence = 0.8;    // inclusive, in [0, 1]
  bool single_consequent = true;  // arules' rules; false: every split (mlxtend)
};

// The itemsets with support >= min_support, by length then items (lexicographic).
std::vector<FrequentItemset> apriori(const Transactions& data, const AprioriParams& params);

// Rules from frequent itemsets of length >= 2 (which must include all their subsets, as
// apriori's output does), with confidence >= min_confidence, sorted by lift then confidence
// descending (ties: support descending, then antecedent and consequent lexicographic).
std::vector<AssociationRule> association_rules(const std::vector<FrequentItemset>& itemsets,
                                               const AssociationRulesParams& params);

}  // namespace loom::models
