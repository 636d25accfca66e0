#include "loom/models/linear/detail/linear_classifier.hpp"

#include <fmt/format.h>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/core/labels.hpp"

namespace loom::models::detail {

Eigen::MatrixXd LinearClassifierState::decision(const Table& x, std::string_view caller) const {
  require_same_columns(x, feature_names_in, caller);
  Eigen::MatrixXd result;
  if (x.is_sparse()) {
    result = x.matrix().sparse() * coef.transpose();
  } else if (!x.is_dataset()) {
    result.noalias() = x.matrix().dense() * coef.transpose();
  } else {
    result.noalias() = x.to_dense(caller) * coef.transpose();
  }
  result.rowwise() += intercept.transpose();
  if (result.hasNaN()) x.require_no_missing(caller);
  return result;
}

Column LinearClassifierState::predict(const Table& x, std::string_view caller) const {
  const Eigen::MatrixXd scores = decision(x, caller);
  std::vector<int> indices(static_cast<std::size_t>(scores.rows()));
  for (Eigen::Index i = 0; i < scores.rows(); ++i) {
    if (scores.cols() == 1) {
      indices[static_cast<std::size_t>(i)] = scores(i, 0) > 0 ? 1 : 0;
    } else {
      Eigen::Index best = 0;
      for (Eigen::Index k = 1; k < scores.cols(); ++k) {
        if (scores(i, k) > scores(i, best)) best = k;
      }
      indices[static_cast<std::size_t>(i)] = static_cast<int>(best);
    }
  }
  return decode_labels(classes, indices, classes.name());
}

Json LinearClassifierState::to_json() const {
  return {{"feature_names_in", feature_names_in},
          {"classes", state::from_column(classes)},
          {"coef", state::from_matrix(coef)},
          {"intercept", state::from_vector(intercept)},
          {"n_iter", n_iter}};
}

void LinearClassifierState::from_json(const Json& saved, std::string_view caller) {
  feature_names_in = state::to_strings(saved, "feature_names_in");
  classes = state::to_column(saved, "classes");
  coef = state::to_matrix(saved, "coef");
  intercept = state::to_eigen_vector(saved, "intercept");
  const auto rows = classes.size() == 2 ? 1 : static_cast<Eigen::Index>(classes.size());
  if (classes.size() < 2 || coef.rows() != rows || intercept.size() != rows ||
      coef.cols() != static_cast<Eigen::Index>(feature_names_in.size())) {
    throw ParseError(fmt::format("{}: saved coefficients do not match {} classes and {} features",
                                 caller, classes.size(), feature_names_in.size()));
  }
  n_iter = saved.value("n_iter", 0);
  fitted = true;
}

double accuracy_of(const Column& predicted, const Column& y, std::string_view caller) {
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
