#include "naive_bayes_common.hpp"

#include <fmt/format.h>

#include <cmath>

#include "loom/core/error.hpp"

namespace loom::models::detail {

EncodedLabels training_labels(const Column* y, std::size_t n_rows, std::string_view caller) {
  if (y == nullptr) throw DataError(fmt::format("{}: fit needs a target (labels)", caller));
  if (y->size() != n_rows) {
    throw DataError(
        fmt::format("{}: {} rows of features but {} labels", caller, n_rows, y->size()));
  }
  return encode_labels(*y, caller);
}

Eigen::VectorXd given_priors(const std::vector<double>& priors, std::size_t n_classes,
                             std::string_view parameter, std::string_view caller) {
  if (priors.size() != n_classes) {
    throw ParameterError(fmt::format("{}: parameter {} has {} values for {} classes", caller,
                                     parameter, priors.size(), n_classes));
  }
  Eigen::VectorXd result(static_cast<Eigen::Index>(n_classes));
  double total = 0.0;
  for (std::size_t k = 0; k < n_classes; ++k) {
    if (!(priors[k] >= 0.0)) {
      throw ParameterError(fmt::format("{}: parameter {} must be non-negative, found {}", caller,
                                       parameter, priors[k]));
    }
    result(static_cast<Eigen::Index>(k)) = priors[k];
    total += priors[k];
  }
  // numpy.isclose(total, 1.0), as scikit-learn checks.
  if (std::abs(total - 1.0) > 1e-8 + 1e-5) {
    throw ParameterError(
        fmt::format("{}: parameter {} must sum to 1, sums to {}", caller, parameter, total));
  }
  return result;
}

Eigen::MatrixXd log_proba_from_jll(const Eigen::MatrixXd& jll) {
  const Eigen::VectorXd top = jll.rowwise().maxCoeff();
  Eigen::VectorXd log_sum =
      ((jll.colwise() - top).array().exp().rowwise().sum().log()).matrix() + top;
  return jll.colwise() - log_sum;
}

Column predict_from_jll(const Column& classes, const Eigen::MatrixXd& jll) {
  std::vector<int> indices(static_cast<std::size_t>(jll.rows()));
  for (Eigen::Index i = 0; i < jll.rows(); ++i) {
    Eigen::Index best = 0;
    for (Eigen::Index k = 1; k < jll.cols(); ++k) {
      if (jll(i, k) > jll(i, best)) best = k;
    }
    indices[static_cast<std::size_t>(i)] = static_cast<int>(best);
  }
  return decode_labels(classes, indices, classes.name());
}

double accuracy(const Column& predicted, const Column& y, std::string_view caller) {
  if (predicted.size() != y.size()) {
    throw DataError(
        fmt::format("{}: score got {} labels for {} rows", caller, y.size(), predicted.size()));
  }
  if (y.size() == 0) return 0.0;
  std::size_t correct = 0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (!y.is_missing(i) && y.value_string(i) == predicted.value_string(i)) ++correct;
  }
  return static_cast<double>(correct) / static_cast<double>(y.size());
}

}  // namespace loom::models::detail
