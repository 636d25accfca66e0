#pragma once
// The pieces KMeans and MiniBatchKMeans share: scikit-learn's tolerance scaling, k-means++
// and random seeding, the threaded assignment step and Lloyd iterations. Internal to loom.
#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <random>
#include <string_view>
#include <vector>

#include "loom/core/params.hpp"
#include "loom/core/table.hpp"

namespace loom::models::detail {

// Rows stored contiguously: each row's features are summed into its centre in one sweep.
using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// The numeric input of a clusterer, row-major: DataError for empty input, non-numeric
// columns or NaN, naming the caller and the column.
RowMatrix clustering_input(const Table& x, std::string_view caller);
// The engine for random_state: seeded by it, or from std::random_device when null.
std::mt19937_64 make_random(const std::optional<int>& random_state);
// n_init as given ("auto": 1 for k-means++, else auto_runs); the caller validated it.
int resolve_n_init(const Json& n_init, const std::string& init, int auto_runs);
// The check of n_init parameters: an integer >= 1 or "auto".
std::string check_n_init(const Json& value);

// The "labels" field of a saved clusterer: integers in [lowest, n_clusters); ParseError else.
std::vector<int> saved_labels(const Json& state, Eigen::Index n_clusters, std::string_view owner,
                              int lowest = 0);

// tol scaled by the mean of the features' variances (ddof 0), as sklearn's _tolerance.
double kmeans_tolerance(const RowMatrix& x, double tol);

// scikit-learn's greedy k-means++: the first centre uniformly, then for each next centre
// 2 + floor(log k) candidates drawn in proportion to the squared distance to the nearest
// chosen centre, keeping the candidate that lowers the potential most.
RowMatrix kmeans_plusplus(const RowMatrix& x, int n_clusters, std::mt19937_64& random);
// n_clusters distinct rows chosen uniformly (the first of a random permutation).
RowMatrix random_centers(const RowMatrix& x, int n_clusters, std::mt19937_64& random);

// Uniform double in [0, 1) and uniform integer in [0, n), from the engine's bits only, so that
// results do not depend on the standard library's distributions.
double uniform01(std::mt19937_64& random);
std::int64_t uniform_index(std::mt19937_64& random, std::int64_t n);

// Nearest centre of each row (the first on ties), with ||c||^2 - 2 x.c as scikit-learn.
// Rows are processed in blocks spread over threads; the result does not depend on them.
std::vector<int> nearest_centers(const RowMatrix& x, const RowMatrix& centers);
// Sum of squared distances of rows to their centres, summed in row-block order.
double kmeans_inertia(const RowMatrix& x, const RowMatrix& centers, const std::vector<int>& labels);

struct LloydResult {
  RowMatrix centers;
  std::vector<int> labels;
  double inertia = 0.0;
  int n_iter = 0;
};

// Lloyd iterations from the given centres until the labels stop changing or the squared
// centre shift is at most tol (already scaled), at most max_iter times; empty clusters take
// the rows farthest from their centres, as scikit-learn. The labels returned match the
// returned centres.
LloydResult lloyd(const RowMatrix& x, RowMatrix centers, int max_iter, double tol);

}  // namespace loom::models::detail
