#include "loom/features/detail/text_analyzer.hpp"

#include <fmt/format.h>

#include "loom/features/detail/english_stop_words.hpp"
#include "loom/features/detail/unicode.hpp"

namespace loom::features::detail {

namespace {

// std::regex has no "(?u)" flag; its \w and \b are ASCII-only (documented on the steps).
std::string regex_source(const std::string& pattern) {
  return pattern.rfind("(?u)", 0) == 0 ? pattern.substr(4) : pattern;
}

void append_codes(const std::vector<char32_t>& codes, std::size_t first, std::size_t last,
                  std::string& out) {
  for (std::size_t i = first; i < last; ++i)
    append_utf8(codes[i], out);
}

}  // namespace

TextAnalyzer::TextAnalyzer(AnalyzerOptions options) : options_(std::move(options)) {
  // \b\w\w+\b (the default) and \b\w+\b are runs of word characters, matched by hand with
  // Python's Unicode \w; other patterns go to std::regex.
  const std::string source = regex_source(options_.token_pattern);
  if (source == R"(\b\w\w+\b)") {
    min_token_length_ = 2;
  } else if (source == R"(\b\w+\b)") {
    min_token_length_ = 1;
  } else if (options_.analyzer == "word") {
    auto pattern = std::make_shared<std::regex>(regex_source(options_.token_pattern),
                                                std::regex::ECMAScript | std::regex::optimize);
    pattern_has_group_ = pattern->mark_count() == 1;
    pattern_ = std::move(pattern);
  }
}

void TextAnalyzer::preprocess(std::string_view document) {
  codes_.clear();
  std::size_t position = 0;
  while (position < document.size()) {
    const char32_t code = decode_utf8(document, position);
    if (!options_.lowercase) {
      codes_.push_back(code);
    } else if (code < 128) {
      codes_.push_back(code >= 'A' && code <= 'Z' ? code + 32 : code);
    } else {
      char32_t lowered[3];
      const int n = lowercase_slow(code, lowered);
      codes_.insert(codes_.end(), lowered, lowered + n);
    }
  }
}

void TextAnalyzer::analyze(std::string_view document, Terms& terms) {
  terms.clear();
  preprocess(document);
  if (options_.analyzer == "word") {
    word_terms(terms);
  } else if (options_.analyzer == "char") {
    char_terms(terms);
  } else {
    char_wb_terms(terms);
  }
}

void TextAnalyzer::word_terms(Terms& terms) {
  const bool plain = options_.ngram_max == 1 && !options_.stop_words;
  Terms& tokens = plain ? terms : tokens_;
  tokens.clear();
  std::string& buffer = tokens.buffer();
  if (!pattern_) {
    // \b\w\w+\b finds exactly the maximal runs of two or more word characters.
    const std::size_t n = codes_.size();
    std::size_t i = 0;
    while (i < n) {
      if (!is_word(codes_[i])) {
        ++i;
        continue;
      }
      std::size_t end = i + 1;
      while (end < n && is_word(codes_[end]))
        ++end;
      if (end - i >= min_token_length_) {
        const std::size_t start = buffer.size();
        append_codes(codes_, i, end, buffer);
        tokens.add(start);
      }
      i = end;
    }
  } else {
    lowered_.clear();
    append_codes(codes_, 0, codes_.size(), lowered_);
    for (std::sregex_iterator match(lowered_.begin(), lowered_.end(), *pattern_), end; match != end;
         ++match) {
      const std::size_t start = buffer.size();
      buffer += pattern_has_group_ ? (*match)[1].str() : match->str();
      tokens.add(start);
    }
  }
  if (plain) return;
  // Stop words go before n-grams, as scikit-learn's _word_ngrams.
  std::vector<std::string_view> kept;
  kept.reserve(tokens.size());
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    const std::string_view token = tokens[t];
    if (options_.stop_words && options_.stop_words->find(token) != options_.stop_words->end())
      continue;
    kept.push_back(token);
  }
  std::string& out = terms.buffer();
  int min_n = options_.ngram_min;
  const int max_n = options_.ngram_max;
  if (min_n == 1) {
    for (const auto token : kept) {
      const std::size_t start = out.size();
      out.append(token);
      terms.add(start);
    }
    min_n = 2;
  }
  const auto n_tokens = static_cast<int>(kept.size());
  for (int n = min_n; n <= std::min(max_n, n_tokens); ++n) {
    for (int i = 0; i + n <= n_tokens; ++i) {
      const std::size_t start = out.size();
      for (int k = 0; k < n; ++k) {
        if (k > 0) out.push_back(' ');
        out.append(kept[static_cast<std::size_t>(i + k)]);
      }
      terms.add(start);
    }
  }
}

namespace {

// scikit-learn's _white_spaces.sub(" ", text): runs of two or more whitespace characters
// become one space; a single whitespace character (a tab, say) stays as it is.
void normalize_white_spaces(std::vector<char32_t>& codes) {
  std::size_t out = 0;
  const std::size_t n = codes.size();
  std::size_t i = 0;
  while (i < n) {
    if (is_space(codes[i]) && i + 1 < n && is_space(codes[i + 1])) {
      std::size_t end = i;
      while (end < n && is_space(codes[end]))
        ++end;
      codes[out++] = U' ';
      i = end;
    } else {
      codes[out++] = codes[i++];
    }
  }
  codes.resize(out);
}

}  // namespace

void TextAnalyzer::char_terms(Terms& terms) {
  normalize_white_spaces(codes_);
  lowered_.clear();
  offsets_.clear();
  for (const char32_t code : codes_) {
    offsets_.push_back(lowered_.size());
    append_utf8(code, lowered_);
  }
  offsets_.push_back(lowered_.size());
  const auto length = static_cast<int>(codes_.size());
  std::string& out = terms.buffer();
  auto add = [&](int first, int n) {
    const std::size_t start = out.size();
    out.append(
        lowered_, offsets_[static_cast<std::size_t>(first)],
        offsets_[static_cast<std::size_t>(first + n)] - offsets_[static_cast<std::size_t>(first)]);
    terms.add(start);
  };
  int min_n = options_.ngram_min;
  if (min_n == 1) {
    for (int i = 0; i < length; ++i)
      add(i, 1);
    min_n = 2;
  }
  for (int n = min_n; n <= std::min(options_.ngram_max, length); ++n) {
    for (int i = 0; i + n <= length; ++i)
      add(i, n);
  }
}

void TextAnalyzer::char_wb_terms(Terms& terms) {
  normalize_white_spaces(codes_);
  std::string& out = terms.buffer();
  const std::size_t n_codes = codes_.size();
  std::size_t i = 0;
  while (i < n_codes) {
    if (is_space(codes_[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < n_codes && !is_space(codes_[end]))
      ++end;
    // The word padded with one space on each side, as UTF-8 with code point offsets.
    lowered_.assign(1, ' ');
    offsets_.assign(1, 0);
    for (std::size_t k = i; k < end; ++k) {
      offsets_.push_back(lowered_.size());
      append_utf8(codes_[k], lowered_);
    }
    offsets_.push_back(lowered_.size());
    lowered_.push_back(' ');
    offsets_.push_back(lowered_.size());
    const int w_len = static_cast<int>(end - i) + 2;
    auto add = [&](int first, int n) {
      const int last = std::min(first + n, w_len);
      const std::size_t start = out.size();
      out.append(
          lowered_, offsets_[static_cast<std::size_t>(first)],
          offsets_[static_cast<std::size_t>(last)] - offsets_[static_cast<std::size_t>(first)]);
      terms.add(start);
    };
    for (int n = options_.ngram_min; n <= options_.ngram_max; ++n) {
      int offset = 0;
      add(offset, n);
      while (offset + n < w_len) {
        ++offset;
        add(offset, n);
      }
      if (offset == 0) break;  // a short word counts once
    }
    i = end;
  }
}

std::optional<StringSet> stop_word_set(const Json& stop_words, std::string_view owner) {
  if (stop_words.is_null()) return std::nullopt;
  StringSet words;
  if (stop_words.is_string()) {
    if (stop_words.get<std::string>() != "english") {
      throw ParameterError(
          fmt::format("{}: parameter stop_words = {} is not a built-in stop list "
                      "(use \"english\", a list of words or null)",
                      owner, stop_words.dump()));
    }
    for (const auto word : kEnglishStopWords)
      words.emplace(word);
    return words;
  }
  for (const auto& word : stop_words)
    words.insert(word.get<std::string>());
  return words;
}

ParamCheck<std::vector<int>> valid_ngram_range() {
  return [](const std::vector<int>& range) {
    if (range.size() != 2 || range[0] < 1 || range[1] < range[0]) {
      return std::string("must be [min_n, max_n] with 1 <= min_n <= max_n");
    }
    return std::string();
  };
}

ParamCheck<Json> valid_stop_words() {
  return [](const Json& value) {
    if (value.is_null() || value.is_string()) {
      return value.is_null() || value.get<std::string>() == "english"
                 ? std::string()
                 : std::string(
                       "is not a built-in stop list (use \"english\", a list of words "
                       "or null)");
    }
    if (value.is_array()) {
      for (const auto& word : value) {
        if (!word.is_string()) return std::string("must be a list of strings");
      }
      return std::string();
    }
    return std::string("must be \"english\", a list of words or null");
  };
}

void check_token_pattern(std::string_view owner, const std::string& token_pattern) {
  if (token_pattern != kDefaultTokenPattern) {
    try {
      const std::regex pattern(regex_source(token_pattern), std::regex::ECMAScript);
      if (pattern.mark_count() > 1) {
        throw ParameterError(fmt::format(
            "{}: parameter token_pattern = \"{}\" has {} capturing groups; at most one is "
            "allowed",
            owner, token_pattern, pattern.mark_count()));
      }
    } catch (const std::regex_error& error) {
      throw ParameterError(
          fmt::format("{}: parameter token_pattern = \"{}\" is not a valid regular expression ({})",
                      owner, token_pattern, error.what()));
    }
  }
}

AnalyzerOptions analyzer_options(std::string_view owner, const std::string& analyzer,
                                 bool lowercase, const std::vector<int>& ngram_range,
                                 const std::string& token_pattern, const Json& stop_words) {
  check_token_pattern(owner, token_pattern);
  AnalyzerOptions options;
  options.analyzer = analyzer;
  options.lowercase = lowercase;
  options.ngram_min = ngram_range.at(0);
  options.ngram_max = ngram_range.at(1);
  options.token_pattern = token_pattern;
  if (analyzer == "word") options.stop_words = stop_word_set(stop_words, owner);
  return options;
}

std::vector<std::string_view> documents_of(const Table& x, std::string_view caller) {
  if (!x.is_dataset()) {
    throw DataError(fmt::format(
        "{}: expects one text column, found a numeric matrix of {} columns; select the text "
        "column with \"columns\": \"name\"",
        caller, x.n_columns()));
  }
  const Dataset& data = x.dataset();
  if (data.n_columns() != 1) {
    throw DataError(fmt::format(
        "{}: expects one text column, found {} columns; select it with \"columns\": \"name\"",
        caller, data.n_columns()));
  }
  const Column& column = data.column(std::size_t{0});
  std::vector<std::string_view> documents;
  documents.reserve(column.size());
  auto missing = [&](std::size_t row) {
    return DataError(fmt::format(
        "{}: column \"{}\" has a missing value at row {}; a document must be a string (impute "
        "it first)",
        caller, column.name(), row));
  };
  if (column.type() == ColumnType::text) {
    const auto& values = column.text_values();
    const auto& is_missing = column.text_missing();
    for (std::size_t row = 0; row < values.size(); ++row) {
      if (is_missing[row]) throw missing(row);
      documents.emplace_back(values[row]);
    }
  } else if (column.type() == ColumnType::categorical) {
    const auto codes = column.codes();
    const auto& categories = column.categories();
    for (std::size_t row = 0; row < codes.size(); ++row) {
      if (codes[row] < 0) throw missing(row);
      documents.emplace_back(categories[static_cast<std::size_t>(codes[row])]);
    }
  } else {
    throw DataError(fmt::format("{}: column \"{}\" is numeric; a text column is expected", caller,
                                column.name()));
  }
  return documents;
}

}  // namespace loom::features::detail
