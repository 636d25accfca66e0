#pragma once
// The hyperparameters MLPClassifier and MLPRegressor share, with scikit-learn's names and
// defaults (sklearn.neural_network.MLPClassifier / MLPRegressor). Solvers: "adam" and "sgd"
// (lbfgs is not offered).
#include <optional>
#include <string>
#include <vector>

#include "loom/core/params.hpp"

namespace loom::models {

struct MLPParams {
  std::vector<int> hidden_layer_sizes = {100};  // neurons per hidden layer, each >= 1
  std::string activation = "relu";              // relu | tanh | logistic | identity
  std::string solver = "adam";                  // adam | sgd
  double alpha = 1e-4;                          // L2 penalty
  Json batch_size = "auto";                     // >= 1, or "auto" = min(200, n_samples)
  std::string learning_rate = "constant";       // constant | invscaling | adaptive (sgd only)
  double learning_rate_init = 1e-3;
  double power_t = 0.5;  // invscaling exponent (sgd only)
  int max_iter = 200;    // epochs
  bool shuffle = true;
  std::optional<int> random_state = std::nullopt;  // null: seeded from the system
  double tol = 1e-4;
  double momentum = 0.9;  // sgd only
  bool nesterovs_momentum = true;
  bool early_stopping = false;
  double validation_fraction = 0.1;
  double beta_1 = 0.9;  // adam only
  double beta_2 = 0.999;
  double epsilon = 1e-8;
  int n_iter_no_change = 10;
  static const ParamTable<MLPParams>& table();
};

}  // namespace loom::models
