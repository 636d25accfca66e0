#pragma once
// Turns one text column into hashed term counts (the hashing trick on words or character
// n-grams), bit-compatible with scikit-learn: sklearn.feature_extraction.text.HashingVectorizer.
// Same analyzer as CountVectorizer; rows normalised (l2 by default); output stays sparse.
// Stateless: transform needs no fit. Throws ParameterError for bad parameters, DataError for
// an input that is not one text column or has a missing document.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "loom/core/step.hpp"
#include "loom/features/detail/text_analyzer.hpp"

namespace loom::features {

struct HashingVectorizerParams {
  std::int64_t n_features = 1048576;  // 2**20 output columns, in [1, 2**31 - 1]
  std::string analyzer = "word";      // "word" | "char" | "char_wb"
  bool lowercase = true;
  std::string token_pattern = std::string(detail::kDefaultTokenPattern);  // word analyzer
  Json stop_words = nullptr;               // null | "english" | ["word", ...] (word analyzer)
  std::vector<int> ngram_range = {1, 1};   // [min_n, max_n]
  bool binary = false;                     // counts become 1
  std::optional<std::string> norm = "l2";  // "l1" | "l2" | null
  bool alternate_sign = true;
  static const ParamTable<HashingVectorizerParams>& table();
};

class HashingVectorizer
    : public StepWithParams<HashingVectorizer, Transformer, HashingVectorizerParams> {
 public:
  static constexpr std::string_view kTypeName = "HashingVectorizer";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  // The same on documents given directly.
  SparseMatrix transform_documents(const std::vector<std::string_view>& documents) const;
  // hashingvectorizer0 ... hashingvectorizer{n_features - 1}
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return true; }
  Json fitted_state() const override { return Json::object(); }
  void load_fitted_state(const Json&) override {}
};

ParamCheck<std::optional<std::string>> valid_norm();

}  // namespace loom::features
