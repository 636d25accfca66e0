#include <catch2/catch.hpp>

#include "extraction_support.hpp"
#include "loom/pipeline/pipeline.hpp"
#include "loom/pipeline/serialization.hpp"

namespace {

loom::Dataset messages() {
  return loom::Dataset(
      {loom::Column::text("text",
                          {"Free entry to win a prize now", "see you at lunch", "WIN cash now!!",
                           "lunch at noon? see you", "prize draw: text WIN"},
                          std::vector<std::uint8_t>(5, 0)),
       loom::Column::numeric("length", {29, 16, 14, 22, 20})});
}

}  // namespace

TEST_CASE("Text, hashing, decomposition and selection steps round-trip through a saved pipeline",
          "[features][extraction_pipeline]") {
  const auto spec = loom::Json::parse(R"({"steps": [
    {"name": "prep", "type": "ColumnTransformer", "params": {"transformers": [
      {"name": "tfidf", "type": "TfidfVectorizer", "params": {"ngram_range": [1, 2]},
       "columns": "text"},
      {"name": "hash", "type": "HashingVectorizer", "params": {"n_features": 64},
       "columns": "text"},
      {"name": "num", "type": "VarianceThreshold", "params": {}, "columns": ["length"]}],
      "remainder": "drop", "sparse_threshold": 0.0}},
    {"name": "filter", "type": "CorrelationFilter", "params": {"threshold": 0.99}},
    {"name": "pca", "type": "PCA", "params": {"n_components": 3}}]})");
  auto pipeline = loom::pipeline::Pipeline::from_spec(spec);
  const loom::Dataset data = messages();
  const loom::Table fitted = pipeline.fit_transform(data, nullptr);
  CHECK(fitted.matrix().names() == std::vector<std::string>{"pca0", "pca1", "pca2"});
  const auto document = loom::pipeline::to_document(pipeline);
  const auto restored = loom::pipeline::from_document(document, "memory");
  CHECK(loom::test::all_close(restored.transform(data).matrix().dense(), fitted.matrix().dense(),
                              1e-12));
}

TEST_CASE("A sparse TF-IDF output stays sparse through a ColumnTransformer",
          "[features][extraction_pipeline]") {
  const auto spec = loom::Json::parse(R"({"steps": [
    {"name": "prep", "type": "ColumnTransformer", "params": {"transformers": [
      {"name": "words", "type": "TfidfVectorizer", "params": {}, "columns": "text"}], "sparse_threshold": 1.0}},
    {"name": "select", "type": "SelectKBest", "params": {"score_func": "chi2", "k": 4}}]})");
  auto pipeline = loom::pipeline::Pipeline::from_spec(spec);
  const loom::Column y =
      loom::Column::categorical_from_values("label", {"spam", "ham", "spam", "ham", "spam"});
  const loom::Table output = pipeline.fit_transform(messages(), &y);
  REQUIRE(output.is_sparse());
  CHECK(output.n_columns() == 4);
}
