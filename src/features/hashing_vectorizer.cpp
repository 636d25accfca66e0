#include "loom/features/hashing_vectorizer.hpp"

#include "loom/core/detail/parallel.hpp"
#include "loom/features/detail/murmurhash3.hpp"
#include "loom/features/detail/sparse_rows.hpp"

namespace loom::features {

ParamCheck<std::optional<std::string>> valid_norm() {
  return [](const std::optional<std::string>& norm) {
    return !norm || *norm == "l1" || *norm == "l2" ? std::string()
                                                   : std::string("must be \"l1\", \"l2\" or null");
  };
}

const ParamTable<HashingVectorizerParams>& HashingVectorizerParams::table() {
  using P = HashingVectorizerParams;
  static const ParamTable<P> table{
      param("n_features", &P::n_features, between<std::int64_t>(1, 2147483647)),
      param("analyzer", &P::analyzer, one_of({"word", "char", "char_wb"})),
      param("lowercase", &P::lowercase),
      param("token_pattern", &P::token_pattern),
      param("stop_words", &P::stop_words, detail::valid_stop_words()),
      param("ngram_range", &P::ngram_range, detail::valid_ngram_range()),
      param("binary", &P::binary),
      param("norm", &P::norm, valid_norm()),
      param("alternate_sign", &P::alternate_sign),
  };
  return table;
}

void HashingVectorizer::fit(const Table& x, const Column*) {
  validate_params();
  detail::documents_of(x, describe());
}

SparseMatrix HashingVectorizer::transform_documents(
    const std::vector<std::string_view>& documents) const {
  validate_params();
  if (documents.empty()) {
    throw DataError(fmt::format("{}: cannot vectorize an input with 0 documents", describe()));
  }
  const detail::TextAnalyzer analyzer(
      detail::analyzer_options(describe(), params_.analyzer, params_.lowercase, params_.ngram_range,
                               params_.token_pattern, params_.stop_words));
  const std::int64_t n_features = params_.n_features;
  const double negative = params_.alternate_sign ? -1.0 : 1.0;
  const bool binary = params_.binary;
  const std::size_t n_documents = documents.size();
  const std::size_t per_block = std::max<std::size_t>(256, n_documents / 64 + 1);
  const std::size_t n_blocks = (n_documents + per_block - 1) / per_block;
  std::vector<detail::CsrRows> blocks(n_blocks);
  loom::detail::parallel_for(n_blocks, 1, [&](std::size_t begin, std::size_t end) {
    detail::TextAnalyzer local = analyzer;
    detail::Terms terms;
    std::vector<std::pair<detail::StorageIndex, double>> entries;
    for (std::size_t block = begin; block < end; ++block) {
      const std::size_t first = block * per_block;
      const std::size_t last = std::min(n_documents, first + per_block);
      for (std::size_t row = first; row < last; ++row) {
        local.analyze(documents[row], terms);
        entries.clear();
        for (std::size_t t = 0; t < terms.size(); ++t) {
          const auto hashed = detail::hashed_index(terms[t], n_features);
          entries.emplace_back(hashed.index, hashed.negative ? negative : 1.0);
        }
        blocks[block].add_row(entries);
      }
    }
  });
  SparseMatrix matrix = detail::concatenate_rows(blocks, static_cast<Eigen::Index>(n_features));
  if (binary) std::fill(matrix.valuePtr(), matrix.valuePtr() + matrix.nonZeros(), 1.0);
  detail::normalize_rows(matrix, params_.norm.value_or(""));
  return matrix;
}

Table HashingVectorizer::transform(const Table& x) const {
  return FeatureMatrix(transform_documents(detail::documents_of(x, describe())),
                       feature_names_out());
}

std::vector<std::string> HashingVectorizer::feature_names_out() const {
  return detail::numbered_names("hashingvectorizer", params_.n_features);
}

}  // namespace loom::features
