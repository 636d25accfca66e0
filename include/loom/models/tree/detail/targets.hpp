#pragma once
// Target checks shared by the tree models: class labels for classifiers (at least two
// classes), numeric values for regressors; DataError naming the caller otherwise. Internal.
#include <string_view>
#include <vector>

#include "loom/core/labels.hpp"
#include "loom/core/table.hpp"

namespace loom::models::detail {

EncodedLabels classification_target(const Table& x, const Column* y, std::string_view caller);
std::vector<double> regression_target(const Table& x, const Column* y, std::string_view caller);
// Class probabilities per row from per-class weights (rows summing to 1).
void normalise_rows(Eigen::MatrixXd& weights);
// Index of the largest entry of each row (the first on ties, as numpy's argmax).
std::vector<int> argmax_rows(const Eigen::MatrixXd& scores);

}  // namespace loom::models::detail
