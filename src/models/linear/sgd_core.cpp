#include "sgd_core.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "loom/core/error.hpp"

namespace loom::models::detail {

SgdLoss sgd_loss_from_string(const std::string& name) {
  if (name == "hinge") return SgdLoss::hinge;
  if (name == "log_loss") return SgdLoss::log_loss;
  if (name == "modified_huber") return SgdLoss::modified_huber;
  if (name == "squared_hinge") return SgdLoss::squared_hinge;
  if (name == "perceptron") return SgdLoss::perceptron;
  if (name == "squared_error") return SgdLoss::squared_error;
  if (name == "huber") return SgdLoss::huber;
  if (name == "epsilon_insensitive") return SgdLoss::epsilon_insensitive;
  throw ParameterError(fmt::format("unknown SGD loss \"{}\"", name));
}

SgdSchedule sgd_schedule_from_string(const std::string& name) {
  if (name == "constant") return SgdSchedule::constant;
  if (name == "optimal") return SgdSchedule::optimal;
  if (name == "invscaling") return SgdSchedule::invscaling;
  if (name == "adaptive") return SgdSchedule::adaptive;
  throw ParameterError(fmt::format("unknown learning_rate \"{}\"", name));
}

namespace {

constexpr double kMaxDloss = 1e12;

double loss_value(SgdLoss loss, double epsilon, double p, double y) {
  const double z = p * y;
  switch (loss) {
    case SgdLoss::hinge:
      return std::max(0.0, 1.0 - z);
    case SgdLoss::squared_hinge:
      return z < 1.0 ? (1.0 - z) * (1.0 - z) : 0.0;
    case SgdLoss::perceptron:
      return std::max(0.0, -z);
    case SgdLoss::log_loss:
      if (z > 18.0) return std::exp(-z);
      if (z < -18.0) return -z;
      return std::log1p(std::exp(-z));
    case SgdLoss::modified_huber:
      if (z >= 1.0) return 0.0;
      if (z >= -1.0) return (1.0 - z) * (1.0 - z);
      return -4.0 * z;
    case SgdLoss::squared_error:
      return 0.5 * (p - y) * (p - y);
    case SgdLoss::huber: {
      const double r = std::abs(p - y);
      return r <= epsilon ? 0.5 * r * r : epsilon * r - 0.5 * epsilon * epsilon;
    }
    case SgdLoss::epsilon_insensitive:
      return std::max(0.0, std::abs(y - p) - epsilon);
  }
  return 0.0;
}

// d loss / d p, as scikit-learn's dloss.
double loss_derivative(SgdLoss loss, double epsilon, double p, double y) {
  const double z = p * y;
  switch (loss) {
    case SgdLoss::hinge:
      return z <= 1.0 ? -y : 0.0;
    case SgdLoss::squared_hinge:
      return z < 1.0 ? -2.0 * y * (1.0 - z) : 0.0;
    case SgdLoss::perceptron:
      return z <= 0.0 ? -y : 0.0;
    case SgdLoss::log_loss:
      if (z > 18.0) return std::exp(-z) * -y;
      if (z < -18.0) return -y;
      return -y / (std::exp(z) + 1.0);
    case SgdLoss::modified_huber:
      if (z >= 1.0) return 0.0;
      if (z >= -1.0) return 2.0 * (1.0 - z) * -y;
      return -4.0 * y;
    case SgdLoss::squared_error:
      return p - y;
    case SgdLoss::huber: {
      const double r = p - y;
      if (std::abs(r) <= epsilon) return r;
      return r > 0.0 ? epsilon : -epsilon;
    }
    case SgdLoss::epsilon_insensitive:
      if (y - p > epsilon) return -1.0;
      if (p - y > epsilon) return 1.0;
      return 0.0;
  }
  return 0.0;
}

// The weights as scale * values, so that L2 shrinkage costs one multiplication.
struct ScaledWeights {
  Eigen::VectorXd values;
  double scale = 1.0;

  void rescale_if_small() {
    if (scale < 1e-9) {
      values *= scale;
      scale = 1.0;
    }
  }
};

}  // namespace

int plain_sgd(const SgdRows& rows, const Eigen::VectorXd& y, const Eigen::VectorXd& sample_weight,
              const SgdSettings& settings, const ValidationScore& validation, std::mt19937_64& rng,
              SgdModel& model) {
  const Eigen::Index n_rows = rows.rows();
  const Eigen::Index n_features = rows.cols();
  ScaledWeights weights{model.w, 1.0};
  const double alpha = settings.alpha;
  double optimal_init = 0.0;
  if (settings.schedule == SgdSchedule::optimal) {
    // scikit-learn's heuristic (from Leon Bottou's sgd): eta at the first update is about
    // typw / max(1, |dloss(-typw, 1)|).
    const double typw = std::sqrt(1.0 / std::sqrt(alpha));
    const double initial_eta0 =
        typw / std::max(1.0, loss_derivative(settings.loss, settings.epsilon, -typw, 1.0));
    optimal_init = 1.0 / (initial_eta0 * alpha);
  }
  const bool use_l1 = settings.penalised && settings.l1_ratio > 0.0;
  const bool use_l2 = settings.penalised && settings.l1_ratio < 1.0;
  Eigen::VectorXd q = use_l1 ? Eigen::VectorXd::Zero(n_features) : Eigen::VectorXd();
  double u = 0.0;
  double eta = settings.eta0;
  double best_loss = std::numeric_limits<double>::infinity();
  double best_score = -std::numeric_limits<double>::infinity();
  int no_improvement = 0;
  std::vector<Eigen::Index> order(static_cast<std::size_t>(n_rows));
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  const double tol = settings.tol.value_or(-std::numeric_limits<double>::infinity());
  int epoch = 0;
  for (; epoch < settings.max_iter; ++epoch) {
    if (settings.shuffle) std::shuffle(order.begin(), order.end(), rng);
    double sum_loss = 0.0;
    for (const Eigen::Index i : order) {
      double dot = 0.0;
      if (rows.dense) {
        dot = rows.dense->row(i).dot(weights.values);
      } else {
        for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(*rows.sparse, i); it;
             ++it)
          dot += it.value() * weights.values(it.col());
      }
      const double p = dot * weights.scale + model.intercept;
      if (settings.schedule == SgdSchedule::optimal) {
        eta = 1.0 / (alpha * (optimal_init + model.t - 1.0));
      } else if (settings.schedule == SgdSchedule::invscaling) {
        eta = settings.eta0 / std::pow(model.t, settings.power_t);
      }
      sum_loss += loss_value(settings.loss, settings.epsilon, p, y(i));
      double dloss = loss_derivative(settings.loss, settings.epsilon, p, y(i));
      dloss = std::clamp(dloss, -kMaxDloss, kMaxDloss);
      const double update = -eta * dloss * sample_weight(i);
      if (use_l2) {
        // Never scale to negative values when eta or alpha are too big.
        weights.scale *= std::max(0.0, 1.0 - (1.0 - settings.l1_ratio) * eta * alpha);
        if (weights.scale == 0.0) {
          weights.values.setZero();
          weights.scale = 1.0;
        }
      }
      if (update != 0.0) {
        const double step = update / weights.scale;
        if (rows.dense) {
          weights.values.noalias() += step * rows.dense->row(i).transpose();
        } else {
          for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(*rows.sparse, i); it;
               ++it)
            weights.values(it.col()) += step * it.value();
        }
        if (settings.fit_intercept) model.intercept += update * settings.intercept_decay;
      }
      if (use_l1) {
        u += settings.l1_ratio * eta * alpha;
        auto truncate = [&](Eigen::Index j) {
          const double z = weights.values(j) * weights.scale;
          double w = z;
          if (z > 0.0) {
            w = std::max(0.0, z - (u + q(j)));
          } else if (z < 0.0) {
            w = std::min(0.0, z + (u - q(j)));
          }
          weights.values(j) = w / weights.scale;
          q(j) += w - z;
        };
        if (rows.dense) {
          for (Eigen::Index j = 0; j < n_features; ++j)
            truncate(j);
        } else {
          for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(*rows.sparse, i); it;
               ++it)
            truncate(it.col());
        }
      }
      weights.rescale_if_small();
      model.t += 1.0;
    }
    if (!weights.values.allFinite() || !std::isfinite(model.intercept)) {
      throw DataError(
          fmt::format("{}: floating-point under- or overflow at epoch {}; scale the input or "
                      "lower eta0 / alpha",
                      settings.stage, epoch + 1));
    }
    if (settings.progress) {
      settings.progress(ProgressEvent{settings.stage, static_cast<std::size_t>(epoch + 1),
                                      static_cast<std::size_t>(settings.max_iter)});
    }
    if (validation) {
      model.w = weights.values * weights.scale;
      const double score = validation(model);
      no_improvement = score < best_score + tol ? no_improvement + 1 : 0;
      best_score = std::max(best_score, score);
    } else {
      no_improvement =
          sum_loss > best_loss - tol * static_cast<double>(n_rows) ? no_improvement + 1 : 0;
      best_loss = std::min(best_loss, sum_loss);
    }
    if (no_improvement >= settings.n_iter_no_change) {
      if (settings.schedule == SgdSchedule::adaptive && eta > 1e-6) {
        eta /= 5.0;
        no_improvement = 0;
      } else {
        ++epoch;
        break;
      }
    }
  }
  model.w = weights.values * weights.scale;
  return epoch;
}

}  // namespace loom::models::detail
