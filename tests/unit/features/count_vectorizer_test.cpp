#include "loom/features/count_vectorizer.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "check_throws.hpp"
#include "extraction_support.hpp"
#include "loom/features/tfidf_vectorizer.hpp"

using loom::features::CountVectorizer;
using loom::features::TfidfVectorizer;

namespace {

struct Corpus {
  std::vector<std::string> documents, new_documents;
};

Corpus corpus() {
  const auto fixture = loom::test::load_fixture("features_extraction/text_corpus_documents.json");
  return {loom::test::strings_of(fixture["corpus"]), loom::test::strings_of(fixture["corpus_new"])};
}

}  // namespace

TEST_CASE("CountVectorizer matches scikit-learn's vocabulary and counts",
          "[features][count_vectorizer]") {
  const Corpus text = corpus();
  const auto fixture = loom::test::load_fixture("features_extraction/text_corpus.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    DYNAMIC_SECTION(test_case["params"].dump()) {
      CountVectorizer vectorizer;
      vectorizer.set_params(test_case["params"]);
      const loom::Table counts =
          vectorizer.fit_transform(loom::test::text_dataset("text", text.documents), nullptr);
      CHECK(vectorizer.feature_names_out() == loom::test::strings_of(test_case["feature_names"]));
      REQUIRE(counts.is_sparse());
      CHECK(counts.matrix().names() == vectorizer.feature_names_out());
      CHECK(loom::test::sparse_close(counts.matrix().sparse(), test_case["counts"], 0.0));
      const loom::Table new_counts =
          vectorizer.transform(loom::test::text_dataset("text", text.new_documents));
      CHECK(loom::test::sparse_close(new_counts.matrix().sparse(), test_case["counts_new"], 0.0));

      CountVectorizer restored(vectorizer.params());
      restored.load_fitted_state(vectorizer.fitted_state());
      CHECK(loom::test::sparse_close(
          restored.transform(loom::test::text_dataset("text", text.new_documents))
              .matrix()
              .sparse(),
          test_case["counts_new"], 0.0));
    }
  }
}

TEST_CASE("TfidfVectorizer matches scikit-learn's idf and values", "[features][tfidf_vectorizer]") {
  const Corpus text = corpus();
  const auto fixture = loom::test::load_fixture("features_extraction/text_corpus.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    for (const auto& variant : test_case["tfidf"]) {
      DYNAMIC_SECTION(test_case["params"].dump() << " " << variant["params"].dump()) {
        TfidfVectorizer vectorizer;
        vectorizer.set_params(test_case["params"]);
        vectorizer.set_params(variant["params"]);
        const loom::Table values =
            vectorizer.fit_transform(loom::test::text_dataset("text", text.documents), nullptr);
        CHECK(vectorizer.feature_names_out() == loom::test::strings_of(test_case["feature_names"]));
        if (!variant["idf"].is_null()) {
          const auto expected = loom::test::to_vector(variant["idf"]);
          REQUIRE(vectorizer.idf().size() == static_cast<Eigen::Index>(expected.size()));
          for (std::size_t j = 0; j < expected.size(); ++j)
            CHECK(loom::test::close(vectorizer.idf()(static_cast<Eigen::Index>(j)), expected[j],
                                    1e-12));
        }
        CHECK(loom::test::sparse_close(values.matrix().sparse(), variant["values"], 1e-12));
        TfidfVectorizer restored(vectorizer.params());
        restored.load_fitted_state(vectorizer.fitted_state());
        CHECK(loom::test::sparse_close(
            restored.transform(loom::test::text_dataset("text", text.new_documents))
                .matrix()
                .sparse(),
            variant["values_new"], 1e-12));
      }
    }
  }
}

TEST_CASE("TfidfVectorizer matches scikit-learn on 200 SMS messages",
          "[features][tfidf_vectorizer][shared]") {
  if (!loom::test::shared_data_available("sms_spam.tsv")) {
    WARN("sms_spam.tsv not available: skipped");
    return;
  }
  std::ifstream in(std::string(LOOM_SHARED_DATA_DIR) + "/sms_spam.tsv");
  std::string line;
  std::getline(in, line);  // header
  std::vector<std::string> messages;
  while (messages.size() < 200 && std::getline(in, line))
    messages.push_back(line.substr(line.find('\t') + 1));
  const auto fixture = loom::test::load_fixture("features_extraction/sms_tfidf.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    DYNAMIC_SECTION(test_case["params"].dump()) {
      TfidfVectorizer vectorizer;
      vectorizer.set_params(test_case["params"]);
      const loom::SparseMatrix values =
          vectorizer.fit_transform_documents(loom::test::views_of(messages));
      CHECK(vectorizer.feature_names_out() == loom::test::strings_of(test_case["feature_names"]));
      const auto idf = loom::test::to_vector(test_case["idf"]);
      REQUIRE(vectorizer.idf().size() == static_cast<Eigen::Index>(idf.size()));
      for (std::size_t j = 0; j < idf.size(); ++j)
        CHECK(loom::test::close(vectorizer.idf()(static_cast<Eigen::Index>(j)), idf[j], 1e-12));
      const auto row_sums = loom::test::to_vector(test_case["row_sums"]);
      const auto row_weighted = loom::test::to_vector(test_case["row_weighted"]);
      for (Eigen::Index row = 0; row < values.rows(); ++row) {
        double sum = 0.0, weighted = 0.0;
        for (loom::SparseMatrix::InnerIterator it(values, row); it; ++it) {
          sum += it.value();
          weighted += it.value() * static_cast<double>(it.col() + 1);
        }
        CHECK(loom::test::close(sum, row_sums[static_cast<std::size_t>(row)], 1e-10));
        CHECK(loom::test::close(weighted, row_weighted[static_cast<std::size_t>(row)], 1e-10));
      }
      CHECK(loom::test::sparse_close(loom::SparseMatrix(values.topRows(5)), test_case["head"],
                                     1e-12));
    }
  }
}

TEST_CASE("CountVectorizer names its problems", "[features][count_vectorizer][errors]") {
  CountVectorizer vectorizer({.stop_words = "english"});
  vectorizer.set_name("words");
  CHECK_LOOM_THROWS(vectorizer.transform(loom::test::text_dataset("t", {"a b"})),
                    loom::NotFittedError, "CountVectorizer \"words\"");
  CHECK_LOOM_THROWS(vectorizer.fit(loom::test::text_dataset("t", {"the and of", "a"})),
                    loom::DataError, "empty vocabulary");
  CountVectorizer pruned({.min_df = 2});
  CHECK_LOOM_THROWS(pruned.fit(loom::test::text_dataset("t", {"aa bb", "cc dd"})), loom::DataError,
                    "no terms remain");
  CountVectorizer bounds({.max_df = 1, .min_df = 2});
  CHECK_LOOM_THROWS(bounds.fit(loom::test::text_dataset("t", {"aa bb", "cc dd"})),
                    loom::ParameterError, "fewer documents than min_df");
  CountVectorizer bad_df({.max_df = 1.5});
  CHECK_LOOM_THROWS(bad_df.fit(loom::test::text_dataset("t", {"aa"})), loom::ParameterError,
                    "max_df = 1.5");
  CountVectorizer duplicate({.vocabulary = std::vector<std::string>{"aa", "aa"}});
  CHECK_LOOM_THROWS(duplicate.fit(loom::test::text_dataset("t", {"aa"})), loom::ParameterError,
                    "duplicate term \"aa\"");
  CountVectorizer analyzer({.analyzer = "sentence"});
  CHECK_LOOM_THROWS(analyzer.fit(loom::test::text_dataset("t", {"aa"})), loom::ParameterError,
                    "analyzer");
  CountVectorizer features({.max_features = 0});
  CHECK_LOOM_THROWS(features.fit(loom::test::text_dataset("t", {"aa"})), loom::ParameterError,
                    "max_features");
}

TEST_CASE("CountVectorizer keeps the earlier term when max_features cuts a tie",
          "[features][count_vectorizer]") {
  // Twenty terms of count 2 and ten of count 1: the cut at 25 keeps every count-2 term and
  // the first five count-1 terms alphabetically.
  std::string document;
  std::vector<std::string> expected;
  for (char c = 'a'; c < 'a' + 20; ++c)
    document += std::string("q") + c + " q" + c + " ";
  for (char c = 'a'; c < 'a' + 10; ++c)
    document += std::string("z") + c + " ";
  CountVectorizer vectorizer({.max_features = 25});
  vectorizer.fit(loom::test::text_dataset("t", {document}));
  const auto names = vectorizer.feature_names_out();
  REQUIRE(names.size() == 25);
  CHECK(names[19] == "qt");
  CHECK(names[20] == "za");
  CHECK(names[24] == "ze");
}
