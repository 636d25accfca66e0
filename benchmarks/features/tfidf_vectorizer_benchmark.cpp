// Times loom::features::TfidfVectorizer fit_transform against scikit-learn's on the same
// corpus.
//
//   loom_bench_tfidf_vectorizer [--documents N]
//
// Generates N (default 50,000) documents of 5 to 60 words drawn from a Zipf-like vocabulary
// of 20,000 words (with some capitals and punctuation) once, writes them one per line for
// tfidf_vectorizer_peer.py, and prints "tfidf_vectorizer  loom_s  peer_s  ratio".
#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <string>

#include "benchmark_harness.hpp"
#include "loom/features/tfidf_vectorizer.hpp"

int main(int argc, char** argv) {
  std::size_t n_documents = 50000;
  for (int index = 1; index + 1 < argc; index += 2) {
    if (std::string(argv[index]) == "--documents") n_documents = std::stoul(argv[index + 1]);
  }
  loom::bench::SplitMix random{3};
  std::vector<std::string> words;
  for (int w = 0; w < 20000; ++w) {
    std::string word;
    const std::size_t length = 2 + random.below(8);
    for (std::size_t c = 0; c < length; ++c)
      word.push_back(static_cast<char>('a' + random.below(26)));
    words.push_back(word);
  }
  std::vector<std::string> documents;
  const loom::bench::TempFile file("tfidf_corpus.txt");
  {
    std::ofstream out(file.string());
    for (std::size_t d = 0; d < n_documents; ++d) {
      std::string document;
      const std::size_t length = 5 + random.below(56);
      for (std::size_t k = 0; k < length; ++k) {
        // Zipf-like: index = floor(20000^u) - 1.
        const auto index = static_cast<std::size_t>(std::pow(20000.0, random.uniform())) - 1;
        std::string word = words[index];
        if (random.below(10) == 0) word[0] = static_cast<char>(word[0] - 32);
        document += word;
        document += random.below(12) == 0 ? ", " : " ";
      }
      out << document << '\n';
      documents.push_back(std::move(document));
    }
  }
  const std::vector<std::string_view> views(documents.begin(), documents.end());
  loom::features::TfidfVectorizer vectorizer;
  loom::SparseMatrix values;
  const auto comparison = loom::bench::alternate(
      3,
      [&] {
        return loom::bench::Times{{"tfidf_vectorizer", loom::bench::time_once([&] {
                                     values = vectorizer.fit_transform_documents(views);
                                   })}};
      },
      "features/tfidf_vectorizer_peer.py", {file.string()});
  fmt::print(stderr, "tfidf_vectorizer: {} documents, {} terms, {} stored values\n", n_documents,
             values.cols(), values.nonZeros());
  loom::bench::print_result("tfidf_vectorizer", comparison);
  return 0;
}
