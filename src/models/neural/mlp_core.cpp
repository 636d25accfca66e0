#include "loom/models/neural/detail/mlp_core.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

#include "loom/core/error.hpp"
#include "loom/core/json_state.hpp"
#include "loom/tuning/train_test_split.hpp"

namespace loom::models::detail {

namespace {

using Matrix = Eigen::MatrixXd;

void apply_hidden(const std::string& activation, Matrix& z) {
  if (activation == "relu") {
    z = z.cwiseMax(0.0);
  } else if (activation == "tanh") {
    z = z.array().tanh().matrix();
  } else if (activation == "logistic") {
    z = (1.0 / (1.0 + (-z.array()).exp())).matrix();
  }
}

void apply_output(const std::string& activation, Matrix& z) {
  if (activation == "softmax") {
    for (Eigen::Index i = 0; i < z.rows(); ++i) {
      z.row(i).array() -= z.row(i).maxCoeff();
      z.row(i) = z.row(i).array().exp().matrix();
      z.row(i) /= z.row(i).sum();
    }
  } else {
    apply_hidden(activation, z);
  }
}

// delta *= f'(z) where a = f(z) are the layer's activations.
void apply_derivative(const std::string& activation, const Matrix& a, Matrix& delta) {
  if (activation == "relu") {
    delta = (a.array() == 0.0).select(0.0, delta.array()).matrix();
  } else if (activation == "tanh") {
    delta.array() *= 1.0 - a.array().square();
  } else if (activation == "logistic") {
    delta.array() *= a.array() * (1.0 - a.array());
  }
}

// scikit-learn's squared_loss, log_loss and binary_log_loss (probabilities clipped to eps).
double output_loss(const std::string& out_activation, const Matrix& y, const Matrix& p) {
  const auto n = static_cast<double>(p.rows());
  if (out_activation == "identity")
    return (y - p).squaredNorm() / static_cast<double>(p.size()) / 2.0;
  const double eps = std::numeric_limits<double>::epsilon();
  const Eigen::ArrayXXd clipped = p.array().max(eps).min(1.0 - eps);
  const auto xlogy = [](const Eigen::ArrayXXd& a, const Eigen::ArrayXXd& b) {
    return (a == 0.0).select(0.0, a * b.log()).sum();
  };
  if (out_activation == "logistic") {
    return -(xlogy(y.array(), clipped) + xlogy(1.0 - y.array(), 1.0 - clipped)) / n;
  }
  return -xlogy(y.array(), clipped) / n;
}

// One optimiser over all coefficients and intercepts (sklearn's SGDOptimizer / AdamOptimizer).
class Optimizer {
 public:
  Optimizer(const MLPParams& params, const MlpNetwork& network) : params_(params) {
    rate_ = params.learning_rate_init;
    for (const auto& w : network.coefs) {
      first_.push_back(Matrix::Zero(w.rows(), w.cols()));
      if (params.solver == "adam") second_.push_back(Matrix::Zero(w.rows(), w.cols()));
    }
    for (const auto& b : network.intercepts) {
      first_.push_back(Matrix::Zero(b.size(), 1));
      if (params.solver == "adam") second_.push_back(Matrix::Zero(b.size(), 1));
    }
  }

  void update(MlpNetwork& network, const std::vector<Matrix>& grads) {
    const std::size_t layers = network.coefs.size();
    double step = rate_;
    if (params_.solver == "adam") {
      ++t_;
      step = params_.learning_rate_init * std::sqrt(1.0 - std::pow(params_.beta_2, t_)) /
             (1.0 - std::pow(params_.beta_1, t_));
    }
    for (std::size_t k = 0; k < grads.size(); ++k) {
      Matrix update;
      const Matrix& g = grads[k];
      if (params_.solver == "adam") {
        first_[k] = params_.beta_1 * first_[k] + (1.0 - params_.beta_1) * g;
        second_[k] = params_.beta_2 * second_[k] + (1.0 - params_.beta_2) * g.cwiseProduct(g);
        update =
            -step * (first_[k].array() / (second_[k].array().sqrt() + params_.epsilon)).matrix();
      } else {
        first_[k] = params_.momentum * first_[k] - rate_ * g;  // velocities
        update = params_.nesterovs_momentum ? Matrix(params_.momentum * first_[k] - rate_ * g)
                                            : first_[k];
      }
      if (k < layers) {
        network.coefs[k] += update;
      } else {
        network.intercepts[k - layers] += update.col(0);
      }
    }
  }

  void iteration_ends(double time_step) {
    if (params_.solver == "sgd" && params_.learning_rate == "invscaling")
      rate_ = params_.learning_rate_init / std::pow(time_step + 1.0, params_.power_t);
  }

  // True to stop; sgd with learning_rate "adaptive" first divides its rate by 5 down to 1e-6.
  bool trigger_stopping() {
    if (params_.solver != "sgd" || params_.learning_rate != "adaptive") return true;
    if (rate_ <= 1e-6) return true;
    rate_ /= 5.0;
    return false;
  }

 private:
  const MLPParams& params_;
  double rate_ = 0.0;
  int t_ = 0;
  std::vector<Matrix> first_, second_;
};

}  // namespace

Matrix MlpNetwork::forward(const Matrix& x) const {
  Matrix a = x;
  for (std::size_t i = 0; i < coefs.size(); ++i) {
    Matrix z = a * coefs[i];
    z.rowwise() += intercepts[i].transpose();
    if (i + 1 == coefs.size()) {
      apply_output(out_activation, z);
    } else {
      apply_hidden(activation, z);
    }
    a = std::move(z);
  }
  return a;
}

Json MlpNetwork::to_json() const {
  Json coef_list = Json::array(), intercept_list = Json::array();
  for (const auto& w : coefs)
    coef_list.push_back(state::from_matrix(w));
  for (const auto& b : intercepts)
    intercept_list.push_back(state::from_vector(b));
  return {{"activation", activation},
          {"out_activation", out_activation},
          {"coefs", coef_list},
          {"intercepts", intercept_list}};
}

void MlpNetwork::from_json(const Json& saved, std::string_view caller) {
  const auto fail = [&](std::string_view what) {
    throw ParseError(fmt::format("{}: saved network {}", caller, what));
  };
  activation = state::field(saved, "activation").get<std::string>();
  out_activation = state::field(saved, "out_activation").get<std::string>();
  if (activation != "relu" && activation != "tanh" && activation != "logistic" &&
      activation != "identity")
    fail(fmt::format("has an unknown activation \"{}\"", activation));
  if (out_activation != "softmax" && out_activation != "logistic" && out_activation != "identity")
    fail(fmt::format("has an unknown output activation \"{}\"", out_activation));
  const Json& coef_list = state::field(saved, "coefs");
  const Json& intercept_list = state::field(saved, "intercepts");
  if (!coef_list.is_array() || !intercept_list.is_array() || coef_list.empty() ||
      coef_list.size() != intercept_list.size())
    fail("needs as many coefficient matrices as intercept vectors, at least one");
  coefs.clear();
  intercepts.clear();
  for (std::size_t i = 0; i < coef_list.size(); ++i) {
    const Json wrapped_coef = {{"w", coef_list[i]}}, wrapped_intercept = {{"b", intercept_list[i]}};
    coefs.push_back(state::to_matrix(wrapped_coef, "w"));
    intercepts.push_back(state::to_eigen_vector(wrapped_intercept, "b"));
    if (coefs[i].cols() != intercepts[i].size() ||
        (i > 0 && coefs[i].rows() != coefs[i - 1].cols()))
      fail(fmt::format("layer {} does not chain with its neighbours", i));
  }
}

Json training_to_json(const MlpTraining& training) {
  const auto optional = [](const std::optional<double>& value) {
    return value ? Json(*value) : Json(nullptr);
  };
  return {{"network", training.network.to_json()},
          {"loss_curve", state::from_vector(training.loss_curve)},
          {"validation_scores", state::from_vector(training.validation_scores)},
          {"n_iter", training.n_iter},
          {"t", training.t},
          {"best_loss", optional(training.best_loss)},
          {"best_validation_score", optional(training.best_validation_score)}};
}

MlpTraining training_from_json(const Json& saved, std::string_view caller) {
  MlpTraining training;
  training.network.from_json(state::field(saved, "network"), caller);
  training.loss_curve = state::to_vector(saved, "loss_curve");
  training.validation_scores = state::to_vector(saved, "validation_scores");
  training.n_iter = saved.value("n_iter", 0);
  training.t = saved.value("t", 0.0);
  const auto optional = [&](const char* name) -> std::optional<double> {
    if (!saved.contains(name) || saved[name].is_null()) return std::nullopt;
    return saved[name].get<double>();
  };
  training.best_loss = optional("best_loss");
  training.best_validation_score = optional("best_validation_score");
  return training;
}

double mlp_score(const MlpNetwork& network, const Matrix& x, const Matrix& y) {
  const Matrix predicted = network.forward(x);
  if (network.out_activation == "identity") {
    double total = 0.0;
    for (Eigen::Index k = 0; k < y.cols(); ++k) {
      const double denominator = (y.col(k).array() - y.col(k).mean()).square().sum();
      const double numerator = (y.col(k) - predicted.col(k)).squaredNorm();
      total += denominator == 0.0 ? (numerator == 0.0 ? 1.0 : 0.0) : 1.0 - numerator / denominator;
    }
    return total / static_cast<double>(y.cols());
  }
  std::size_t correct = 0;
  for (Eigen::Index i = 0; i < y.rows(); ++i) {
    if (y.cols() == 1) {
      correct += (predicted(i, 0) > 0.5) == (y(i, 0) > 0.5) ? 1 : 0;
    } else {
      Eigen::Index best = 0, truth = 0;
      predicted.row(i).maxCoeff(&best);
      y.row(i).maxCoeff(&truth);
      correct += best == truth ? 1 : 0;
    }
  }
  return static_cast<double>(correct) / static_cast<double>(y.rows());
}

void check_mlp_params(const MLPParams& params, std::string_view caller) {
  loom::validate_params(caller, params);
  if (params.hidden_layer_sizes.empty() ||
      std::any_of(params.hidden_layer_sizes.begin(), params.hidden_layer_sizes.end(),
                  [](int size) { return size < 1; })) {
    throw ParameterError(
        fmt::format("{}: parameter hidden_layer_sizes = {} must be a non-empty list of sizes >= 1",
                    caller, Json(params.hidden_layer_sizes).dump()));
  }
}

MlpTraining train_mlp(const MLPParams& params, const Matrix& x, const Matrix& y,
                      const std::string& out_activation, std::span<const std::string> stratify,
                      const std::function<void(std::size_t, std::size_t)>& progress,
                      std::string_view caller) {
  RandomState rng(params.random_state ? static_cast<std::uint32_t>(*params.random_state)
                                      : std::random_device{}());
  MlpTraining result;
  MlpNetwork& network = result.network;
  network.activation = params.activation;
  network.out_activation = out_activation;
  std::vector<Eigen::Index> sizes{x.cols()};
  for (int size : params.hidden_layer_sizes)
    sizes.push_back(size);
  sizes.push_back(y.cols());
  // Glorot uniform, as scikit-learn: bound sqrt(6 / (fan_in + fan_out)), 2 for logistic.
  const double factor = params.activation == "logistic" ? 2.0 : 6.0;
  for (std::size_t i = 0; i + 1 < sizes.size(); ++i) {
    const double bound = std::sqrt(factor / static_cast<double>(sizes[i] + sizes[i + 1]));
    Matrix w(sizes[i], sizes[i + 1]);
    for (Eigen::Index r = 0; r < w.rows(); ++r)
      for (Eigen::Index c = 0; c < w.cols(); ++c)
        w(r, c) = rng.uniform(-bound, bound);
    Eigen::VectorXd b(sizes[i + 1]);
    for (Eigen::Index c = 0; c < b.size(); ++c)
      b(c) = rng.uniform(-bound, bound);
    network.coefs.push_back(std::move(w));
    network.intercepts.push_back(std::move(b));
  }

  // Early stopping holds out validation_fraction of the rows (stratified for classifiers).
  Matrix x_train_storage, y_train_storage, x_validation, y_validation;
  const bool early = params.early_stopping;
  if (early) {
    // As train_test_split(random_state=the same RandomState): stratified only for one output
    // (binary classifiers), like scikit-learn; those rows come from a seed drawn from it.
    tuning::Split split;
    const auto n_rows = static_cast<std::size_t>(x.rows());
    if (!stratify.empty() && y.cols() == 1) {
      tuning::TrainTestSplitOptions options;
      options.test_size = params.validation_fraction;
      options.random_state = static_cast<std::uint32_t>(rng.randint(0, 2147483647));
      options.stratify = stratify;
      try {
        split = tuning::train_test_split(n_rows, options);
      } catch (const DataError& error) {
        throw DataError(fmt::format("{}: early stopping: {}", caller, error.what()));
      }
    } else {
      const auto n_test = static_cast<std::size_t>(
          std::ceil(params.validation_fraction * static_cast<double>(n_rows)));
      const std::vector<std::size_t> order = rng.permutation(n_rows);
      const auto middle = order.begin() + static_cast<std::ptrdiff_t>(std::min(n_test, n_rows));
      split.test.assign(order.begin(), middle);
      split.train.assign(middle, order.end());
    }
    if (split.train.empty() || split.test.empty()) {
      throw DataError(fmt::format(
          "{}: validation_fraction={} leaves the training or the validation set of {} rows empty",
          caller, params.validation_fraction, x.rows()));
    }
    x_train_storage = x(split.train, Eigen::all);
    y_train_storage = y(split.train, Eigen::all);
    x_validation = x(split.test, Eigen::all);
    y_validation = y(split.test, Eigen::all);
  }
  const Matrix& x_train = early ? x_train_storage : x;
  const Matrix& y_train = early ? y_train_storage : y;

  const Eigen::Index n = x_train.rows();
  Eigen::Index batch_size = std::min<Eigen::Index>(200, n);
  if (params.batch_size.is_number_integer())
    batch_size = std::clamp<Eigen::Index>(params.batch_size.get<Eigen::Index>(), 1, n);
  std::vector<Eigen::Index> sample_idx(static_cast<std::size_t>(n));
  std::iota(sample_idx.begin(), sample_idx.end(), Eigen::Index{0});

  Optimizer optimizer(params, network);
  const std::size_t layers = network.coefs.size();
  std::vector<Matrix> activations(layers + 1), grads(2 * layers);
  double best_loss = std::numeric_limits<double>::infinity();
  double best_score = -std::numeric_limits<double>::infinity();
  MlpNetwork best = network;
  int no_improvement = 0;
  for (int epoch = 0; epoch < params.max_iter; ++epoch) {
    if (params.shuffle) rng.shuffle(sample_idx);
    double accumulated = 0.0;
    for (Eigen::Index start = 0; start < n; start += batch_size) {
      const Eigen::Index stop = std::min(n, start + batch_size);
      const auto rows =
          std::span(sample_idx)
              .subspan(static_cast<std::size_t>(start), static_cast<std::size_t>(stop - start));
      const std::vector<Eigen::Index> batch(rows.begin(), rows.end());
      activations[0] = x_train(batch, Eigen::all);
      const Matrix y_batch = y_train(batch, Eigen::all);
      const auto m = static_cast<double>(batch.size());
      for (std::size_t i = 0; i < layers; ++i) {
        Matrix z = activations[i] * network.coefs[i];
        z.rowwise() += network.intercepts[i].transpose();
        if (i + 1 == layers) {
          apply_output(out_activation, z);
        } else {
          apply_hidden(params.activation, z);
        }
        activations[i + 1] = std::move(z);
      }
      double penalty = 0.0;
      for (const auto& w : network.coefs)
        penalty += w.squaredNorm();
      const double loss = output_loss(out_activation, y_batch, activations[layers]) +
                          0.5 * params.alpha * penalty / m;
      accumulated += loss * m;
      Matrix delta = activations[layers] - y_batch;
      for (std::size_t i = layers; i-- > 0;) {
        grads[i] = (activations[i].transpose() * delta + params.alpha * network.coefs[i]) / m;
        grads[layers + i] = delta.colwise().mean().transpose();
        if (i > 0) {
          Matrix previous = delta * network.coefs[i].transpose();
          apply_derivative(params.activation, activations[i], previous);
          delta = std::move(previous);
        }
      }
      optimizer.update(network, grads);
    }
    ++result.n_iter;
    const double epoch_loss = accumulated / static_cast<double>(n);
    if (!std::isfinite(epoch_loss)) {
      throw DataError(fmt::format(
          "{}: the training loss became {} at epoch {}; lower learning_rate_init or scale the "
          "features",
          caller, epoch_loss, result.n_iter));
    }
    result.t += static_cast<double>(n);
    result.loss_curve.push_back(epoch_loss);
    if (early) {
      const double score = mlp_score(network, x_validation, y_validation);
      result.validation_scores.push_back(score);
      no_improvement = score < best_score + params.tol ? no_improvement + 1 : 0;
      if (score > best_score) {
        best_score = score;
        best = network;
      }
    } else {
      no_improvement = epoch_loss > best_loss - params.tol ? no_improvement + 1 : 0;
      best_loss = std::min(best_loss, epoch_loss);
    }
    optimizer.iteration_ends(result.t);
    if (progress)
      progress(static_cast<std::size_t>(epoch + 1), static_cast<std::size_t>(params.max_iter));
    if (no_improvement > params.n_iter_no_change) {
      if (optimizer.trigger_stopping()) break;
      no_improvement = 0;
    }
  }
  if (early) {
    result.best_validation_score = best_score;
    result.network.coefs = best.coefs;
    result.network.intercepts = best.intercepts;
  } else {
    result.best_loss = best_loss;
  }
  return result;
}

}  // namespace loom::models::detail
