#pragma once
// What KNeighborsClassifier and KNeighborsRegressor share: parameter checks, building the
// exact index over the training rows, the neighbours of queries and their vote weights.
#include <Eigen/Core>
#include <memory>
#include <string_view>
#include <vector>

#include "loom/clean/nearest_neighbors.hpp"
#include "loom/models/neighbors/kneighbors_classifier.hpp"

namespace loom::models::detail {

// metric / p / weights combinations beyond the table's checks; ParameterError otherwise.
void check_neighbors_params(const KNeighborsParams& params, std::string_view caller);
std::shared_ptr<const clean::NearestNeighbors> build_index(const Eigen::MatrixXd& points,
                                                           const KNeighborsParams& params,
                                                           std::string_view caller);
// The n_neighbors nearest training rows of each row of x (checked against the fitted names).
clean::NeighborsResult query_neighbors(const clean::NearestNeighbors& index, const Table& x,
                                       const std::vector<std::string>& feature_names,
                                       const KNeighborsParams& params, std::string_view caller);
// Weights of each neighbour (queries x k): ones ("uniform"), or 1 / distance ("distance"),
// where a row with an exact match gives weight 1 to the exact matches and 0 to the others.
Eigen::MatrixXd neighbor_weights(const clean::NeighborsResult& neighbors, bool by_distance);

}  // namespace loom::models::detail
