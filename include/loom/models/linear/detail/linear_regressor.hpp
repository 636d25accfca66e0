#pragma once
// What the single-target linear regressors (LinearRegression, Ridge, Lasso, ElasticNet,
// SGDRegressor) share: the fitted y = X coef + intercept, its prediction, R^2 score and saved
// state, and the checks on training data (numeric features without NaN, a numeric target
// without missing values; DataError naming the column or row otherwise).
#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::models::detail {

struct LinearRegressorState {
  bool fitted = false;
  std::vector<std::string> feature_names_in;
  std::string target_name;
  Eigen::VectorXd coef;
  double intercept = 0.0;
  int n_iter = 0;

  Eigen::VectorXd decision(const Table& x, std::string_view caller) const;
  Column predict(const Table& x, std::string_view caller) const;
  double score(const Table& x, const Column& y, std::string_view caller) const;
  Json to_json() const;
  void from_json(const Json& state, std::string_view caller);
};

// Dense numeric features of x (NaN refused, naming the column) and the numeric target.
struct RegressionData {
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
};
RegressionData regression_data(const Table& x, const Column* y, std::string_view caller);
// Dense numeric features of x; DataError naming the first column holding NaN.
Eigen::MatrixXd dense_features(const Table& x, std::string_view caller);
// The target as doubles: numeric, same length as x, no missing value (DataError otherwise).
Eigen::VectorXd numeric_target(const Column* y, std::size_t n_rows, std::string_view caller);

// Column means of x (zeros when not fitting an intercept), and x minus them.
Eigen::VectorXd column_offsets(const Eigen::MatrixXd& x, bool fit_intercept);

template <class Derived, class Params>
class LinearRegressorBase : public StepWithParams<Derived, Predictor, Params> {
 public:
  using StepWithParams<Derived, Predictor, Params>::StepWithParams;

  Column predict(const Table& x) const override {
    this->require_fitted("predict");
    return state_.predict(x, this->describe());
  }
  // R^2 of the predictions, as scikit-learn's RegressorMixin.score.
  double score(const Table& x, const Column& y) const {
    this->require_fitted("score");
    return state_.score(x, y, this->describe());
  }
  bool is_classifier() const override { return false; }
  bool is_fitted() const override { return state_.fitted; }
  Json fitted_state() const override {
    this->require_fitted("fitted_state");
    return state_.to_json();
  }
  void load_fitted_state(const Json& saved) override { state_.from_json(saved, this->describe()); }

  const Eigen::VectorXd& coef() const { return state_.coef; }  // coef_, one per feature
  double intercept() const { return state_.intercept; }        // intercept_
  int n_iter() const { return state_.n_iter; }                 // n_iter_ (iterative fits)
  // |coef_| per feature: the coefficients' magnitudes as feature importances (meaningful
  // when the features share a scale).
  Eigen::VectorXd feature_importances() const {
    this->require_fitted("feature_importances");
    return state_.coef.cwiseAbs();
  }
  const std::vector<std::string>& feature_names_in() const { return state_.feature_names_in; }

 protected:
  LinearRegressorState state_;
};

}  // namespace loom::models::detail
