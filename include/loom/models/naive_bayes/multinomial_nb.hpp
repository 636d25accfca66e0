#pragma once
// Multinomial naive Bayes for counts (word counts, one-hot features): per class, smoothed
// feature log-probabilities (count + alpha over the class total + alpha n_features) and the
// class log-prior. Dense or sparse input. scikit-learn: sklearn.naive_bayes.MultinomialNB.
// Throws ParameterError for alpha < 0 or class_prior not matching the classes, DataError for
// negative or missing values (naming the column), NotFittedError before fit.
#include <optional>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::models {

struct MultinomialNBParams {
  double alpha = 1.0;  // additive (Laplace / Lidstone) smoothing, >= 0
  bool fit_prior = true;
  std::optional<std::vector<double>> class_prior = std::nullopt;
  static const ParamTable<MultinomialNBParams>& table();
};

class MultinomialNB : public StepWithParams<MultinomialNB, Predictor, MultinomialNBParams> {
 public:
  static constexpr std::string_view kTypeName = "MultinomialNB";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y) override;
  Column predict(const Table& x) const override;
  Eigen::MatrixXd predict_proba(const Table& x) const override;
  Eigen::MatrixXd joint_log_likelihood(const Table& x) const;
  Eigen::MatrixXd predict_log_proba(const Table& x) const;
  double score(const Table& x, const Column& y) const;  // accuracy
  bool is_classifier() const override { return true; }
  bool has_predict_proba() const override { return true; }
  Column classes() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  const Eigen::MatrixXd& feature_log_prob() const { return feature_log_prob_; }
  const Eigen::VectorXd& class_log_prior() const { return class_log_prior_; }
  const Eigen::MatrixXd& feature_count() const { return feature_count_; }
  const Eigen::VectorXd& class_count() const { return class_count_; }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Column classes_;
  Eigen::MatrixXd feature_count_, feature_log_prob_;
  Eigen::VectorXd class_count_, class_log_prior_;
};

}  // namespace loom::models
