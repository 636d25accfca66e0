#pragma once
// Linear support vector classifier: minimises ||w||^2 / 2 + C sum (squared) hinge losses by
// liblinear's dual coordinate descent (random order, shrinking), the intercept being the
// weight of an extra feature of value intercept_scaling; more than two classes are fitted
// one against the rest. scikit-learn: sklearn.svm.LinearSVC (dual=True). Throws
// ParameterError for C <= 0 or an unknown loss, DataError for NaN (naming the column),
// missing labels or a single class, NotFittedError before fit.
#include <optional>
#include <string>

#include "loom/models/linear/detail/linear_classifier.hpp"

namespace loom::models {

struct LinearSVCParams {
  double C = 1.0;
  std::string loss = "squared_hinge";  // squared_hinge | hinge
  double tol = 1e-4;
  bool fit_intercept = true;
  double intercept_scaling = 1.0;
  int max_iter = 1000;
  std::optional<int> random_state = std::nullopt;  // order of the coordinates; null: system seed
  static const ParamTable<LinearSVCParams>& table();
};

class LinearSVC : public detail::LinearClassifierBase<LinearSVC, LinearSVCParams> {
 public:
  static constexpr std::string_view kTypeName = "LinearSVC";
  using LinearClassifierBase::LinearClassifierBase;

  void fit(const Table& x, const Column* y) override;
};

}  // namespace loom::models
