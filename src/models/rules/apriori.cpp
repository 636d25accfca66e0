#include "loom/models/rules/apriori.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <bit>
#include <map>
#include <tuple>

#include "loom/core/detail/parallel.hpp"
#include "loom/core/error.hpp"

namespace loom::models {

namespace {

using Bitset = std::vector<std::uint64_t>;

// An itemset of the current level with the transactions that hold it.
struct Level {
  std::vector<std::vector<int>> itemsets;  // sorted lexicographically
  std::vector<Bitset> bitsets;
};

std::int64_t count_and(const Bitset& a, const Bitset& b, Bitset* out) {
  std::int64_t count = 0;
  for (std::size_t w = 0; w < a.size(); ++w) {
    const std::uint64_t word = a[w] & b[w];
    if (out) (*out)[w] = word;
    count += std::popcount(word);
  }
  return count;
}

void check_fraction(double value, std::string_view name, bool allow_zero) {
  if (!(value >= 0.0 && value <= 1.0) || (!allow_zero && value == 0.0)) {
    throw ParameterError(fmt::format("apriori: parameter {} = {} must be in {}1]", name, value,
                                     allow_zero ? "[0, " : "(0, "));
  }
}

}  // namespace

std::vector<FrequentItemset> apriori(const Transactions& data, const AprioriParams& params) {
  check_fraction(params.min_support, "min_support", false);
  if (params.max_len && *params.max_len < 1) {
    throw ParameterError(
        fmt::format("apriori: parameter max_len = {} must be >= 1 or null", *params.max_len));
  }
  std::vector<FrequentItemset> result;
  const auto n = static_cast<std::int64_t>(data.transactions.size());
  if (n == 0) return result;
  const double total = static_cast<double>(n);
  const std::size_t words = (static_cast<std::size_t>(n) + 63) / 64;
  const auto frequent = [&](std::int64_t count) {
    return static_cast<double>(count) / total >= params.min_support;
  };

  // Level 1: one bitset per item.
  std::vector<Bitset> item_bits(data.items.size(), Bitset(words, 0));
  for (std::size_t t = 0; t < data.transactions.size(); ++t) {
    for (int item : data.transactions[t])
      item_bits[static_cast<std::size_t>(item)][t / 64] |= std::uint64_t{1} << (t % 64);
  }
  Level level;
  for (std::size_t item = 0; item < item_bits.size(); ++item) {
    std::int64_t count = 0;
    for (auto word : item_bits[item])
      count += std::popcount(word);
    if (!frequent(count)) continue;
    result.push_back({{static_cast<int>(item)}, count, static_cast<double>(count) / total});
    level.itemsets.push_back({static_cast<int>(item)});
    level.bitsets.push_back(std::move(item_bits[item]));
  }

  for (int length = 2; !level.itemsets.empty() && (!params.max_len || length <= *params.max_len);
       ++length) {
    // Candidates: pairs (a, b), a < b, of itemsets that share their first length - 2 items,
    // kept when every (length - 1)-subset is frequent (the Apriori prune).
    std::vector<std::pair<std::size_t, std::size_t>> candidates;
    std::vector<int> subset(static_cast<std::size_t>(length - 1));
    for (std::size_t a = 0; a < level.itemsets.size(); ++a) {
      const auto& first = level.itemsets[a];
      for (std::size_t b = a + 1; b < level.itemsets.size(); ++b) {
        const auto& second = level.itemsets[b];
        if (!std::equal(first.begin(), first.end() - 1, second.begin())) break;
        std::vector<int> joined = first;
        joined.push_back(second.back());
        bool all_frequent = true;
        // The subsets without the last or second-to-last item are a and b themselves.
        for (std::size_t drop = 0; drop + 2 < joined.size() && all_frequent; ++drop) {
          std::size_t position = 0;
          for (std::size_t i = 0; i < joined.size(); ++i) {
            if (i != drop) subset[position++] = joined[i];
          }
          all_frequent = std::binary_search(level.itemsets.begin(), level.itemsets.end(), subset);
        }
        if (all_frequent) candidates.emplace_back(a, b);
      }
    }
    std::vector<std::int64_t> counts(candidates.size());
    std::vector<Bitset> bitsets(candidates.size());
    loom::detail::parallel_for(candidates.size(), loom::detail::items_for(1 << 16, words),
                               [&](std::size_t begin, std::size_t end) {
                                 for (std::size_t c = begin; c < end; ++c) {
                                   Bitset bits(words);
                                   counts[c] =
                                       count_and(level.bitsets[candidates[c].first],
                                                 level.bitsets[candidates[c].second], &bits);
                                   if (frequent(counts[c])) bitsets[c] = std::move(bits);
                                 }
                               });
    Level next;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      if (!frequent(counts[c])) continue;
      std::vector<int> items = level.itemsets[candidates[c].first];
      items.push_back(level.itemsets[candidates[c].second].back());
      result.push_back({items, counts[c], static_cast<double>(counts[c]) / total});
      next.itemsets.push_back(std::move(items));
      next.bitsets.push_back(std::move(bitsets[c]));
    }
    level = std::move(next);
  }
  return result;
}

std::vector<AssociationRule> association_rules(const std::vector<FrequentItemset>& itemsets,
                                               const AssociationRulesParams& params) {
  check_fraction(params.min_confidence, "min_confidence", true);
  std::map<std::vector<int>, double> support;
  for (const auto& itemset : itemsets)
    support.emplace(itemset.items, itemset.support);
  const auto support_of = [&](const std::vector<int>& items) {
    const auto found = support.find(items);
    if (found == support.end()) {
      throw DataError(fmt::format(
          "association_rules: the subset {{{}}} of a frequent itemset is not among the itemsets",
          fmt::join(items, ", ")));
    }
    return found->second;
  };
  std::vector<AssociationRule> rules;
  for (const auto& itemset : itemsets) {
    const std::size_t size = itemset.items.size();
    if (size < 2) continue;
    // Each split by a bit mask over the itemset: bit set = item in the consequent.
    std::vector<std::uint64_t> masks;
    if (params.single_consequent) {
      for (std::size_t i = 0; i < size; ++i)
        masks.push_back(std::uint64_t{1} << i);
    } else {
      if (size > 20) {
        throw DataError(fmt::format(
            "association_rules: an itemset of {} items has too many splits; set max_len", size));
      }
      for (std::uint64_t mask = 1; mask + 1 < (std::uint64_t{1} << size); ++mask)
        masks.push_back(mask);
    }
    for (const std::uint64_t mask : masks) {
      AssociationRule rule;
      for (std::size_t i = 0; i < size; ++i) {
        (mask >> i & 1 ? rule.consequent : rule.antecedent).push_back(itemset.items[i]);
      }
      rule.support = itemset.support;
      rule.confidence = itemset.support / support_of(rule.antecedent);
      if (!(rule.confidence >= params.min_confidence)) continue;
      rule.lift = rule.confidence / support_of(rule.consequent);
      rules.push_back(std::move(rule));
    }
  }
  std::sort(rules.begin(), rules.end(), [](const AssociationRule& a, const AssociationRule& b) {
    return std::tie(b.lift, b.confidence, b.support, a.antecedent, a.consequent) <
           std::tie(a.lift, a.confidence, a.support, b.antecedent, b.consequent);
  });
  return rules;
}

}  // namespace loom::models
