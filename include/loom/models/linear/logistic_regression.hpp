#pragma once
// Logistic regression: binary (one coefficient row) or multinomial (one row per class),
// minimising the summed log-loss plus ||coef||^2 / (2 C) (penalty "l2"), ||coef||_1 / C
// ("l1") or their l1_ratio mix ("elasticnet"), solved to the exact optimum. Solvers "lbfgs"
// and "saga" leave the intercept unpenalised; "liblinear" penalises it as a feature of value
// intercept_scaling and fits one-vs-rest, as scikit-learn's. scikit-learn:
// sklearn.linear_model.LogisticRegression. Throws ParameterError for C <= 0 or a penalty the
// solver lacks, DataError for NaN, non-numeric columns, missing labels or a single class,
// NotFittedError before fit.
#include <optional>
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::models {

struct LogisticRegressionParams {
  double C = 1.0;  // inverse regularisation strength, > 0
  // "l2" | "l1" | "elasticnet" | "none" (null means "none")
  std::optional<std::string> penalty = "l2";
  bool fit_intercept = true;
  int max_iter = 100;
  double tol = 1e-4;
  std::optional<std::string> class_weight = std::nullopt;  // null | "balanced"
  std::string solver = "lbfgs";                            // "lbfgs" | "saga" | "liblinear"
  std::optional<double> l1_ratio = std::nullopt;           // elasticnet only: share of the L1 term
  double intercept_scaling = 1.0;                          // liblinear only
  static const ParamTable<LogisticRegressionParams>& table();
};

class LogisticRegression
    : public StepWithParams<LogisticRegression, Predictor, LogisticRegressionParams> {
 public:
  static constexpr std::string_view kTypeName = "LogisticRegression";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y) override;
  Column predict(const Table& x) const override;
  Eigen::MatrixXd predict_proba(const Table& x) const override;
  // Per-row scores before the link: n x 1 (binary) or n x n_classes.
  Eigen::MatrixXd decision_function(const Table& x) const;
  bool is_classifier() const override { return true; }
  bool has_predict_proba() const override { return true; }
  Column classes() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  const Eigen::MatrixXd& coef() const { return coef_; }            // rows x n_features
  const Eigen::VectorXd& intercept() const { return intercept_; }  // rows
  int n_iter() const { return n_iter_; }
  // Accuracy of predict against y, as scikit-learn's ClassifierMixin.score.
  double score(const Table& x, const Column& y) const;
  // |coef_| (summed over classes when there are several rows): feature importances.
  Eigen::VectorXd feature_importances() const;

 private:
  // decision_function, or predict_proba when probabilities is true.
  Eigen::MatrixXd scores(const Table& x, bool probabilities) const;
  // The solver / penalty combinations scikit-learn accepts; ParameterError otherwise.
  void check_solver() const;

  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Column classes_;
  Eigen::MatrixXd coef_;
  Eigen::VectorXd intercept_;
  int n_iter_ = 0;
  bool one_vs_rest_ = false;  // liblinear on more than two classes
};

}  // namespace loom::models
