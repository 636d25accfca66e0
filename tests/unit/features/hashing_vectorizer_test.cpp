#include "loom/features/hashing_vectorizer.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "extraction_support.hpp"

using loom::features::HashingVectorizer;

TEST_CASE("HashingVectorizer matches scikit-learn on the text corpus",
          "[features][hashing_vectorizer]") {
  const auto documents = loom::test::load_fixture("features_extraction/text_corpus_documents.json");
  const auto corpus = loom::test::strings_of(documents["corpus"]);
  const auto fixture = loom::test::load_fixture("features_extraction/text_corpus.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    auto params = test_case["params"];
    for (const auto* key : {"min_df", "max_df", "max_features", "vocabulary"})
      params.erase(key);
    for (const auto& variant : test_case["hashing"]) {
      DYNAMIC_SECTION(params.dump() << " " << variant["params"].dump()) {
        HashingVectorizer vectorizer;
        vectorizer.set_params(params);
        vectorizer.set_params(variant["params"]);
        const loom::Table output =
            vectorizer.fit_transform(loom::test::text_dataset("text", corpus), nullptr);
        REQUIRE(output.is_sparse());
        CHECK(loom::test::sparse_close(output.matrix().sparse(), variant["values"], 1e-12));
      }
    }
  }
}

TEST_CASE("HashingVectorizer names its problems", "[features][hashing_vectorizer][errors]") {
  HashingVectorizer vectorizer({.n_features = 16});
  vectorizer.set_name("hash");
  CHECK_LOOM_THROWS(vectorizer.fit(loom::Dataset({loom::Column::numeric("n", {1, 2})})),
                    loom::DataError, "column \"n\" is numeric");
  CHECK_LOOM_THROWS(vectorizer.fit(loom::Dataset({loom::Column::text("a", {"x"}, {0}),
                                                  loom::Column::text("b", {"y"}, {0})})),
                    loom::DataError, "found 2 columns");
  CHECK_LOOM_THROWS(
      vectorizer.transform(loom::Dataset({loom::Column::text("a", {"x", ""}, {0, 1})})),
      loom::DataError, "missing value at row 1");
  HashingVectorizer bad_norm({.norm = "max"});
  CHECK_LOOM_THROWS(bad_norm.fit(loom::test::text_dataset("t", {"a b"})), loom::ParameterError,
                    "norm");
  HashingVectorizer bad_range({.ngram_range = {2, 1}});
  CHECK_LOOM_THROWS(bad_range.fit(loom::test::text_dataset("t", {"a b"})), loom::ParameterError,
                    "ngram_range");
  HashingVectorizer bad_stop({.stop_words = "french"});
  CHECK_LOOM_THROWS(bad_stop.fit(loom::test::text_dataset("t", {"a b"})), loom::ParameterError,
                    "stop_words");
  HashingVectorizer bad_pattern({.token_pattern = "(a)(b)"});
  CHECK_LOOM_THROWS(bad_pattern.transform(loom::test::text_dataset("t", {"ab"})),
                    loom::ParameterError, "capturing groups");
}

TEST_CASE("HashingVectorizer keeps bytes that are not UTF-8", "[features][hashing_vectorizer]") {
  HashingVectorizer vectorizer({.n_features = 1 << 20, .norm = std::nullopt});
  const auto output =
      vectorizer.transform(loom::test::text_dataset("t", {"ab\xff\xfe cd", "AB\xff\xfe"}));
  // The invalid bytes are not word characters: both rows hold "ab", the first also "cd".
  CHECK(output.matrix().sparse().row(0).nonZeros() == 2);
  CHECK(output.matrix().sparse().row(1).nonZeros() == 1);
}
