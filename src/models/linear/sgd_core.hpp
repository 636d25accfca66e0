#pragma once
// Plain stochastic gradient descent for one linear model, as scikit-learn's _plain_sgd: a
// pass over the (shuffled) rows per epoch, learning-rate schedules "constant", "optimal",
// "invscaling" and "adaptive", L2 shrinkage by a running scale, L1 by cumulative truncated
// gradient (Tsuruoka et al.), and the stopping rule on the training loss or, with early
// stopping, on a validation score (n_iter_no_change epochs without a tol improvement).
#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <functional>
#include <optional>
#include <random>
#include <string>

#include "loom/core/progress.hpp"

namespace loom::models::detail {

enum class SgdLoss {
  hinge,
  log_loss,
  modified_huber,
  squared_hinge,
  perceptron,
  squared_error,
  huber,
  epsilon_insensitive
};
enum class SgdSchedule { constant, optimal, invscaling, adaptive };

SgdLoss sgd_loss_from_string(const std::string& name);
SgdSchedule sgd_schedule_from_string(const std::string& name);

struct SgdSettings {
  SgdLoss loss = SgdLoss::hinge;
  double epsilon = 0.1;  // huber / epsilon_insensitive
  double alpha = 1e-4;
  double l1_ratio = 0.0;  // 0: L2 only; 1: L1 only; "none" penalty: alpha used only by optimal
  bool penalised = true;
  bool fit_intercept = true;
  SgdSchedule schedule = SgdSchedule::optimal;
  double eta0 = 0.0;
  double power_t = 0.5;
  int max_iter = 1000;
  std::optional<double> tol = 1e-3;
  int n_iter_no_change = 5;
  bool shuffle = true;
  double intercept_decay = 1.0;  // scikit-learn uses 0.01 for sparse input
  ProgressCallback progress;
  const char* stage = "SGD";
};

// Rows of the training data: dense row-major or sparse CSR.
struct SgdRows {
  const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>* dense = nullptr;
  const Eigen::SparseMatrix<double, Eigen::RowMajor>* sparse = nullptr;
  Eigen::Index rows() const { return dense ? dense->rows() : sparse->rows(); }
  Eigen::Index cols() const { return dense ? dense->cols() : sparse->cols(); }
};

struct SgdModel {
  Eigen::VectorXd w;
  double intercept = 0.0;
  double t = 1.0;  // scikit-learn's t_: updates done so far, plus one
};

// Higher is better; called after each epoch when early stopping.
using ValidationScore = std::function<double(const SgdModel& model)>;

// Runs the epochs on the given rows (targets y: +-1 for classification), updating model;
// returns the number of epochs run.
int plain_sgd(const SgdRows& rows, const Eigen::VectorXd& y, const Eigen::VectorXd& sample_weight,
              const SgdSettings& settings, const ValidationScore& validation, std::mt19937_64& rng,
              SgdModel& model);

}  // namespace loom::models::detail
