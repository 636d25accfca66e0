#pragma once
// Linear regressor fitted by stochastic gradient descent: squared_error, huber or
// epsilon_insensitive loss with an l2 / l1 / elasticnet penalty, optional early stopping on a
// random validation split (R^2), and partial_fit for data that arrives in chunks.
// scikit-learn: sklearn.linear_model.SGDRegressor. Throws ParameterError for bad settings,
// DataError for NaN (naming the column) or a non-numeric target, NotFittedError.
#include <optional>
#include <string>

#include "loom/models/linear/detail/linear_regressor.hpp"

namespace loom::models {

struct SGDRegressorParams {
  std::string loss = "squared_error";         // squared_error | huber | epsilon_insensitive
  std::optional<std::string> penalty = "l2";  // l2 | l1 | elasticnet | none (null)
  double alpha = 1e-4;
  double l1_ratio = 0.15;
  bool fit_intercept = true;
  int max_iter = 1000;
  std::optional<double> tol = 1e-3;
  bool shuffle = true;
  double epsilon = 0.1;
  std::optional<int> random_state = std::nullopt;
  std::string learning_rate = "invscaling";
  double eta0 = 0.01;
  double power_t = 0.25;
  bool early_stopping = false;
  double validation_fraction = 0.1;
  int n_iter_no_change = 5;
  static const ParamTable<SGDRegressorParams>& table();
};

class SGDRegressor : public detail::LinearRegressorBase<SGDRegressor, SGDRegressorParams> {
 public:
  static constexpr std::string_view kTypeName = "SGDRegressor";
  using LinearRegressorBase::LinearRegressorBase;

  void fit(const Table& x, const Column* y) override;
  // One epoch over x, continuing from the current model (starting from zero on the first call).
  void partial_fit(const Table& x, const Column& y);
  double t() const { return t_; }

  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

 private:
  void check_params() const;
  void run_epochs(const Table& x, const Eigen::VectorXd& y, int max_iter, bool validate);

  double t_ = 1.0;
  int partial_calls_ = 0;
};

}  // namespace loom::models
