#include "loom/features/count_vectorizer.hpp"

#include <algorithm>
#include <numeric>
#include <thread>

#include "loom/core/detail/parallel.hpp"
#include "loom/core/json_state.hpp"
#include "loom/features/detail/sparse_rows.hpp"

namespace loom::features {

ParamCheck<Json> valid_document_frequency() {
  return [](const Json& value) {
    if (value.is_number_integer() && value.get<std::int64_t>() >= 0) return std::string();
    if (value.is_number_float() && value.get<double>() >= 0.0 && value.get<double>() <= 1.0)
      return std::string();
    return std::string("must be a float in [0, 1] or an integer >= 0");
  };
}

const ParamTable<CountVectorizerParams>& CountVectorizerParams::table() {
  using P = CountVectorizerParams;
  static const ParamTable<P> table{
      param("analyzer", &P::analyzer, one_of({"word", "char", "char_wb"})),
      param("lowercase", &P::lowercase),
      param("token_pattern", &P::token_pattern),
      param("stop_words", &P::stop_words, detail::valid_stop_words()),
      param("ngram_range", &P::ngram_range, detail::valid_ngram_range()),
      param("max_df", &P::max_df, valid_document_frequency()),
      param("min_df", &P::min_df, valid_document_frequency()),
      param("max_features", &P::max_features,
            ParamCheck<std::optional<std::int64_t>>([](const auto& value) {
              return !value || *value >= 1 ? std::string() : std::string("must be >= 1 or null");
            })),
      param("vocabulary", &P::vocabulary),
      param("binary", &P::binary),
  };
  return table;
}

namespace {

using detail::StorageIndex;
using Vocabulary =
    std::unordered_map<std::string, std::int32_t, detail::StringHash, std::equal_to<>>;

// One block of documents counted against the block's own vocabulary (ids in order of first
// appearance); blocks are merged into the sorted global vocabulary afterwards.
struct CountedBlock {
  Vocabulary vocabulary;
  detail::CsrRows rows;
};

double document_count(const Json& bound, std::size_t n_documents) {
  return bound.is_number_integer() ? static_cast<double>(bound.get<std::int64_t>())
                                   : bound.get<double>() * static_cast<double>(n_documents);
}

std::size_t block_count(std::size_t n_documents) {
  const std::size_t hardware = std::max(1u, std::thread::hardware_concurrency());
  return std::max<std::size_t>(1, std::min(hardware, n_documents / 2048));
}

}  // namespace

void CountVectorizer::set_vocabulary(std::vector<std::string> terms) {
  terms_ = std::move(terms);
  vocabulary_.clear();
  vocabulary_.reserve(terms_.size());
  for (std::size_t j = 0; j < terms_.size(); ++j) {
    if (!vocabulary_.emplace(terms_[j], static_cast<std::int32_t>(j)).second) {
      throw ParameterError(
          fmt::format("{}: duplicate term \"{}\" in vocabulary", describe(), terms_[j]));
    }
  }
}

SparseMatrix CountVectorizer::fit_transform_documents(
    const std::vector<std::string_view>& documents) {
  validate_params();
  fitted_ = false;
  if (documents.empty()) {
    throw DataError(fmt::format("{}: cannot fit on 0 documents", describe()));
  }
  if (params_.vocabulary) {
    if (params_.vocabulary->empty()) {
      throw ParameterError(fmt::format("{}: parameter vocabulary is empty", describe()));
    }
    set_vocabulary(*params_.vocabulary);
    fitted_ = true;
    return transform_documents(documents);
  }
  const std::size_t n_documents = documents.size();
  const double max_doc_count = document_count(params_.max_df, n_documents);
  const double min_doc_count = document_count(params_.min_df, n_documents);
  if (max_doc_count < min_doc_count) {
    throw ParameterError(
        fmt::format("{}: max_df = {} corresponds to fewer documents than min_df = {}", describe(),
                    params_.max_df.dump(), params_.min_df.dump()));
  }
  const detail::TextAnalyzer analyzer(
      detail::analyzer_options(describe(), params_.analyzer, params_.lowercase, params_.ngram_range,
                               params_.token_pattern, params_.stop_words));

  // 1. Count each block against its own vocabulary.
  const std::size_t n_blocks = block_count(n_documents);
  std::vector<CountedBlock> blocks(n_blocks);
  loom::detail::parallel_for(n_blocks, 1, [&](std::size_t begin, std::size_t end) {
    detail::TextAnalyzer local = analyzer;
    detail::Terms terms;
    std::vector<std::pair<StorageIndex, double>> entries;
    for (std::size_t block = begin; block < end; ++block) {
      CountedBlock& counted = blocks[block];
      const std::size_t first = n_documents * block / n_blocks;
      const std::size_t last = n_documents * (block + 1) / n_blocks;
      for (std::size_t row = first; row < last; ++row) {
        local.analyze(documents[row], terms);
        entries.clear();
        for (std::size_t t = 0; t < terms.size(); ++t) {
          const std::string_view term = terms[t];
          auto found = counted.vocabulary.find(term);
          if (found == counted.vocabulary.end()) {
            found = counted.vocabulary
                        .emplace(std::string(term),
                                 static_cast<std::int32_t>(counted.vocabulary.size()))
                        .first;
          }
          entries.emplace_back(found->second, 1.0);
        }
        counted.rows.add_row(entries);
      }
    }
  });

  // 2. The global vocabulary, sorted as Python sorts strings (code points = UTF-8 bytes).
  std::vector<std::string> all_terms;
  {
    Vocabulary seen;
    for (auto& block : blocks) {
      for (const auto& [term, id] : block.vocabulary) {
        if (seen.emplace(term, 0).second) all_terms.push_back(term);
      }
    }
  }
  if (all_terms.empty()) {
    throw DataError(fmt::format(
        "{}: empty vocabulary; perhaps the documents only contain stop words", describe()));
  }
  std::sort(all_terms.begin(), all_terms.end());
  Vocabulary sorted_ids;
  sorted_ids.reserve(all_terms.size());
  for (std::size_t j = 0; j < all_terms.size(); ++j)
    sorted_ids.emplace(all_terms[j], static_cast<std::int32_t>(j));
  std::vector<detail::CsrRows> rows(n_blocks);
  loom::detail::parallel_for(n_blocks, 1, [&](std::size_t begin, std::size_t end) {
    std::vector<std::pair<StorageIndex, double>> entries;
    for (std::size_t block = begin; block < end; ++block) {
      std::vector<StorageIndex> global(blocks[block].vocabulary.size());
      for (const auto& [term, id] : blocks[block].vocabulary)
        global[static_cast<std::size_t>(id)] = sorted_ids.find(term)->second;
      const detail::CsrRows& local = blocks[block].rows;
      std::int64_t start = 0;
      for (const std::int64_t row_end : local.row_ends) {
        entries.clear();
        for (std::int64_t k = start; k < row_end; ++k) {
          entries.emplace_back(global[static_cast<std::size_t>(local.indices[k])],
                               local.values[static_cast<std::size_t>(k)]);
        }
        rows[block].add_row(entries);
        start = row_end;
      }
    }
  });
  blocks.clear();
  SparseMatrix counts = detail::concatenate_rows(rows, static_cast<Eigen::Index>(all_terms.size()));
  rows.clear();
  if (params_.binary) std::fill(counts.valuePtr(), counts.valuePtr() + counts.nonZeros(), 1.0);

  // 3. Document-frequency bounds and max_features, as scikit-learn's _limit_features.
  const bool limit_df = !(params_.max_df.is_number_float() && params_.max_df.get<double>() == 1.0 &&
                          params_.min_df.is_number_integer() && params_.min_df.get<int>() <= 1);
  if (limit_df || params_.max_features) {
    const auto n_terms = static_cast<std::size_t>(counts.cols());
    std::vector<double> dfs(n_terms, 0.0), tfs(n_terms, 0.0);
    for (Eigen::Index k = 0; k < counts.nonZeros(); ++k) {
      const auto column = static_cast<std::size_t>(counts.innerIndexPtr()[k]);
      dfs[column] += 1.0;
      tfs[column] += counts.valuePtr()[k];
    }
    std::vector<std::size_t> kept;
    for (std::size_t j = 0; j < n_terms; ++j) {
      if (dfs[j] <= max_doc_count && dfs[j] >= min_doc_count) kept.push_back(j);
    }
    if (params_.max_features && kept.size() > static_cast<std::size_t>(*params_.max_features)) {
      // Most frequent first; on equal counts the earlier term (CLI.md), then column order.
      std::stable_sort(kept.begin(), kept.end(),
                       [&](std::size_t a, std::size_t b) { return tfs[a] > tfs[b]; });
      kept.resize(static_cast<std::size_t>(*params_.max_features));
      std::sort(kept.begin(), kept.end());
    }
    if (kept.empty()) {
      throw DataError(fmt::format(
          "{}: after pruning, no terms remain; try a lower min_df or a higher max_df", describe()));
    }
    if (kept.size() < n_terms) {
      std::vector<StorageIndex> new_index(n_terms, -1);
      std::vector<std::string> kept_terms;
      for (std::size_t k = 0; k < kept.size(); ++k) {
        new_index[kept[k]] = static_cast<StorageIndex>(k);
        kept_terms.push_back(std::move(all_terms[kept[k]]));
      }
      all_terms = std::move(kept_terms);
      // Columns keep their order, so each row's kept entries stay sorted.
      SparseMatrix pruned(counts.rows(), static_cast<Eigen::Index>(kept.size()));
      std::vector<Eigen::Index> row_sizes(static_cast<std::size_t>(counts.rows()), 0);
      Eigen::Index n_kept = 0;
      for (Eigen::Index row = 0; row < counts.outerSize(); ++row) {
        for (SparseMatrix::InnerIterator it(counts, row); it; ++it)
          if (new_index[static_cast<std::size_t>(it.col())] >= 0) ++n_kept;
      }
      pruned.resizeNonZeros(n_kept);
      Eigen::Index position = 0;
      pruned.outerIndexPtr()[0] = 0;
      for (Eigen::Index row = 0; row < counts.outerSize(); ++row) {
        for (SparseMatrix::InnerIterator it(counts, row); it; ++it) {
          const StorageIndex column = new_index[static_cast<std::size_t>(it.col())];
          if (column < 0) continue;
          pruned.innerIndexPtr()[position] = column;
          pruned.valuePtr()[position] = it.value();
          ++position;
        }
        pruned.outerIndexPtr()[row + 1] = static_cast<StorageIndex>(position);
      }
      counts = std::move(pruned);
    }
  }
  set_vocabulary(std::move(all_terms));
  fitted_ = true;
  return counts;
}

SparseMatrix CountVectorizer::transform_documents(
    const std::vector<std::string_view>& documents) const {
  require_fitted("transform");
  const detail::TextAnalyzer analyzer(
      detail::analyzer_options(describe(), params_.analyzer, params_.lowercase, params_.ngram_range,
                               params_.token_pattern, params_.stop_words));
  const std::size_t n_documents = documents.size();
  const std::size_t n_blocks = std::max<std::size_t>(1, (n_documents + 1023) / 1024);
  std::vector<detail::CsrRows> blocks(n_blocks);
  loom::detail::parallel_for(n_blocks, 4, [&](std::size_t begin, std::size_t end) {
    detail::TextAnalyzer local = analyzer;
    detail::Terms terms;
    std::vector<std::pair<StorageIndex, double>> entries;
    for (std::size_t block = begin; block < end; ++block) {
      const std::size_t first = n_documents * block / n_blocks;
      const std::size_t last = n_documents * (block + 1) / n_blocks;
      for (std::size_t row = first; row < last; ++row) {
        local.analyze(documents[row], terms);
        entries.clear();
        for (std::size_t t = 0; t < terms.size(); ++t) {
          const auto found = vocabulary_.find(terms[t]);
          if (found != vocabulary_.end()) entries.emplace_back(found->second, 1.0);
        }
        blocks[block].add_row(entries);
      }
    }
  });
  SparseMatrix counts = detail::concatenate_rows(blocks, static_cast<Eigen::Index>(terms_.size()));
  if (params_.binary) std::fill(counts.valuePtr(), counts.valuePtr() + counts.nonZeros(), 1.0);
  return counts;
}

void CountVectorizer::fit(const Table& x, const Column*) {
  fit_transform_documents(detail::documents_of(x, describe()));
}

Table CountVectorizer::fit_transform(const Table& x, const Column*) {
  SparseMatrix counts = fit_transform_documents(detail::documents_of(x, describe()));
  return FeatureMatrix(std::move(counts), terms_);
}

Table CountVectorizer::transform(const Table& x) const {
  require_fitted("transform");
  return FeatureMatrix(transform_documents(detail::documents_of(x, describe())), terms_);
}

std::vector<std::string> CountVectorizer::feature_names_out() const {
  require_fitted("feature_names_out");
  return terms_;
}

Json CountVectorizer::fitted_state() const {
  require_fitted("fitted_state");
  return {{"vocabulary", terms_}};
}

void CountVectorizer::load_fitted_state(const Json& saved) {
  set_vocabulary(state::to_strings(saved, "vocabulary"));
  fitted_ = true;
}

}  // namespace loom::features
