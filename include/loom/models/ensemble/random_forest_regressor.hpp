#pragma once
// A random forest of CART regression trees (squared error), each grown on a bootstrap sample,
// on n_jobs threads; predict averages the trees. scikit-learn:
// sklearn.ensemble.RandomForestRegressor. Throws ParameterError for bad parameters,
// DataError for NaN, non-numeric columns or a non-numeric target, NotFittedError before fit.
#include <optional>
#include <string>
#include <vector>

#include "loom/core/step.hpp"
#include "loom/models/tree/detail/tree_structure.hpp"

namespace loom::models {

struct RandomForestRegressorParams {
  int n_estimators = 100;
  std::string criterion = "squared_error";  // "squared_error" only
  std::optional<int> max_depth = std::nullopt;
  Json min_samples_split = 2;
  Json min_samples_leaf = 1;
  double min_weight_fraction_leaf = 0.0;
  Json max_features = 1.0;  // null | "sqrt" | "log2" | int | fraction in (0, 1]
  double min_impurity_decrease = 0.0;
  bool bootstrap = true;
  bool oob_score = false;  // out-of-bag R2 in oob_score() (needs bootstrap)
  std::optional<int> n_jobs = std::nullopt;
  std::optional<int> random_state = std::nullopt;
  Json max_samples = nullptr;
  static const ParamTable<RandomForestRegressorParams>& table();
};

class RandomForestRegressor
    : public StepWithParams<RandomForestRegressor, Predictor, RandomForestRegressorParams> {
 public:
  static constexpr std::string_view kTypeName = "RandomForestRegressor";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y) override;
  Column predict(const Table& x) const override;
  bool is_classifier() const override { return false; }

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  const std::vector<double>& feature_importances() const { return feature_importances_; }
  const std::vector<detail::TreeStructure>& estimators() const { return trees_; }
  double oob_score() const { return oob_score_; }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  std::string target_name_;
  std::vector<detail::TreeStructure> trees_;
  std::vector<double> feature_importances_;
  double oob_score_ = 0.0;
};

}  // namespace loom::models
