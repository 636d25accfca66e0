#pragma once
// Histogram gradient boosting: features binned into at most max_bins uint8 bins (quantile
// midpoints), trees grown leaf-wise on gradient / hessian histograms, missing values (NaN)
// sent at each split to the side learned at fit, native splits on categorical columns, early
// stopping on a validation split. HistGradientBoostingClassifier minimises the log loss
// (binary, or multinomial with one tree per class and iteration);
// HistGradientBoostingRegressor the squared error. scikit-learn:
// sklearn.ensemble.HistGradientBoostingClassifier / HistGradientBoostingRegressor. Throws
// ParameterError for bad parameters, DataError for text columns, undeclared categorical
// columns, bad categorical values or a bad target, NotFittedError before fit.
#include <optional>
#include <string>
#include <vector>

#include "loom/core/step.hpp"
#include "loom/models/ensemble/detail/hist_boosting.hpp"

namespace loom::models {

struct HistGradientBoostingParams {
  std::string loss = "log_loss";  // classifier: "log_loss"; regressor: "squared_error"
  double learning_rate = 0.1;
  int max_iter = 100;
  std::optional<int> max_leaf_nodes = 31;
  std::optional<int> max_depth = std::nullopt;
  int min_samples_leaf = 20;
  double l2_regularization = 0.0;
  int max_bins = 255;
  // null | "from_dtype" (a Dataset's categorical columns) | list of indices, names or booleans
  Json categorical_features = nullptr;
  Json early_stopping = "auto";                     // "auto" (on above 10,000 rows) | true | false
  std::string scoring = "loss";                     // "loss" only
  std::optional<double> validation_fraction = 0.1;  // null: score on the training data
  int n_iter_no_change = 10;
  double tol = 1e-7;
  std::optional<int> random_state = std::nullopt;
  std::optional<int> n_jobs = std::nullopt;  // loom's: threads (null: LOOM_NUM_THREADS / all)
  static const ParamTable<HistGradientBoostingParams>& table();
};

// The parameters of the regressor: the same, with loss "squared_error".
struct HistGradientBoostingRegressorParams : HistGradientBoostingParams {
  HistGradientBoostingRegressorParams() { loss = "squared_error"; }
  static const ParamTable<HistGradientBoostingRegressorParams>& table();
};

class HistGradientBoostingClassifier
    : public StepWithParams<HistGradientBoostingClassifier, Predictor, HistGradientBoostingParams> {
 public:
  static constexpr std::string_view kTypeName = "HistGradientBoostingClassifier";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y) override;
  Column predict(const Table& x) const override;
  Eigen::MatrixXd predict_proba(const Table& x) const override;
  // Raw scores: n x 1 (binary) or n x n_classes.
  Eigen::MatrixXd decision_function(const Table& x) const;
  bool is_classifier() const override { return true; }
  bool has_predict_proba() const override { return true; }
  Column classes() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  std::size_t n_iter() const { return model_.n_iter(); }
  const detail::HistBoosting& model() const { return model_; }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Column classes_;
  detail::HistBoosting model_;
};

class HistGradientBoostingRegressor
    : public StepWithParams<HistGradientBoostingRegressor, Predictor,
                            HistGradientBoostingRegressorParams> {
 public:
  static constexpr std::string_view kTypeName = "HistGradientBoostingRegressor";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y) override;
  Column predict(const Table& x) const override;
  bool is_classifier() const override { return false; }

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  std::size_t n_iter() const { return model_.n_iter(); }
  const detail::HistBoosting& model() const { return model_; }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  std::string target_name_;
  detail::HistBoosting model_;
};

}  // namespace loom::models
