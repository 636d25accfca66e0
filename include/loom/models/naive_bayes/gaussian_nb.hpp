#pragma once
// Gaussian naive Bayes: per class, the prior, each feature's mean and variance (plus
// var_smoothing times the largest feature variance), and the joint log-likelihood under
// independent normals. scikit-learn: sklearn.naive_bayes.GaussianNB. Throws ParameterError
// for negative var_smoothing or priors that do not match the classes or sum to 1, DataError
// for NaN (naming the column), non-numeric columns or missing labels, NotFittedError.
#include <optional>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::models {

struct GaussianNBParams {
  std::optional<std::vector<double>> priors = std::nullopt;  // per sorted class; null: observed
  double var_smoothing = 1e-9;
  static const ParamTable<GaussianNBParams>& table();
};

class GaussianNB : public StepWithParams<GaussianNB, Predictor, GaussianNBParams> {
 public:
  static constexpr std::string_view kTypeName = "GaussianNB";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y) override;
  Column predict(const Table& x) const override;
  Eigen::MatrixXd predict_proba(const Table& x) const override;
  // log P(class) + log P(x | class) per row and class (before normalisation).
  Eigen::MatrixXd joint_log_likelihood(const Table& x) const;
  Eigen::MatrixXd predict_log_proba(const Table& x) const;
  double score(const Table& x, const Column& y) const;  // accuracy
  bool is_classifier() const override { return true; }
  bool has_predict_proba() const override { return true; }
  Column classes() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  const Eigen::MatrixXd& theta() const { return theta_; }  // classes x features: means
  const Eigen::MatrixXd& var() const { return var_; }      // classes x features: variances
  const Eigen::VectorXd& class_prior() const { return class_prior_; }
  const Eigen::VectorXd& class_count() const { return class_count_; }
  double epsilon() const { return epsilon_; }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Column classes_;
  Eigen::MatrixXd theta_, var_;
  Eigen::VectorXd class_prior_, class_count_;
  double epsilon_ = 0.0;
};

}  // namespace loom::models
