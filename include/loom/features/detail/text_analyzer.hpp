#pragma once
// The analyzer scikit-learn's CountVectorizer, TfidfVectorizer and HashingVectorizer share:
// lowercase (Python's str.lower), then word tokens (default token_pattern
// `(?u)\b\w\w+\b`, matched by hand; another pattern through std::regex on UTF-8 bytes),
// stop-word removal and word n-grams, or character n-grams ("char", "char_wb") with
// scikit-learn's whitespace normalisation and padding. Terms come out in scikit-learn's order.
// Internal to loom::features.
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "loom/core/params.hpp"
#include "loom/core/table.hpp"

namespace loom::features::detail {

inline constexpr std::string_view kDefaultTokenPattern = R"((?u)\b\w\w+\b)";

// Hash and equality that accept std::string_view, so lookups need no temporary string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// The terms of one document: one buffer, each term a span into it (no allocation per term).
class Terms {
 public:
  void clear() {
    text_.clear();
    spans_.clear();
  }
  std::size_t size() const { return spans_.size(); }
  std::string_view operator[](std::size_t i) const {
    return std::string_view(text_).substr(spans_[i].first, spans_[i].second);
  }
  std::string& buffer() { return text_; }
  // Records buffer()[start, end) as a term.
  void add(std::size_t start) { spans_.emplace_back(start, text_.size() - start); }

 private:
  std::string text_;
  std::vector<std::pair<std::size_t, std::size_t>> spans_;
};

struct AnalyzerOptions {
  std::string analyzer = "word";  // "word" | "char" | "char_wb"
  bool lowercase = true;
  int ngram_min = 1, ngram_max = 1;
  std::string token_pattern = std::string(kDefaultTokenPattern);
  std::optional<StringSet> stop_words;  // word analyzer only
};

class TextAnalyzer {
 public:
  explicit TextAnalyzer(AnalyzerOptions options);
  // The terms of document, in scikit-learn's order, into terms (cleared first). Not
  // thread-safe: give each thread its own copy.
  void analyze(std::string_view document, Terms& terms);

 private:
  void preprocess(std::string_view document);
  void word_terms(Terms& terms);
  void char_terms(Terms& terms);
  void char_wb_terms(Terms& terms);

  AnalyzerOptions options_;
  std::shared_ptr<const std::regex> pattern_;  // null for the default pattern
  bool pattern_has_group_ = false;
  std::size_t min_token_length_ = 2;  // hand-matched patterns: shortest run kept
  std::vector<char32_t> codes_;       // the preprocessed document
  std::string lowered_;               // the same as UTF-8 (custom patterns only)
  Terms tokens_;                      // word tokens before n-grams
  std::vector<std::size_t> offsets_;  // UTF-8 offset of each code point (char analyzers)
};

// scikit-learn's stop_words: null, "english" or a list of words. ParameterError naming
// `owner` for another string.
std::optional<StringSet> stop_word_set(const Json& stop_words, std::string_view owner);
// A custom token_pattern must compile and have at most one group; ParameterError naming owner.
void check_token_pattern(std::string_view owner, const std::string& token_pattern);
// The analyzer a step's parameters describe (token_pattern checked).
AnalyzerOptions analyzer_options(std::string_view owner, const std::string& analyzer,
                                 bool lowercase, const std::vector<int>& ngram_range,
                                 const std::string& token_pattern, const Json& stop_words);

// The documents of a text step's input: a Dataset of one text or categorical column (as a
// ColumnTransformer's `"columns": "name"` gives). DataError naming the column for a missing
// cell, a numeric column or several columns.
std::vector<std::string_view> documents_of(const Table& x, std::string_view caller);

// Parameter checks the text steps share.
ParamCheck<std::vector<int>> valid_ngram_range();
ParamCheck<Json> valid_stop_words();

}  // namespace loom::features::detail
