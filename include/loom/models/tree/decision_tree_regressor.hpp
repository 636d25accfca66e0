#pragma once
// A CART regression tree (squared error) grown depth first with exact best splits; predict
// gives the leaf's mean. scikit-learn: sklearn.tree.DecisionTreeRegressor. Throws
// ParameterError for bad parameters, DataError for NaN, non-numeric columns or a missing or
// non-numeric target, NotFittedError before fit.
#include <optional>
#include <string>
#include <vector>

#include "loom/core/step.hpp"
#include "loom/models/tree/detail/tree_structure.hpp"

namespace loom::models {

struct DecisionTreeRegressorParams {
  std::string criterion = "squared_error";  // "squared_error" only
  std::string splitter = "best";            // "best" only
  std::optional<int> max_depth = std::nullopt;
  Json min_samples_split = 2;  // int >= 2 or a fraction of the rows in (0, 1]
  Json min_samples_leaf = 1;   // int >= 1 or a fraction of the rows in (0, 1)
  double min_weight_fraction_leaf = 0.0;
  Json max_features = nullptr;  // null | "sqrt" | "log2" | int | fraction in (0, 1]
  std::optional<int> random_state = std::nullopt;
  double min_impurity_decrease = 0.0;
  static const ParamTable<DecisionTreeRegressorParams>& table();
};

class DecisionTreeRegressor
    : public StepWithParams<DecisionTreeRegressor, Predictor, DecisionTreeRegressorParams> {
 public:
  static constexpr std::string_view kTypeName = "DecisionTreeRegressor";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y) override;
  Column predict(const Table& x) const override;
  bool is_classifier() const override { return false; }

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  const std::vector<double>& feature_importances() const { return feature_importances_; }
  const detail::TreeStructure& tree() const { return tree_; }
  int get_depth() const { return tree_.max_depth(); }
  std::size_t get_n_leaves() const { return tree_.n_leaves(); }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  std::string target_name_;
  detail::TreeStructure tree_;
  std::vector<double> feature_importances_;
};

}  // namespace loom::models
