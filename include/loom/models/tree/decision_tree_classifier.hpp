#pragma once
// A CART classification tree grown depth first with exact best splits (gini or entropy),
// classes sorted as scikit-learn's classes_; predict_proba gives the leaf's class weights.
// scikit-learn: sklearn.tree.DecisionTreeClassifier. Throws ParameterError for bad
// parameters, DataError for NaN, non-numeric columns, a missing target or a single class,
// NotFittedError before fit.
#include <optional>
#include <string>
#include <vector>

#include "loom/core/step.hpp"
#include "loom/models/tree/detail/tree_structure.hpp"

namespace loom::models {

struct DecisionTreeClassifierParams {
  std::string criterion = "gini";  // "gini" | "entropy" | "log_loss"
  std::string splitter = "best";   // "best" only
  std::optional<int> max_depth = std::nullopt;
  Json min_samples_split = 2;  // int >= 2 or a fraction of the rows in (0, 1]
  Json min_samples_leaf = 1;   // int >= 1 or a fraction of the rows in (0, 1)
  double min_weight_fraction_leaf = 0.0;
  Json max_features = nullptr;  // null | "sqrt" | "log2" | int | fraction in (0, 1]
  std::optional<int> random_state = std::nullopt;
  double min_impurity_decrease = 0.0;
  std::optional<std::string> class_weight = std::nullopt;  // null | "balanced"
  static const ParamTable<DecisionTreeClassifierParams>& table();
};

class DecisionTreeClassifier
    : public StepWithParams<DecisionTreeClassifier, Predictor, DecisionTreeClassifierParams> {
 public:
  static constexpr std::string_view kTypeName = "DecisionTreeClassifier";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y) override;
  Column predict(const Table& x) const override;
  Eigen::MatrixXd predict_proba(const Table& x) const override;
  bool is_classifier() const override { return true; }
  bool has_predict_proba() const override { return true; }
  Column classes() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  // Impurity-based, normalised to sum 1, as scikit-learn's feature_importances_.
  const std::vector<double>& feature_importances() const { return feature_importances_; }
  const detail::TreeStructure& tree() const { return tree_; }
  int get_depth() const { return tree_.max_depth(); }
  std::size_t get_n_leaves() const { return tree_.n_leaves(); }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Column classes_;
  detail::TreeStructure tree_;
  std::vector<double> feature_importances_;
};

}  // namespace loom::models
