#include "loom/models/rules/apriori.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "check_throws.hpp"
#include "fixtures.hpp"

using loom::models::apriori;
using loom::models::association_rules;
using loom::models::Transactions;

namespace {

// Every itemset with its count, by enumerating each transaction's subsets (small baskets).
std::map<std::vector<int>, std::int64_t> brute_force_counts(const Transactions& data,
                                                            std::size_t max_len) {
  std::map<std::vector<int>, std::int64_t> counts;
  for (const auto& basket : data.transactions) {
    const std::size_t size = basket.size();
    for (std::uint64_t mask = 1; mask < (std::uint64_t{1} << size); ++mask) {
      std::vector<int> subset;
      for (std::size_t i = 0; i < size; ++i) {
        if (mask >> i & 1) subset.push_back(basket[i]);
      }
      if (subset.size() <= max_len) ++counts[subset];
    }
  }
  return counts;
}

Transactions random_transactions(unsigned seed, int n, int n_items, double density) {
  std::mt19937 random(seed);
  std::bernoulli_distribution has(density);
  std::ostringstream text;
  for (int t = 0; t < n; ++t) {
    bool any = false;
    for (int item = 0; item < n_items; ++item) {
      if (has(random)) {
        text << (any ? "," : "") << "item" << item;
        any = true;
      }
    }
    text << (any ? "\n" : "item0\n");
  }
  return loom::models::transactions_from_baskets(text.str(), ',');
}

}  // namespace

TEST_CASE("apriori finds exactly the itemsets a brute-force count finds", "[models][rules]") {
  for (unsigned seed : {1u, 2u, 3u}) {
    const Transactions data = random_transactions(seed, 300, 12, 0.3);
    for (double min_support : {0.02, 0.05, 0.1, 0.3}) {
      for (int max_len : {2, 12}) {
        const auto itemsets = apriori(data, {.min_support = min_support, .max_len = max_len});
        std::map<std::vector<int>, std::int64_t> expected;
        for (const auto& [items, count] :
             brute_force_counts(data, static_cast<std::size_t>(max_len))) {
          if (static_cast<double>(count) / 300.0 >= min_support) expected[items] = count;
        }
        std::map<std::vector<int>, std::int64_t> found;
        for (const auto& itemset : itemsets) {
          CHECK(itemset.support == static_cast<double>(itemset.count) / 300.0);
          found[itemset.items] = itemset.count;
        }
        CHECK(found.size() == itemsets.size());
        CHECK(found == expected);
        // Ordered by length, then items.
        for (std::size_t i = 1; i < itemsets.size(); ++i) {
          const auto& a = itemsets[i - 1].items;
          const auto& b = itemsets[i].items;
          CHECK((a.size() < b.size() || (a.size() == b.size() && a < b)));
        }
      }
    }
  }
}

TEST_CASE("apriori thresholds are inclusive", "[models][rules]") {
  const Transactions data = loom::models::transactions_from_baskets("a,b\na,b\na,c\nb,c\n", ',');
  REQUIRE(data.items == std::vector<std::string>{"a", "b", "c"});
  const auto itemsets = apriori(data, {.min_support = 0.5});
  // a 3, b 3, c 2, {a, b} 2: all at least half of 4.
  REQUIRE(itemsets.size() == 4);
  CHECK(itemsets[3].items == std::vector<int>{0, 1});
  CHECK(itemsets[3].support == 0.5);
  const auto rules = association_rules(itemsets, {.min_confidence = 2.0 / 3.0});
  REQUIRE(rules.size() == 2);  // a -> b and b -> a, confidence 2/3 each
  CHECK(rules[0].antecedent == std::vector<int>{0});
  CHECK(rules[0].consequent == std::vector<int>{1});
  CHECK(rules[0].confidence == Approx(2.0 / 3.0).epsilon(1e-15));
  CHECK(rules[0].lift == Approx((2.0 / 3.0) / 0.75).epsilon(1e-15));
  CHECK(rules[1].antecedent == std::vector<int>{1});
  CHECK(association_rules(itemsets, {.min_confidence = 0.7}).empty());
}

TEST_CASE("association rules have the definitions' values and order", "[models][rules]") {
  const Transactions data = random_transactions(9, 400, 8, 0.4);
  const auto itemsets = apriori(data, {.min_support = 0.05});
  const auto counts = brute_force_counts(data, 8);
  const auto support = [&](const std::vector<int>& items) {
    return static_cast<double>(counts.at(items)) / 400.0;
  };
  for (bool single : {true, false}) {
    const auto rules =
        association_rules(itemsets, {.min_confidence = 0.3, .single_consequent = single});
    REQUIRE_FALSE(rules.empty());
    std::size_t expected_count = 0;
    for (const auto& itemset : itemsets) {
      const std::size_t size = itemset.items.size();
      if (size < 2) continue;
      for (std::uint64_t mask = 1; mask + 1 < (std::uint64_t{1} << size); ++mask) {
        if (single && std::popcount(mask) != 1) continue;
        std::vector<int> antecedent;
        for (std::size_t i = 0; i < size; ++i) {
          if (!(mask >> i & 1)) antecedent.push_back(itemset.items[i]);
        }
        if (itemset.support / support(antecedent) >= 0.3) ++expected_count;
      }
    }
    CHECK(rules.size() == expected_count);
    for (std::size_t r = 0; r < rules.size(); ++r) {
      const auto& rule = rules[r];
      std::vector<int> all = rule.antecedent;
      all.insert(all.end(), rule.consequent.begin(), rule.consequent.end());
      std::sort(all.begin(), all.end());
      CHECK(rule.support == support(all));
      CHECK(rule.confidence == Approx(support(all) / support(rule.antecedent)).epsilon(1e-14));
      CHECK(rule.lift == Approx(rule.confidence / support(rule.consequent)).epsilon(1e-14));
      CHECK(rule.confidence >= 0.3);
      if (r > 0) {
        const auto& previous = rules[r - 1];
        CHECK((previous.lift > rule.lift ||
               (previous.lift == rule.lift && previous.confidence >= rule.confidence)));
      }
    }
  }
}

TEST_CASE("apriori on groceries gives the counts arules reports", "[models][rules][shared]") {
  const std::string path = std::string(LOOM_SHARED_DATA_DIR) + "/groceries.csv";
  if (!std::filesystem::exists(path)) {
    WARN("shared data not available: skipped");
    return;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const Transactions data = loom::models::transactions_from_baskets(text.str(), ',');
  CHECK(data.transactions.size() == 9835);
  CHECK(data.items.size() == 169);
  const auto itemsets = apriori(data, {.min_support = 0.006});
  CHECK(itemsets.size() == 747);
  CHECK(itemsets.back().items.size() == 4);
  CHECK(association_rules(itemsets, {.min_confidence = 0.25}).size() == 463);
}

TEST_CASE("transactions from long and one-hot tables", "[models][rules]") {
  using loom::Column;
  const loom::Dataset long_table(
      {Column::categorical_from_values("order", {"o2", "o1", "o2", "o1", std::nullopt}),
       Column::categorical_from_values("product", {"milk", "tea", "bread", "milk", "tea"})});
  const Transactions from_long =
      loom::models::transactions_from_long(long_table, "order", "product");
  CHECK(from_long.items == std::vector<std::string>{"bread", "milk", "tea"});
  CHECK(from_long.transactions == std::vector<std::vector<int>>{{0, 1}, {1, 2}});
  CHECK_LOOM_THROWS(loom::models::transactions_from_long(long_table, "basket", "product"),
                    loom::SchemaError, "\"basket\"");

  const loom::Dataset onehot(
      {Column::numeric("milk", {1, 0, 1}), Column::numeric("tea", {1, 1, 0})});
  const Transactions from_onehot = loom::models::transactions_from_onehot(onehot);
  CHECK(from_onehot.items == std::vector<std::string>{"milk", "tea"});
  CHECK(from_onehot.transactions == std::vector<std::vector<int>>{{0, 1}, {1}, {0}});
  const loom::Dataset bad({Column::numeric("milk", {1, 2})});
  CHECK_LOOM_THROWS(loom::models::transactions_from_onehot(bad), loom::DataError,
                    "column \"milk\", data row 2");

  const Transactions baskets =
      loom::models::transactions_from_baskets("b,a,a\r\n\ncream cheese ,a,\n", ',');
  CHECK(baskets.items == std::vector<std::string>{"a", "b", "cream cheese "});
  CHECK(baskets.transactions == std::vector<std::vector<int>>{{0, 1}, {0, 2}});
}

TEST_CASE("apriori rejects thresholds outside [0, 1]", "[models][rules]") {
  const Transactions data = loom::models::transactions_from_baskets("a\n", ',');
  CHECK_LOOM_THROWS(apriori(data, {.min_support = 0.0}), loom::ParameterError, "min_support");
  CHECK_LOOM_THROWS(apriori(data, {.min_support = 1.5}), loom::ParameterError, "min_support");
  CHECK_LOOM_THROWS(apriori(data, {.min_support = 0.5, .max_len = 0}), loom::ParameterError,
                    "max_len");
  CHECK_LOOM_THROWS(association_rules({}, {.min_confidence = -0.1}), loom::ParameterError,
                    "min_confidence");
}
