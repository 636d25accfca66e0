// The built-in feature-extraction steps of loom::features (hashing, text vectorisers,
// decomposition, selection).
#include "../pipeline/builtin_steps.hpp"
#include "loom/features/correlation_filter.hpp"
#include "loom/features/count_vectorizer.hpp"
#include "loom/features/feature_hasher.hpp"
#include "loom/features/hashing_vectorizer.hpp"
#include "loom/features/pca.hpp"
#include "loom/features/select_k_best.hpp"
#include "loom/features/select_percentile.hpp"
#include "loom/features/tfidf_transformer.hpp"
#include "loom/features/tfidf_vectorizer.hpp"
#include "loom/features/truncated_svd.hpp"
#include "loom/features/variance_threshold.hpp"

namespace loom::detail {

void register_feature_extraction_steps(Registry& registry) {
  registry.add<features::FeatureHasher>();
  registry.add<features::HashingVectorizer>();
  registry.add<features::CountVectorizer>();
  registry.add<features::TfidfTransformer>();
  registry.add<features::TfidfVectorizer>();
  registry.add<features::PCA>();
  registry.add<features::TruncatedSVD>();
  registry.add<features::VarianceThreshold>();
  registry.add<features::CorrelationFilter>();
  registry.add<features::SelectKBest>();
  registry.add<features::SelectPercentile>();
}

}  // namespace loom::detail
