#pragma once
// The multi-layer perceptron both MLP steps train: dense layers (coefs_[i] is fan_in x
// fan_out), a hidden activation, an output activation (softmax, logistic or identity), the
// forward pass, and mini-batch training with Adam or SGD (momentum, Nesterov) as
// scikit-learn's BaseMultilayerPerceptron._fit_stochastic: Glorot-uniform initialisation and
// per-epoch shuffles drawn from numpy's RandomState, the loss curve, tol / n_iter_no_change on
// the training loss, or early stopping on a held-out validation score.
#include <Eigen/Core>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loom/core/params.hpp"
#include "loom/core/random_state.hpp"
#include "loom/models/neural/mlp_params.hpp"

namespace loom::models::detail {

struct MlpNetwork {
  std::string activation = "relu";          // hidden layers
  std::string out_activation = "identity";  // softmax | logistic | identity
  std::vector<Eigen::MatrixXd> coefs;       // layer i: fan_in x fan_out
  std::vector<Eigen::VectorXd> intercepts;  // layer i: fan_out

  // The output layer's activations for the rows of x (n x n_outputs).
  Eigen::MatrixXd forward(const Eigen::MatrixXd& x) const;
  Json to_json() const;
  // ParseError naming caller when the layers do not chain or an activation is unknown.
  void from_json(const Json& saved, std::string_view caller);
};

struct MlpTraining {
  MlpNetwork network;
  std::vector<double> loss_curve;         // training loss per epoch
  std::vector<double> validation_scores;  // per epoch, with early stopping
  int n_iter = 0;
  double t = 0.0;  // training samples seen
  std::optional<double> best_loss;
  std::optional<double> best_validation_score;
};

// Trains a new network on x -> y (classifiers: y one-hot, or one 0/1 column for two classes
// with out_activation logistic). stratify: the class of each row for the validation split
// (empty for regression). progress(epoch, max_iter) is called after each epoch.
// The caller validated params.
MlpTraining train_mlp(const MLPParams& params, const Eigen::MatrixXd& x, const Eigen::MatrixXd& y,
                      const std::string& out_activation, std::span<const std::string> stratify,
                      const std::function<void(std::size_t, std::size_t)>& progress,
                      std::string_view caller);

// The training outcome saved with the fitted steps (network, loss curve, counters).
Json training_to_json(const MlpTraining& training);
MlpTraining training_from_json(const Json& saved, std::string_view caller);

// Score used by early stopping: accuracy (classifiers) or R^2 averaged over outputs.
double mlp_score(const MlpNetwork& network, const Eigen::MatrixXd& x, const Eigen::MatrixXd& y);

// The parameter checks shared by both steps beyond the table (ParameterError naming the
// parameter): every hidden layer size >= 1.
void check_mlp_params(const MLPParams& params, std::string_view caller);

}  // namespace loom::models::detail
