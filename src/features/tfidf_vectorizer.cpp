#include "loom/features/tfidf_vectorizer.hpp"

#include "loom/core/json_state.hpp"
#include "loom/features/hashing_vectorizer.hpp"

namespace loom::features {

const ParamTable<TfidfVectorizerParams>& TfidfVectorizerParams::table() {
  using P = TfidfVectorizerParams;
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
      param("norm", &P::norm, valid_norm()),
      param("use_idf", &P::use_idf),
      param("smooth_idf", &P::smooth_idf),
      param("sublinear_tf", &P::sublinear_tf),
  };
  return table;
}

// The inner steps get this step's name, so their messages name it.
void TfidfVectorizer::configure() {
  validate_params();
  counter_.params() = {.analyzer = params_.analyzer,
                       .lowercase = params_.lowercase,
                       .token_pattern = params_.token_pattern,
                       .stop_words = params_.stop_words,
                       .ngram_range = params_.ngram_range,
                       .max_df = params_.max_df,
                       .min_df = params_.min_df,
                       .max_features = params_.max_features,
                       .vocabulary = params_.vocabulary,
                       .binary = params_.binary};
  tfidf_.params() = {.norm = params_.norm,
                     .use_idf = params_.use_idf,
                     .smooth_idf = params_.smooth_idf,
                     .sublinear_tf = params_.sublinear_tf};
  counter_.set_name(name());
  tfidf_.set_name(name());
}

SparseMatrix TfidfVectorizer::fit_transform_documents(
    const std::vector<std::string_view>& documents) {
  fitted_ = false;
  configure();
  SparseMatrix counts = counter_.fit_transform_documents(documents);
  tfidf_.fit_counts(counts);
  fitted_ = true;
  return tfidf_.transform_counts(std::move(counts));
}

SparseMatrix TfidfVectorizer::transform_documents(
    const std::vector<std::string_view>& documents) const {
  require_fitted("transform");
  return tfidf_.transform_counts(counter_.transform_documents(documents));
}

void TfidfVectorizer::fit(const Table& x, const Column*) {
  fit_transform_documents(detail::documents_of(x, describe()));
}

Table TfidfVectorizer::fit_transform(const Table& x, const Column*) {
  SparseMatrix values = fit_transform_documents(detail::documents_of(x, describe()));
  return FeatureMatrix(std::move(values), counter_.feature_names_out());
}

Table TfidfVectorizer::transform(const Table& x) const {
  require_fitted("transform");
  return FeatureMatrix(transform_documents(detail::documents_of(x, describe())),
                       counter_.feature_names_out());
}

std::vector<std::string> TfidfVectorizer::feature_names_out() const {
  require_fitted("feature_names_out");
  return counter_.feature_names_out();
}

Json TfidfVectorizer::fitted_state() const {
  require_fitted("fitted_state");
  return {{"vocabulary", counter_.feature_names_out()}, {"idf", state::from_vector(idf())}};
}

void TfidfVectorizer::load_fitted_state(const Json& saved) {
  configure();
  const auto terms = state::to_strings(saved, "vocabulary");
  counter_.load_fitted_state({{"vocabulary", terms}});
  tfidf_.load_fitted_state({{"feature_names_in", terms},
                            {"n_features", terms.size()},
                            {"idf", state::field(saved, "idf")}});
  fitted_ = true;
}

}  // namespace loom::features
