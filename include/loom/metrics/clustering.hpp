#pragma once
// Clustering metrics, as sklearn.metrics: the silhouette coefficient (Euclidean) and the
// adjusted Rand index. Throw DataError on empty inputs, inputs of different lengths, NaN
// features, and (silhouette) a label count outside 2 .. n_samples - 1.
#include <Eigen/Core>
#include <span>
#include <string>

namespace loom::metrics {

// Per row (b - a) / max(a, b), a the mean distance to the other rows of its cluster, b the
// smallest mean distance to another cluster's rows; 0 for a row alone in its cluster
// (silhouette_samples). Distances as scikit-learn's euclidean_distances.
Eigen::VectorXd silhouette_samples(const Eigen::Ref<const Eigen::MatrixXd>& x,
                                   std::span<const int> labels);
// The mean of silhouette_samples (silhouette_score). Any integer is a label, -1 included.
double silhouette_score(const Eigen::Ref<const Eigen::MatrixXd>& x, std::span<const int> labels);

// The Rand index adjusted for chance (adjusted_rand_score): 1 for identical partitions up
// to renaming, about 0 for independent ones.
double adjusted_rand_score(std::span<const int> labels_true, std::span<const int> labels_pred);
double adjusted_rand_score(std::span<const std::string> labels_true,
                           std::span<const std::string> labels_pred);

}  // namespace loom::metrics
