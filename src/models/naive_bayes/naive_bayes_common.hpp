#pragma once
// What the naive Bayes classifiers share: training labels, and predictions, probabilities and
// accuracy from a joint log-likelihood (rows x classes).
#include <Eigen/Core>
#include <optional>
#include <string_view>
#include <vector>

#include "loom/core/labels.hpp"
#include "loom/core/table.hpp"

namespace loom::models::detail {

// Encodes y (one label per row of x; DataError when missing or of the wrong length).
EncodedLabels training_labels(const Column* y, std::size_t n_rows, std::string_view caller);
// Class log-priors given by the user: one per class, non-negative, summing to 1.
Eigen::VectorXd given_priors(const std::vector<double>& priors, std::size_t n_classes,
                             std::string_view parameter, std::string_view caller);
// Log-probabilities: each row of jll minus its log-sum-exp.
Eigen::MatrixXd log_proba_from_jll(const Eigen::MatrixXd& jll);
// The best class per row (the first, i.e. smallest, on ties).
Column predict_from_jll(const Column& classes, const Eigen::MatrixXd& jll);
// Share of rows where predicted equals y, compared as written.
double accuracy(const Column& predicted, const Column& y, std::string_view caller);

}  // namespace loom::models::detail
