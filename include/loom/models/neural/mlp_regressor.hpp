#pragma once
// Multi-layer perceptron regressor trained by mini-batch Adam or SGD over epochs: identity
// output, squared loss with an L2 penalty, loss curve recorded, optional early stopping on a
// validation split scored by R^2.
// scikit-learn: sklearn.neural_network.MLPRegressor. Throws ParameterError for bad settings,
// DataError for NaN (naming the column), a missing or non-numeric target, NotFittedError.
#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

#include "loom/core/step.hpp"
#include "loom/models/neural/detail/mlp_core.hpp"
#include "loom/models/neural/mlp_params.hpp"

namespace loom::models {

using MLPRegressorParams = MLPParams;

class MLPRegressor : public StepWithParams<MLPRegressor, Predictor, MLPRegressorParams> {
 public:
  static constexpr std::string_view kTypeName = "MLPRegressor";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y) override;
  Column predict(const Table& x) const override;
  bool is_classifier() const override { return false; }
  double score(const Table& x, const Column& y) const;  // R^2

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

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  std::string target_name_;
  detail::MlpTraining training_;
};

}  // namespace loom::models
