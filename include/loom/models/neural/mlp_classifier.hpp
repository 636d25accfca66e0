#pragma once
// Multi-layer perceptron classifier trained by mini-batch Adam or SGD over epochs: softmax
// output for several classes, logistic for two, log-loss with an L2 penalty, loss curve
// recorded, optional early stopping on a validation split (stratified for two classes, as
// scikit-learn). Dense input (sparse tables are densified).
// scikit-learn: sklearn.neural_network.MLPClassifier. Throws ParameterError for bad settings,
// DataError for NaN (naming the column), a missing or single-class target, NotFittedError.
#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

#include "loom/core/step.hpp"
#include "loom/models/neural/detail/mlp_core.hpp"
#include "loom/models/neural/mlp_params.hpp"

namespace loom::models {

using MLPClassifierParams = MLPParams;

class MLPClassifier : public StepWithParams<MLPClassifier, Predictor, MLPClassifierParams> {
 public:
  static constexpr std::string_view kTypeName = "MLPClassifier";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y) override;
  Column predict(const Table& x) const override;
  bool is_classifier() const override { return true; }
  bool has_predict_proba() const override { return true; }
  Eigen::MatrixXd predict_proba(const Table& x) const override;
  Column classes() const override;
  double score(const Table& x, const Column& y) const;  // accuracy

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  // scikit-learn's fitted attributes.
  const std::vector<Eigen::MatrixXd>& coefs() const { return training_.network.coefs; }
  const std::vector<Eigen::VectorXd>& intercepts() const { return training_.network.intercepts; }
  const std::vector<double>& loss_curve() const { return training_.loss_curve; }
  const std::vector<double>& validation_scores() const { return training_.validation_scores; }
  std::optional<double> best_loss() const { return training_.best_loss; }
  std::optional<double> best_validation_score() const { return training_.best_validation_score; }
  double loss() const { return training_.loss_curve.empty() ? 0.0 : training_.loss_curve.back(); }
  int n_iter() const { return training_.n_iter; }
  double t() const { return training_.t; }
  const std::string& out_activation() const { return training_.network.out_activation; }

 private:
  Eigen::MatrixXd output(const Table& x, std::string_view method) const;

  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Column classes_;
  detail::MlpTraining training_;
};

}  // namespace loom::models
