#pragma once
// Cross-entropy of predicted probabilities (scikit-learn 1.2's log_loss): probabilities are
// clipped to [eps, 1 - eps] with eps = double's machine epsilon, each row renormalised to sum
// 1, and the mean of -log p(true class) returned.
#include <Eigen/Core>
#include <span>
#include <string>

namespace loom::metrics {

// probabilities: n x k, column j = probability of classes[j] (a model's classes_ order; a
// single column is read as the probability of the larger of two classes). classes empty: the
// sorted labels of y_true. Throws DataError on mismatched sizes, a non-finite probability, a
// y_true label outside classes or fewer than two classes; ParameterError on a repeated class.
double log_loss(std::span<const std::string> y_true, const Eigen::MatrixXd& probabilities,
                std::span<const std::string> classes = {});

// Binary form: positive_probability[i] = probability of the larger of the two classes.
double log_loss(std::span<const std::string> y_true, std::span<const double> positive_probability,
                std::span<const std::string> classes = {});

}  // namespace loom::metrics
