#pragma once
// What the linear classifiers fitted one-vs-rest or binary (SGDClassifier, LinearSVC) share:
// coef_ (one row for two classes, else one per class), intercept_, classes_, the decision
// function and predict (binary: positive score means classes_[1]; else the best score, the
// first on ties), accuracy score and saved state.
#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::models::detail {

struct LinearClassifierState {
  bool fitted = false;
  std::vector<std::string> feature_names_in;
  Column classes;
  Eigen::MatrixXd coef;       // rows x features
  Eigen::VectorXd intercept;  // rows
  int n_iter = 0;

  Eigen::MatrixXd decision(const Table& x, std::string_view caller) const;
  Column predict(const Table& x, std::string_view caller) const;
  Json to_json() const;
  void from_json(const Json& state, std::string_view caller);
};

// Accuracy of predicted against y, labels compared as written.
double accuracy_of(const Column& predicted, const Column& y, std::string_view caller);

template <class Derived, class Params>
class LinearClassifierBase : public StepWithParams<Derived, Predictor, Params> {
 public:
  using StepWithParams<Derived, Predictor, Params>::StepWithParams;

  Column predict(const Table& x) const override {
    this->require_fitted("predict");
    return state_.predict(x, this->describe());
  }
  // Per-row scores: n x 1 (binary) or n x n_classes.
  Eigen::MatrixXd decision_function(const Table& x) const {
    this->require_fitted("decision_function");
    return state_.decision(x, this->describe());
  }
  double score(const Table& x, const Column& y) const {
    return accuracy_of(predict(x), y, this->describe());
  }
  bool is_classifier() const override { return true; }
  Column classes() const override {
    this->require_fitted("classes");
    return state_.classes;
  }
  bool is_fitted() const override { return state_.fitted; }
  Json fitted_state() const override {
    this->require_fitted("fitted_state");
    return state_.to_json();
  }
  void load_fitted_state(const Json& saved) override { state_.from_json(saved, this->describe()); }

  const Eigen::MatrixXd& coef() const { return state_.coef; }
  const Eigen::VectorXd& intercept() const { return state_.intercept; }
  int n_iter() const { return state_.n_iter; }
  // |coef_| summed over rows: the coefficients' magnitudes as feature importances.
  Eigen::VectorXd feature_importances() const {
    this->require_fitted("feature_importances");
    return state_.coef.cwiseAbs().colwise().sum().transpose();
  }

 protected:
  LinearClassifierState state_;
};

}  // namespace loom::models::detail
