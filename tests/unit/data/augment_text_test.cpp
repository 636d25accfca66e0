#include "loom/data/augment/text.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "check_throws.hpp"
#include "loom/core/error.hpp"

namespace augment = loom::data::augment;
using augment::split_words;

namespace {

std::multiset<std::string> bag(const std::string& text) {
  const auto words = split_words(text);
  return {words.begin(), words.end()};
}

}  // namespace

TEST_CASE("split_words", "[augment_text]") {
  CHECK(split_words("  the quick\tbrown\n fox ") ==
        std::vector<std::string>{"the", "quick", "brown", "fox"});
  CHECK(split_words("   ").empty());
}

TEST_CASE("random_deletion", "[augment_text]") {
  const std::string text = "the quick brown fox jumps over the lazy dog";
  std::mt19937_64 rng(1);
  CHECK(augment::random_deletion(text, 0.0, rng) == text);
  std::size_t total = 0;
  for (int draw = 0; draw < 200; ++draw) {
    const auto out = split_words(augment::random_deletion(text, 0.3, rng));
    REQUIRE_FALSE(out.empty());
    // Kept words are a subsequence of the original, in order.
    const auto words = split_words(text);
    auto at = words.begin();
    for (const auto& word : out) {
      at = std::find(at, words.end(), word);
      REQUIRE(at != words.end());
      ++at;
    }
    total += out.size();
  }
  // About 70% of 9 words kept on average.
  CHECK(static_cast<double>(total) / 200.0 == Approx(6.3).epsilon(0.1));
  for (int draw = 0; draw < 20; ++draw) {
    const auto out = split_words(augment::random_deletion(text, 1.0, rng));
    REQUIRE(out.size() == 1);  // never empty
    CHECK(bag(text).count(out[0]) > 0);
  }
  CHECK(augment::random_deletion("", 0.5, rng).empty());
  std::mt19937_64 a(9), b(9);
  CHECK(augment::random_deletion(text, 0.5, a) == augment::random_deletion(text, 0.5, b));
  CHECK_LOOM_THROWS(augment::random_deletion(text, 1.5, rng), loom::ParameterError,
                    "deletion probability p = 1.5 must be in [0, 1]");
}

TEST_CASE("random_swap", "[augment_text]") {
  const std::string text = "a b c d e";
  std::mt19937_64 rng(2);
  CHECK(augment::random_swap(text, 0, rng) == text);
  for (int draw = 0; draw < 50; ++draw) {
    const auto one = augment::random_swap(text, 1, rng);
    CHECK(bag(one) == bag(text));
    // One swap of distinct positions moves exactly two words.
    const auto before = split_words(text), after = split_words(one);
    std::size_t moved = 0;
    for (std::size_t i = 0; i < before.size(); ++i)
      moved += before[i] != after[i];
    CHECK(moved == 2);
  }
  CHECK(bag(augment::random_swap(text, 7, rng)) == bag(text));
  CHECK(augment::random_swap("alone", 3, rng) == "alone");
  std::mt19937_64 a(5), b(5);
  CHECK(augment::random_swap(text, 3, a) == augment::random_swap(text, 3, b));
}

TEST_CASE("synonym_replacement", "[augment_text]") {
  const augment::SynonymDictionary synonyms = {
      {"quick", {"fast", "speedy"}}, {"lazy", {"idle"}}, {"dog", {"hound"}}, {"cat", {"kitty"}}};
  const std::string text = "the quick dog chased the lazy dog";
  std::mt19937_64 rng(3);
  CHECK(augment::synonym_replacement(text, synonyms, 0, rng) == text);
  CHECK(augment::synonym_replacement(text, synonyms, 10, rng).find("quick") == std::string::npos);
  std::set<std::string> seen;
  for (int draw = 0; draw < 60; ++draw) {
    const auto out = split_words(augment::synonym_replacement(text, synonyms, 1, rng));
    const auto words = split_words(text);
    REQUIRE(out.size() == words.size());
    std::set<std::string> changed;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (out[i] != words[i]) {
        const auto& list = synonyms.at(words[i]);
        CHECK(std::find(list.begin(), list.end(), out[i]) != list.end());
        changed.insert(words[i]);
      }
    }
    REQUIRE(changed.size() == 1);  // one distinct word, every occurrence
    if (*changed.begin() == "dog") CHECK((out[2] == "hound" && out[6] == "hound"));
    seen.insert(*changed.begin());
  }
  CHECK(seen == std::set<std::string>{"quick", "lazy", "dog"});
  // A synonym that is itself in the dictionary is not replaced again.
  const augment::SynonymDictionary chain = {{"big", {"large"}}, {"large", {"huge"}}};
  CHECK(augment::synonym_replacement("big large", chain, 2, rng) == "large huge");
  std::mt19937_64 a(6), b(6);
  CHECK(augment::synonym_replacement(text, synonyms, 2, a) ==
        augment::synonym_replacement(text, synonyms, 2, b));
  const augment::SynonymDictionary empty_list = {{"dog", {}}};
  CHECK_LOOM_THROWS(augment::synonym_replacement(text, empty_list, 1, rng), loom::ParameterError,
                    "synonym dictionary: word \"dog\" has an empty list of synonyms");
}
