#pragma once
// Counts the terms (words, word n-grams or character n-grams) of one text column into a
// sparse matrix over a vocabulary learnt at fit: scikit-learn's
// sklearn.feature_extraction.text.CountVectorizer, same vocabulary and counts (default
// token_pattern matched by hand with Python's Unicode \w; other patterns run on std::regex,
// whose \w and \b are ASCII). Terms seen in more than max_df or fewer than min_df documents
// are dropped; max_features keeps the most frequent terms (the earlier term on ties).
// Throws ParameterError for bad parameters, DataError for an input that is not one text
// column, a missing document or an empty vocabulary, NotFittedError before fit.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "loom/core/step.hpp"
#include "loom/features/detail/text_analyzer.hpp"

namespace loom::features {

struct CountVectorizerParams {
  std::string analyzer = "word";  // "word" | "char" | "char_wb"
  bool lowercase = true;
  std::string token_pattern = std::string(detail::kDefaultTokenPattern);  // word analyzer
  Json stop_words = nullptr;              // null | "english" | ["word", ...] (word analyzer)
  std::vector<int> ngram_range = {1, 1};  // [min_n, max_n]
  Json max_df = 1.0;  // float in [0, 1]: share of documents; integer >= 1: document count
  Json min_df = 1;    // the same, as a lower bound
  std::optional<std::int64_t> max_features = std::nullopt;            // keep the most frequent
  std::optional<std::vector<std::string>> vocabulary = std::nullopt;  // fixed terms, in order
  bool binary = false;                                                // counts become 1
  static const ParamTable<CountVectorizerParams>& table();
};

class CountVectorizer : public StepWithParams<CountVectorizer, Transformer, CountVectorizerParams> {
 public:
  static constexpr std::string_view kTypeName = "CountVectorizer";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table fit_transform(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  // The same on documents given directly.
  SparseMatrix fit_transform_documents(const std::vector<std::string_view>& documents);
  SparseMatrix transform_documents(const std::vector<std::string_view>& documents) const;
  // The vocabulary's terms in column order.
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  // vocabulary_: term -> column.
  const std::unordered_map<std::string, std::int32_t, detail::StringHash, std::equal_to<>>&
  vocabulary() const {
    return vocabulary_;
  }

 private:
  void set_vocabulary(std::vector<std::string> terms);

  bool fitted_ = false;
  std::vector<std::string> terms_;
  std::unordered_map<std::string, std::int32_t, detail::StringHash, std::equal_to<>> vocabulary_;
};

// min_df / max_df: a float in [0, 1] or an integer >= 0.
ParamCheck<Json> valid_document_frequency();

}  // namespace loom::features
