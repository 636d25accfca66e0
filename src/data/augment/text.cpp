#include "loom/data/augment/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_set>

#include "loom/core/error.hpp"
#include "portable_random.hpp"

namespace loom::data::augment {

namespace {

std::string join_words(const std::vector<std::string>& words) {
  return fmt::format("{}", fmt::join(words, " "));
}

}  // namespace

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
      ++i;
    const std::size_t start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])))
      ++i;
    if (i > start) words.emplace_back(text.substr(start, i - start));
  }
  return words;
}

std::string random_deletion(std::string_view text, double p, std::mt19937_64& rng) {
  if (!(p >= 0.0 && p <= 1.0)) {
    throw ParameterError(fmt::format("deletion probability p = {} must be in [0, 1]", p));
  }
  const auto words = split_words(text);
  if (words.empty()) return {};
  std::vector<std::string> kept;
  for (const auto& word : words) {
    if (detail::uniform01(rng) >= p) kept.push_back(word);
  }
  if (kept.empty()) kept.push_back(words[detail::uniform_index(rng, words.size())]);
  return join_words(kept);
}

std::string random_swap(std::string_view text, std::size_t n_swaps, std::mt19937_64& rng) {
  auto words = split_words(text);
  if (words.size() >= 2) {
    for (std::size_t s = 0; s < n_swaps; ++s) {
      const std::size_t i = detail::uniform_index(rng, words.size());
      std::size_t j = detail::uniform_index(rng, words.size() - 1);
      if (j >= i) ++j;
      std::swap(words[i], words[j]);
    }
  }
  return join_words(words);
}

std::string synonym_replacement(std::string_view text, const SynonymDictionary& synonyms,
                                std::size_t n_replacements, std::mt19937_64& rng) {
  for (const auto& [word, list] : synonyms) {
    if (list.empty()) {
      throw ParameterError(
          fmt::format("synonym dictionary: word \"{}\" has an empty list of synonyms", word));
    }
  }
  auto words = split_words(text);
  // Distinct words with synonyms, in order of first appearance.
  std::vector<std::string> candidates;
  std::unordered_set<std::string> seen;
  for (const auto& word : words) {
    if (synonyms.contains(word) && seen.insert(word).second) candidates.push_back(word);
  }
  // Fisher-Yates over the first min(n, size) positions: a uniform draw without replacement.
  const std::size_t chosen = std::min(n_replacements, candidates.size());
  for (std::size_t i = 0; i < chosen; ++i) {
    std::swap(candidates[i], candidates[i + detail::uniform_index(rng, candidates.size() - i)]);
  }
  // Replacements apply to the original words only (a synonym is never replaced again).
  std::map<std::string, std::string, std::less<>> replacements;
  for (std::size_t i = 0; i < chosen; ++i) {
    const auto& list = synonyms.find(candidates[i])->second;
    replacements[candidates[i]] = list[detail::uniform_index(rng, list.size())];
  }
  for (auto& word : words) {
    const auto found = replacements.find(word);
    if (found != replacements.end()) word = found->second;
  }
  return join_words(words);
}

}  // namespace loom::data::augment
