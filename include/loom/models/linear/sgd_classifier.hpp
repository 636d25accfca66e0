#pragma once
// Linear classifier fitted by stochastic gradient descent, one-vs-rest for more than two
// classes: hinge (linear SVM), log_loss (logistic regression), modified_huber, squared_hinge
// or perceptron loss with an l2 / l1 / elasticnet penalty, optional early stopping on a
// stratified validation split, and partial_fit for data that arrives in chunks.
// scikit-learn: sklearn.linear_model.SGDClassifier. Throws ParameterError for bad settings,
// DataError for NaN (naming the column), unknown labels in partial_fit, NotFittedError.
#include <optional>
#include <string>

#include "loom/models/linear/detail/linear_classifier.hpp"

namespace loom::models {

struct SGDClassifierParams {
  std::string loss = "hinge";  // hinge | log_loss | modified_huber | squared_hinge | perceptron
  std::optional<std::string> penalty = "l2";  // l2 | l1 | elasticnet | none (null)
  double alpha = 1e-4;
  double l1_ratio = 0.15;  // elasticnet only
  bool fit_intercept = true;
  int max_iter = 1000;
  std::optional<double> tol = 1e-3;  // null: run max_iter epochs
  bool shuffle = true;
  double epsilon = 0.1;
  std::optional<int> random_state = std::nullopt;  // null: seeded from the system
  std::string learning_rate = "optimal";           // constant | optimal | invscaling | adaptive
  double eta0 = 0.0;
  double power_t = 0.5;
  bool early_stopping = false;
  double validation_fraction = 0.1;
  int n_iter_no_change = 5;
  static const ParamTable<SGDClassifierParams>& table();
};

class SGDClassifier : public detail::LinearClassifierBase<SGDClassifier, SGDClassifierParams> {
 public:
  static constexpr std::string_view kTypeName = "SGDClassifier";
  using LinearClassifierBase::LinearClassifierBase;

  void fit(const Table& x, const Column* y) override;
  // One epoch over x, continuing from the current model. The first call needs every class
  // (classes); later calls may omit it, and their labels must be among those classes.
  void partial_fit(const Table& x, const Column& y, const Column* classes = nullptr);
  bool has_predict_proba() const override;
  // log_loss: one-vs-rest sigmoids normalised; modified_huber: clipped scores normalised.
  Eigen::MatrixXd predict_proba(const Table& x) const override;
  double t() const { return t_; }  // t_: updates done so far, plus one

  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

 private:
  void check_params() const;
  // Runs max_iter epochs (or one, for partial_fit) on every binary problem.
  void run_epochs(const Table& x, const std::vector<int>& labels, int max_iter, bool validate);

  double t_ = 1.0;
  int partial_calls_ = 0;
};

}  // namespace loom::models
