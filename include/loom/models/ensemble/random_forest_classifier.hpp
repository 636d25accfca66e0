#pragma once
// A random forest of CART classification trees, each grown on a bootstrap sample with
// max_features features drawn per node, on n_jobs threads; predict_proba averages the trees'
// leaf probabilities. scikit-learn: sklearn.ensemble.RandomForestClassifier. Throws
// ParameterError for bad parameters, DataError for NaN, non-numeric columns or a single
// class, NotFittedError before fit.
#include <optional>
#include <string>
#include <vector>

#include "loom/core/step.hpp"
#include "loom/models/tree/detail/tree_structure.hpp"

namespace loom::models {

struct RandomForestClassifierParams {
  int n_estimators = 100;
  std::string criterion = "gini";  // "gini" | "entropy" | "log_loss"
  std::optional<int> max_depth = std::nullopt;
  Json min_samples_split = 2;
  Json min_samples_leaf = 1;
  double min_weight_fraction_leaf = 0.0;
  Json max_features = "sqrt";  // null | "sqrt" | "log2" | int | fraction in (0, 1]
  double min_impurity_decrease = 0.0;
  bool bootstrap = true;
  bool oob_score = false;                    // out-of-bag accuracy in oob_score() (needs bootstrap)
  std::optional<int> n_jobs = std::nullopt;  // null: LOOM_NUM_THREADS or every core
  std::optional<int> random_state = std::nullopt;
  // null | "balanced" | "balanced_subsample"
  std::optional<std::string> class_weight = std::nullopt;
  Json max_samples = nullptr;  // null | int | fraction in (0, 1]: bootstrap draws per tree
  static const ParamTable<RandomForestClassifierParams>& table();
};

class RandomForestClassifier
    : public StepWithParams<RandomForestClassifier, Predictor, RandomForestClassifierParams> {
 public:
  static constexpr std::string_view kTypeName = "RandomForestClassifier";
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

  const std::vector<double>& feature_importances() const { return feature_importances_; }
  const std::vector<detail::TreeStructure>& estimators() const { return trees_; }
  // Out-of-bag accuracy (NaN unless fitted with oob_score).
  double oob_score() const { return oob_score_; }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Column classes_;
  std::vector<detail::TreeStructure> trees_;
  std::vector<double> feature_importances_;
  double oob_score_ = 0.0;
};

}  // namespace loom::models
