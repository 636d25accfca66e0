#include "loom/models/linear/logistic_regression.hpp"

#include <cmath>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/core/labels.hpp"
#include "loom/models/detail/optimize.hpp"

namespace loom::models {

const ParamTable<LogisticRegressionParams>& LogisticRegressionParams::table() {
  using P = LogisticRegressionParams;
  static const ParamTable<P> table{
      param("C", &P::C, greater_than(0.0)),
      param<P, std::optional<std::string>>("penalty", &P::penalty,
                                           [](const std::optional<std::string>& value) {
                                             return (!value || *value == "l2" || *value == "none")
                                                        ? std::string()
                                                        : std::string(
                                                              "must be \"l2\", \"none\" or null");
                                           }),
      param("fit_intercept", &P::fit_intercept),
      param("max_iter", &P::max_iter, at_least(1)),
      param("tol", &P::tol, greater_than(0.0)),
      param<P, std::optional<std::string>>(
          "class_weight", &P::class_weight,
          [](const std::optional<std::string>& value) {
            return (!value || *value == "balanced") ? std::string()
                                                    : std::string("must be null or \"balanced\"");
          }),
      param("solver", &P::solver, one_of({"lbfgs"})),
  };
  return table;
}

namespace {

double log1p_exp(double z) {
  return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));
}

double sigmoid(double z) {
  return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
}

// The penalised log-loss over parameters laid out as rows (one per coefficient row) of
// n_features weights followed by an intercept when fitted.
struct LogisticObjective {
  const Eigen::MatrixXd& x;
  const std::vector<int>& y;
  const Eigen::VectorXd& sample_weight;
  Eigen::Index n_rows;  // 1 for binary, n_classes for multinomial
  bool fit_intercept;
  double alpha;

  Eigen::Index width() const { return x.cols() + (fit_intercept ? 1 : 0); }

  void unpack(const Eigen::VectorXd& theta, Eigen::MatrixXd& weights, Eigen::VectorXd& bias) const {
    weights.resize(n_rows, x.cols());
    bias = Eigen::VectorXd::Zero(n_rows);
    for (Eigen::Index k = 0; k < n_rows; ++k) {
      weights.row(k) = theta.segment(k * width(), x.cols()).transpose();
      if (fit_intercept) bias(k) = theta(k * width() + x.cols());
    }
  }

  // Returns the residuals (probability minus indicator) weighted by sample_weight.
  double value(const Eigen::VectorXd& theta, Eigen::MatrixXd& residual) const {
    Eigen::MatrixXd weights;
    Eigen::VectorXd bias;
    unpack(theta, weights, bias);
    Eigen::MatrixXd scores = x * weights.transpose();
    scores.rowwise() += bias.transpose();
    double loss = 0.0;
    residual.resize(x.rows(), n_rows);
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      const double weight = sample_weight(i);
      const int label = y[static_cast<std::size_t>(i)];
      if (n_rows == 1) {
        const double z = scores(i, 0);
        loss += weight * (log1p_exp(z) - (label == 1 ? z : 0.0));
        residual(i, 0) = weight * (sigmoid(z) - (label == 1 ? 1.0 : 0.0));
        continue;
      }
      const double top = scores.row(i).maxCoeff();
      double total = 0.0;
      for (Eigen::Index k = 0; k < n_rows; ++k)
        total += std::exp(scores(i, k) - top);
      const double log_total = top + std::log(total);
      loss += weight * (log_total - scores(i, label));
      for (Eigen::Index k = 0; k < n_rows; ++k) {
        residual(i, k) = weight * (std::exp(scores(i, k) - log_total) - (k == label ? 1.0 : 0.0));
      }
    }
    return loss + 0.5 * alpha * weights.squaredNorm();
  }

  double operator()(const Eigen::VectorXd& theta, Eigen::VectorXd& gradient) const {
    Eigen::MatrixXd residual;
    const double loss = value(theta, residual);
    const Eigen::MatrixXd weight_gradient = residual.transpose() * x;  // n_rows x n_features
    gradient.resize(theta.size());
    for (Eigen::Index k = 0; k < n_rows; ++k) {
      gradient.segment(k * width(), x.cols()) =
          weight_gradient.row(k).transpose() + alpha * theta.segment(k * width(), x.cols());
      if (fit_intercept) gradient(k * width() + x.cols()) = residual.col(k).sum();
    }
    return loss;
  }

  void hessian(const Eigen::VectorXd& theta, Eigen::MatrixXd& h) const {
    Eigen::MatrixXd weights;
    Eigen::VectorXd bias;
    unpack(theta, weights, bias);
    Eigen::MatrixXd scores = x * weights.transpose();
    scores.rowwise() += bias.transpose();
    Eigen::MatrixXd probability(x.rows(), std::max<Eigen::Index>(n_rows, 1));
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      if (n_rows == 1) {
        probability(i, 0) = sigmoid(scores(i, 0));
        continue;
      }
      const double top = scores.row(i).maxCoeff();
      const Eigen::ArrayXd exps = (scores.row(i).array() - top).exp().transpose();
      probability.row(i) = (exps / exps.sum()).transpose().matrix();
    }
    Eigen::MatrixXd augmented(x.rows(), width());
    augmented.leftCols(x.cols()) = x;
    if (fit_intercept) augmented.col(x.cols()).setOnes();
    const Eigen::Index w = width();
    h.setZero(n_rows * w, n_rows * w);
    for (Eigen::Index k = 0; k < n_rows; ++k) {
      for (Eigen::Index l = k; l < n_rows; ++l) {
        Eigen::VectorXd d(x.rows());
        for (Eigen::Index i = 0; i < x.rows(); ++i) {
          const double pk = probability(i, k);
          d(i) = sample_weight(i) *
                 (n_rows == 1 ? pk * (1.0 - pk) : pk * ((k == l ? 1.0 : 0.0) - probability(i, l)));
        }
        const Eigen::MatrixXd block = augmented.transpose() * d.asDiagonal() * augmented;
        h.block(k * w, l * w, w, w) = block;
        if (l != k) h.block(l * w, k * w, w, w) = block.transpose();
      }
      for (Eigen::Index j = 0; j < x.cols(); ++j)
        h(k * w + j, k * w + j) += alpha;
    }
  }
};

}  // namespace

void LogisticRegression::fit(const Table& x, const Column* y) {
  validate_params();
  require_non_empty(x, describe());
  if (y == nullptr) throw DataError(fmt::format("{}: fit needs a target (labels)", describe()));
  if (y->size() != x.n_rows()) {
    throw DataError(
        fmt::format("{}: {} rows of features but {} labels", describe(), x.n_rows(), y->size()));
  }
  const Eigen::MatrixXd features = x.to_dense(describe());
  x.require_no_missing(describe());
  EncodedLabels labels = encode_labels(*y, describe());
  const auto n_classes = static_cast<Eigen::Index>(labels.classes.size());
  if (n_classes < 2) {
    throw DataError(
        fmt::format("{}: the target \"{}\" has a single class \"{}\"; at least 2 are needed",
                    describe(), y->name(), labels.classes.value_string(0)));
  }
  Eigen::VectorXd sample_weight = Eigen::VectorXd::Ones(features.rows());
  if (params_.class_weight) {
    Eigen::VectorXd counts = Eigen::VectorXd::Zero(n_classes);
    for (int label : labels.indices)
      counts(label) += 1.0;
    for (Eigen::Index i = 0; i < features.rows(); ++i) {
      sample_weight(i) =
          static_cast<double>(features.rows()) /
          (static_cast<double>(n_classes) * counts(labels.indices[static_cast<std::size_t>(i)]));
    }
  }
  const bool penalised = params_.penalty && *params_.penalty == "l2";
  LogisticObjective objective{features,
                              labels.indices,
                              sample_weight,
                              n_classes == 2 ? 1 : n_classes,
                              params_.fit_intercept,
                              penalised ? 1.0 / params_.C : 0.0};
  const Eigen::Index dimension = objective.n_rows * objective.width();
  detail::OptimizeOptions options;
  options.max_iter = params_.max_iter;
  options.gradient_tolerance = params_.tol;
  options.progress = progress_;
  options.stage = "LogisticRegression";
  auto function = [&](const Eigen::VectorXd& theta, Eigen::VectorXd& gradient) {
    return objective(theta, gradient);
  };
  // Newton reaches the exact optimum when the Hessian is cheap; L-BFGS otherwise.
  const double hessian_cost = static_cast<double>(features.rows()) *
                              static_cast<double>(dimension) * static_cast<double>(dimension);
  detail::OptimizeResult result;
  if (dimension <= 400 && hessian_cost <= 4e9) {
    result = detail::minimize_newton(
        function,
        [&](const Eigen::VectorXd& theta, Eigen::MatrixXd& h) { objective.hessian(theta, h); },
        Eigen::VectorXd::Zero(dimension), options);
  } else {
    result = detail::minimize_lbfgs(function, Eigen::VectorXd::Zero(dimension), options);
  }
  objective.unpack(result.x, coef_, intercept_);
  if (objective.n_rows > 1) {
    // The multinomial model is invariant to a shared shift; scikit-learn's solution has rows
    // summing to zero (its lbfgs starts at zero and the shift's gradient is always zero).
    intercept_.array() -= intercept_.mean();
    if (!penalised) coef_.rowwise() -= coef_.colwise().mean();
  }
  n_iter_ = result.iterations;
  classes_ = labels.classes;
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Eigen::MatrixXd LogisticRegression::decision_function(const Table& x) const {
  require_fitted("decision_function");
  require_same_columns(x, feature_names_in_, describe());
  const Eigen::MatrixXd features = x.to_dense(describe());
  x.require_no_missing(describe());
  Eigen::MatrixXd scores = features * coef_.transpose();
  scores.rowwise() += intercept_.transpose();
  return scores;
}

Eigen::MatrixXd LogisticRegression::predict_proba(const Table& x) const {
  const Eigen::MatrixXd scores = decision_function(x);
  Eigen::MatrixXd probability(scores.rows(), static_cast<Eigen::Index>(classes_.size()));
  for (Eigen::Index i = 0; i < scores.rows(); ++i) {
    if (scores.cols() == 1) {
      probability(i, 1) = sigmoid(scores(i, 0));
      probability(i, 0) = 1.0 - probability(i, 1);
      continue;
    }
    const double top = scores.row(i).maxCoeff();
    const Eigen::ArrayXd exps = (scores.row(i).array() - top).exp().transpose();
    probability.row(i) = (exps / exps.sum()).transpose().matrix();
  }
  return probability;
}

Column LogisticRegression::predict(const Table& x) const {
  const Eigen::MatrixXd scores = decision_function(x);
  std::vector<int> indices(static_cast<std::size_t>(scores.rows()));
  for (Eigen::Index i = 0; i < scores.rows(); ++i) {
    if (scores.cols() == 1) {
      indices[static_cast<std::size_t>(i)] = scores(i, 0) > 0 ? 1 : 0;
    } else {
      Eigen::Index best = 0;
      scores.row(i).maxCoeff(&best);
      indices[static_cast<std::size_t>(i)] = static_cast<int>(best);
    }
  }
  return decode_labels(classes_, indices, classes_.name());
}

Column LogisticRegression::classes() const {
  require_fitted("classes");
  return classes_;
}

Json LogisticRegression::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"classes", state::from_column(classes_)},
          {"coef", state::from_matrix(coef_)},
          {"intercept", state::from_vector(intercept_)},
          {"n_iter", n_iter_}};
}

void LogisticRegression::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  classes_ = state::to_column(saved, "classes");
  coef_ = state::to_matrix(saved, "coef");
  intercept_ = state::to_eigen_vector(saved, "intercept");
  const auto rows = classes_.size() == 2 ? 1 : static_cast<Eigen::Index>(classes_.size());
  if (classes_.size() < 2 || coef_.rows() != rows || intercept_.size() != rows ||
      coef_.cols() != static_cast<Eigen::Index>(feature_names_in_.size())) {
    throw ParseError(fmt::format("{}: saved coefficients do not match {} classes and {} features",
                                 describe(), classes_.size(), feature_names_in_.size()));
  }
  n_iter_ = saved.value("n_iter", 0);
  fitted_ = true;
}

}  // namespace loom::models
