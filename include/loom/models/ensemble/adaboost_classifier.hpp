#pragma once
// AdaBoost over decision stumps (depth-1 CART trees fitted on reweighted rows): "SAMME.R"
// (real, from the stumps' class probabilities; scikit-learn 1.2's default) or "SAMME"
// (discrete, weighted votes). scikit-learn: sklearn.ensemble.AdaBoostClassifier with its
// default estimator DecisionTreeClassifier(max_depth=1). Throws ParameterError for bad
// parameters, DataError for NaN, non-numeric columns or a single class, NotFittedError
// before fit.
#include <optional>
#include <string>
#include <vector>

#include "loom/core/step.hpp"
#include "loom/models/tree/detail/tree_structure.hpp"

namespace loom::models {

struct AdaBoostClassifierParams {
  int n_estimators = 50;
  double learning_rate = 1.0;
  std::string algorithm = "SAMME.R";  // "SAMME.R" | "SAMME"
  std::optional<int> random_state = std::nullopt;
  static const ParamTable<AdaBoostClassifierParams>& table();
};

class AdaBoostClassifier
    : public StepWithParams<AdaBoostClassifier, Predictor, AdaBoostClassifierParams> {
 public:
  static constexpr std::string_view kTypeName = "AdaBoostClassifier";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y) override;
  Column predict(const Table& x) const override;
  Eigen::MatrixXd predict_proba(const Table& x) const override;
  // scikit-learn's decision_function: n x 1 for two classes, n x n_classes otherwise.
  Eigen::MatrixXd decision_function(const Table& x) const;
  bool is_classifier() const override { return true; }
  bool has_predict_proba() const override { return true; }
  Column classes() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  const std::vector<double>& estimator_weights() const { return estimator_weights_; }
  const std::vector<double>& estimator_errors() const { return estimator_errors_; }
  const std::vector<double>& feature_importances() const { return feature_importances_; }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Column classes_;
  std::vector<detail::TreeStructure> trees_;
  std::vector<double> estimator_weights_, estimator_errors_;
  std::vector<double> feature_importances_;
};

}  // namespace loom::models
