#pragma once
// Text augmentation for small data sets (EDA, Wei & Zou 2019; nlpaug counterparts): random
// deletion, random swap and synonym replacement from a dictionary the caller supplies. Words
// are runs of non-whitespace; results join them with single spaces. Randomness comes from a
// std::mt19937_64 the caller seeds (`std::mt19937_64 rng(seed)`): the same seed and calls give
// the same text on every platform. Throws ParameterError naming the argument out of range.
#include <cstddef>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace loom::data::augment {

// Word -> its synonyms (each may be several words); every list must be non-empty.
using SynonymDictionary = std::map<std::string, std::vector<std::string>, std::less<>>;

// The whitespace-separated words of text.
std::vector<std::string> split_words(std::string_view text);

// Deletes each word with probability p (0 <= p <= 1); when every word would go, one word,
// drawn uniformly, is kept, so a non-empty text never becomes empty.
std::string random_deletion(std::string_view text, double p, std::mt19937_64& rng);

// n_swaps times, swaps two words at distinct positions drawn uniformly (a text of fewer than
// two words is returned as is).
std::string random_swap(std::string_view text, std::size_t n_swaps, std::mt19937_64& rng);

// Picks up to n_replacements distinct words that have synonyms (uniformly, without
// replacement) and replaces every occurrence of each by one synonym drawn uniformly.
std::string synonym_replacement(std::string_view text, const SynonymDictionary& synonyms,
                                std::size_t n_replacements, std::mt19937_64& rng);

}  // namespace loom::data::augment
