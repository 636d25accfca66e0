#pragma once
// CountVectorizer followed by TfidfTransformer on one text column: scikit-learn's
// sklearn.feature_extraction.text.TfidfVectorizer (same vocabulary, idf_ and values).
// Sparse output named by the vocabulary's terms. Throws as CountVectorizer and
// TfidfTransformer do.
#include <optional>
#include <string>
#include <vector>

#include "loom/features/count_vectorizer.hpp"
#include "loom/features/tfidf_transformer.hpp"

namespace loom::features {

struct TfidfVectorizerParams {
  std::string analyzer = "word";  // "word" | "char" | "char_wb"
  bool lowercase = true;
  std::string token_pattern = std::string(detail::kDefaultTokenPattern);
  Json stop_words = nullptr;              // null | "english" | ["word", ...]
  std::vector<int> ngram_range = {1, 1};  // [min_n, max_n]
  Json max_df = 1.0;                      // float in [0, 1] or integer document count
  Json min_df = 1;
  std::optional<std::int64_t> max_features = std::nullopt;
  std::optional<std::vector<std::string>> vocabulary = std::nullopt;
  bool binary = false;
  std::optional<std::string> norm = "l2";  // "l1" | "l2" | null
  bool use_idf = true;
  bool smooth_idf = true;
  bool sublinear_tf = false;
  static const ParamTable<TfidfVectorizerParams>& table();
};

class TfidfVectorizer : public StepWithParams<TfidfVectorizer, Transformer, TfidfVectorizerParams> {
 public:
  static constexpr std::string_view kTypeName = "TfidfVectorizer";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table fit_transform(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  SparseMatrix fit_transform_documents(const std::vector<std::string_view>& documents);
  SparseMatrix transform_documents(const std::vector<std::string_view>& documents) const;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  const Eigen::VectorXd& idf() const { return tfidf_.idf(); }
  const CountVectorizer& count_vectorizer() const { return counter_; }

 private:
  void configure();

  bool fitted_ = false;
  CountVectorizer counter_;
  TfidfTransformer tfidf_;
};

}  // namespace loom::features
