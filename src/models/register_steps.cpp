// The built-in steps of loom::models (classifiers, regressors, clusterers).
#include "../pipeline/builtin_steps.hpp"
#include "loom/models/linear/elastic_net.hpp"
#include "loom/models/linear/lasso.hpp"
#include "loom/models/linear/linear_regression.hpp"
#include "loom/models/linear/linear_svc.hpp"
#include "loom/models/linear/logistic_regression.hpp"
#include "loom/models/linear/ridge.hpp"
#include "loom/models/linear/sgd_classifier.hpp"
#include "loom/models/linear/sgd_regressor.hpp"
#include "loom/models/naive_bayes/gaussian_nb.hpp"
#include "loom/models/naive_bayes/multinomial_nb.hpp"
#include "loom/models/neighbors/kneighbors_classifier.hpp"
#include "loom/models/neighbors/kneighbors_regressor.hpp"

// Clustering.
#include "loom/models/cluster/dbscan.hpp"
#include "loom/models/cluster/kmeans.hpp"
#include "loom/models/cluster/mini_batch_kmeans.hpp"

namespace loom::detail {

void register_model_steps(Registry& registry) {
  // Linear models, naive Bayes, neighbours.
  registry.add<models::LogisticRegression>();
  registry.add<models::LinearRegression>();
  registry.add<models::Ridge>();
  registry.add<models::Lasso>();
  registry.add<models::ElasticNet>();
  registry.add<models::SGDClassifier>();
  registry.add<models::SGDRegressor>();
  registry.add<models::LinearSVC>();
  registry.add<models::GaussianNB>();
  registry.add<models::MultinomialNB>();
  registry.add<models::KNeighborsClassifier>();
  registry.add<models::KNeighborsRegressor>();

  // Clustering.
  registry.add<models::KMeans>();
  registry.add<models::MiniBatchKMeans>();
  registry.add<models::DBSCAN>();
}

}  // namespace loom::detail
