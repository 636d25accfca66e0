// The built-in steps of loom::models (classifiers, regressors, clusterers).
#include "../pipeline/builtin_steps.hpp"
#include "loom/models/linear/logistic_regression.hpp"

// Clustering and association rules (helper "cluster").
#include "loom/models/cluster/dbscan.hpp"
#include "loom/models/cluster/kmeans.hpp"
#include "loom/models/cluster/mini_batch_kmeans.hpp"

namespace loom::detail {

void register_model_steps(Registry& registry) {
  registry.add<models::LogisticRegression>();

  // Clustering (helper "cluster").
  registry.add<models::KMeans>();
  registry.add<models::MiniBatchKMeans>();
  registry.add<models::DBSCAN>();
}

}  // namespace loom::detail
