#include "loom/models/linear/logistic_regression.hpp"

#include <algorithm>
#include <cmath>

#include "loom/core/detail/parallel.hpp"
#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/core/labels.hpp"
#include "loom/metrics/classification.hpp"
#include "loom/models/detail/optimize.hpp"
#include "proximal_newton.hpp"

namespace loom::models {

const ParamTable<LogisticRegressionParams>& LogisticRegressionParams::table() {
  using P = LogisticRegressionParams;
  static const ParamTable<P> table{
      param("C", &P::C, greater_than(0.0)),
      param<P, std::optional<std::string>>("penalty", &P::penalty,
                                           [](const std::optional<std::string>& value) {
                                             return (!value || *value == "l2" || *value == "l1" ||
                                                     *value == "elasticnet" || *value == "none")
                                                        ? std::string()
                                                        : std::string(
                                                              "must be \"l2\", \"l1\", "
                                                              "\"elasticnet\", \"none\" or null");
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
      param("solver", &P::solver, one_of({"lbfgs", "saga", "liblinear"})),
      param<P, std::optional<double>>("l1_ratio", &P::l1_ratio,
                                      [](const std::optional<double>& value) {
                                        return (!value || (*value >= 0.0 && *value <= 1.0))
                                                   ? std::string()
                                                   : std::string("must be in [0, 1] or null");
                                      }),
      param("intercept_scaling", &P::intercept_scaling, greater_than(0.0)),
  };
  return table;
}

namespace {

// Rows are processed in fixed chunks, each with its own partial sums that are added in chunk
// order, so results are the same whatever the number of threads.
constexpr Eigen::Index kChunkRows = 2048;
// At least this many chunks per thread: smaller problems run on the calling thread.
constexpr std::size_t kChunksPerThread = 8;

// The logistic function of each score without overflow, from exp(-|z|) <= 1.
Eigen::ArrayXd sigmoid(const Eigen::ArrayXd& z) {
  const Eigen::ArrayXd e = (-z.abs()).exp();
  return (z >= 0.0).select((1.0 + e).inverse(), e / (1.0 + e));
}

// Softmax of each row of scores, in place.
void softmax_rows(Eigen::MatrixXd& scores) {
  const Eigen::ArrayXd top = scores.rowwise().maxCoeff();
  const Eigen::ArrayXXd exps = (scores.array().colwise() - top).exp();
  scores = (exps.colwise() / exps.rowwise().sum()).matrix();
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
  Eigen::Index n_chunks() const { return (x.rows() + kChunkRows - 1) / kChunkRows; }

  void unpack(const Eigen::VectorXd& theta, Eigen::MatrixXd& weights, Eigen::VectorXd& bias) const {
    weights.resize(n_rows, x.cols());
    bias = Eigen::VectorXd::Zero(n_rows);
    for (Eigen::Index k = 0; k < n_rows; ++k) {
      weights.row(k) = theta.segment(k * width(), x.cols()).transpose();
      if (fit_intercept) bias(k) = theta(k * width() + x.cols());
    }
  }

  // Calls body(chunk, first_row, n_rows_in_chunk) for every chunk, spread over threads.
  template <class Body>
  void for_each_chunk(const Body& body) const {
    loom::detail::parallel_for(static_cast<std::size_t>(n_chunks()), kChunksPerThread,
                               [&](std::size_t begin, std::size_t end) {
                                 for (auto chunk = static_cast<Eigen::Index>(begin);
                                      chunk < static_cast<Eigen::Index>(end); ++chunk) {
                                   const Eigen::Index first = chunk * kChunkRows;
                                   body(chunk, first, std::min(kChunkRows, x.rows() - first));
                                 }
                               });
  }

  // Scores of rows [first, first + count): count x n_rows. One matrix-vector product per
  // class: for so few classes a matrix product would spend its time packing the rows.
  void chunk_scores(const Eigen::MatrixXd& weights, const Eigen::VectorXd& bias, Eigen::Index first,
                    Eigen::Index count, Eigen::MatrixXd& scores) const {
    scores.resize(count, n_rows);
    for (Eigen::Index k = 0; k < n_rows; ++k) {
      scores.col(k).noalias() = x.middleRows(first, count) * weights.row(k).transpose();
      scores.col(k).array() += bias(k);
    }
  }

  // The loss at theta; writes the gradient, and the Hessian when hessian is not null, from
  // the same pass over the rows.
  double evaluate(const Eigen::VectorXd& theta, Eigen::VectorXd& gradient,
                  Eigen::MatrixXd* hessian) const {
    Eigen::MatrixXd weights;
    Eigen::VectorXd bias;
    unpack(theta, weights, bias);
    const Eigen::Index w = width();
    // The Hessian's (k, l) block is X~' diag(w p_k (delta_kl - p_l)) X~, X~ the features and a
    // column of ones. Binary: one block, weights w p (1 - p). Multinomial: as the p_l sum to
    // 1, each diagonal block is minus the sum of the off-diagonal blocks in its row, so only
    // S_kl = X~' diag(w p_k p_l) X~ for k < l is accumulated (lower triangles: symmetric).
    std::vector<std::pair<Eigen::Index, Eigen::Index>> block_classes;
    if (n_rows == 1) block_classes.emplace_back(0, 0);
    for (Eigen::Index k = 0; k < n_rows; ++k) {
      for (Eigen::Index l = k + 1; l < n_rows; ++l)
        block_classes.emplace_back(k, l);
    }
    const auto n_blocks = static_cast<Eigen::Index>(block_classes.size());
    const Eigen::Index chunks = n_chunks();
    Eigen::VectorXd losses(chunks);
    Eigen::MatrixXd partial(theta.size(), chunks);  // each chunk's gradient
    std::vector<Eigen::MatrixXd> partial_hessian(hessian ? static_cast<std::size_t>(chunks) : 0);
    for_each_chunk([&](Eigen::Index chunk, Eigen::Index first, Eigen::Index count) {
      Eigen::MatrixXd scores, probability;
      chunk_scores(weights, bias, first, count, scores);
      const auto row_weight = sample_weight.segment(first, count).array();
      // indicator(i, k) = 1 where row i has class k (column 0 the positive class if binary).
      Eigen::ArrayXXd indicator = Eigen::ArrayXXd::Zero(count, n_rows);
      for (Eigen::Index i = 0; i < count; ++i) {
        const int label = y[static_cast<std::size_t>(first + i)];
        if (n_rows > 1) {
          indicator(i, label) = 1.0;
        } else if (label == 1) {
          indicator(i, 0) = 1.0;
        }
      }
      // Whole-chunk array expressions, so that exp and log are vectorised.
      double loss = 0.0;
      if (n_rows == 1) {
        const auto z = scores.col(0).array();
        // log(1 + exp(z)) = max(z, 0) + log(1 + e) and the sigmoid, with e = exp(-|z|) <= 1.
        const Eigen::ArrayXd e = (-z.abs()).exp();
        const Eigen::ArrayXd positive = (z >= 0.0).select((1.0 + e).inverse(), e / (1.0 + e));
        loss = (row_weight * (z.max(0.0) + (1.0 + e).log() - indicator.col(0) * z)).sum();
        if (hessian) probability = positive.matrix();
        scores.col(0) = row_weight * (positive - indicator.col(0));
      } else {
        const Eigen::ArrayXd top = scores.rowwise().maxCoeff();
        const Eigen::ArrayXXd exps = (scores.array().colwise() - top).exp();
        const Eigen::ArrayXd total = exps.rowwise().sum();
        const Eigen::ArrayXd label_score = (scores.array() * indicator).rowwise().sum();
        loss = (row_weight * (top + total.log() - label_score)).sum();
        const Eigen::ArrayXXd p = exps.colwise() / total;
        if (hessian) probability = p.matrix();
        // scores becomes the residual: probability minus indicator, weighted.
        scores = ((p - indicator).colwise() * row_weight).matrix();
      }
      losses(chunk) = loss;
      const auto rows = x.middleRows(first, count);
      for (Eigen::Index k = 0; k < n_rows; ++k) {
        partial.col(chunk).segment(k * w, x.cols()).noalias() = rows.transpose() * scores.col(k);
        if (fit_intercept) partial(k * w + x.cols(), chunk) = scores.col(k).sum();
      }
      if (!hessian) return;
      Eigen::MatrixXd& blocks = partial_hessian[static_cast<std::size_t>(chunk)];
      blocks.setZero(w, w * n_blocks);
      Eigen::MatrixXd scaled(count, w);
      Eigen::VectorXd root(count);
      for (Eigen::Index block = 0; block < n_blocks; ++block) {
        const auto [k, l] = block_classes[static_cast<std::size_t>(block)];
        const auto pk = probability.col(k).array();
        if (k == l) {
          root = (row_weight * pk * (1.0 - pk)).sqrt().matrix();
        } else {
          root = (row_weight * pk * probability.col(l).array()).sqrt().matrix();
        }
        scaled.leftCols(x.cols()) = root.asDiagonal() * rows;
        if (fit_intercept) scaled.col(x.cols()) = root;
        blocks.middleCols(block * w, w)
            .selfadjointView<Eigen::Lower>()
            .rankUpdate(scaled.transpose());
      }
    });
    double loss = 0.0;
    gradient = Eigen::VectorXd::Zero(theta.size());
    for (Eigen::Index chunk = 0; chunk < chunks; ++chunk) {
      loss += losses(chunk);
      gradient += partial.col(chunk);
    }
    for (Eigen::Index k = 0; k < n_rows; ++k)
      gradient.segment(k * w, x.cols()) += alpha * theta.segment(k * w, x.cols());
    if (hessian) assemble_hessian(partial_hessian, *hessian);
    return loss + 0.5 * alpha * weights.squaredNorm();
  }

  // Sums the chunks' blocks in chunk order and lays out the full Hessian.
  void assemble_hessian(const std::vector<Eigen::MatrixXd>& partial, Eigen::MatrixXd& h) const {
    const Eigen::Index w = width();
    Eigen::MatrixXd total = Eigen::MatrixXd::Zero(w, partial.front().cols());
    for (const auto& blocks : partial)
      total += blocks;
    auto block_of = [&](Eigen::Index index) -> Eigen::MatrixXd {
      return total.middleCols(index * w, w).selfadjointView<Eigen::Lower>();
    };
    h.setZero(n_rows * w, n_rows * w);
    if (n_rows == 1) {
      h = block_of(0);
    } else {
      Eigen::Index index = 0;
      for (Eigen::Index k = 0; k < n_rows; ++k) {
        for (Eigen::Index l = k + 1; l < n_rows; ++l, ++index) {
          const Eigen::MatrixXd s = block_of(index);
          h.block(k * w, l * w, w, w) = -s;
          h.block(l * w, k * w, w, w) = -s;
          h.block(k * w, k * w, w, w) += s;
          h.block(l * w, l * w, w, w) += s;
        }
      }
    }
    for (Eigen::Index k = 0; k < n_rows; ++k) {
      for (Eigen::Index j = 0; j < x.cols(); ++j)
        h(k * w + j, k * w + j) += alpha;
    }
  }
};

// The input's numeric matrix: a dense FeatureMatrix is used in place, anything else is
// converted into storage.
const Eigen::MatrixXd& dense_input(const Table& x, std::string_view caller,
                                   Eigen::MatrixXd& storage) {
  if (!x.is_dataset() && !x.is_sparse()) return x.matrix().dense();
  storage = x.to_dense(caller);
  return storage;
}

// Minimises the objective plus l1 times the L1 norm of the penalised coordinates: Newton
// (proximal Newton with an L1 term) reaches the exact optimum when the Hessian is cheap;
// L-BFGS (FISTA with an L1 term) otherwise.
detail::OptimizeResult minimize(const LogisticObjective& objective, double l1,
                                const std::vector<bool>& penalised,
                                const detail::OptimizeOptions& options) {
  const Eigen::Index dimension = objective.n_rows * objective.width();
  const double hessian_cost = static_cast<double>(objective.x.rows()) *
                              static_cast<double>(dimension) * static_cast<double>(dimension);
  const bool use_hessian = dimension <= 400 && hessian_cost <= 4e9;
  const Eigen::VectorXd start = Eigen::VectorXd::Zero(dimension);
  auto second_order = [&](const Eigen::VectorXd& theta, Eigen::VectorXd& gradient,
                          Eigen::MatrixXd* hessian) {
    return objective.evaluate(theta, gradient, hessian);
  };
  if (l1 > 0.0) {
    detail::L1Problem problem{second_order, l1, penalised};
    detail::OptimizeOptions l1_options = options;
    // The proximal solvers stop on their own optimality test; give them room to get there.
    l1_options.max_iter = std::max(options.max_iter, 100);
    return detail::minimize_l1(problem, start, use_hessian, l1_options);
  }
  if (use_hessian) return detail::minimize_newton(second_order, start, options);
  return detail::minimize_lbfgs(
      [&](const Eigen::VectorXd& theta, Eigen::VectorXd& gradient) {
        return objective.evaluate(theta, gradient, nullptr);
      },
      start, options);
}

}  // namespace

void LogisticRegression::check_solver() const {
  const std::string penalty = params_.penalty.value_or("none");
  const std::string& solver = params_.solver;
  auto fail = [&](const std::string& why) {
    throw ParameterError(
        fmt::format("{}: solver \"{}\" with penalty \"{}\": {}", describe(), solver, penalty, why));
  };
  if (solver == "lbfgs" && (penalty == "l1" || penalty == "elasticnet")) {
    fail("lbfgs supports only \"l2\" or \"none\"; use solver \"saga\" or \"liblinear\"");
  }
  if (solver == "liblinear" && (penalty == "elasticnet" || penalty == "none")) {
    fail("liblinear supports only \"l1\" or \"l2\"");
  }
  if (penalty == "elasticnet" && !params_.l1_ratio) fail("l1_ratio must be set (0 to 1)");
}

void LogisticRegression::fit(const Table& x, const Column* y) {
  validate_params();
  check_solver();
  require_non_empty(x, describe());
  if (y == nullptr) throw DataError(fmt::format("{}: fit needs a target (labels)", describe()));
  if (y->size() != x.n_rows()) {
    throw DataError(
        fmt::format("{}: {} rows of features but {} labels", describe(), x.n_rows(), y->size()));
  }
  Eigen::MatrixXd storage;
  const Eigen::MatrixXd& features = dense_input(x, describe(), storage);
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
  const std::string penalty = params_.penalty.value_or("none");
  double l1 = 0.0;
  double l2 = 0.0;
  if (penalty == "l2") {
    l2 = 1.0 / params_.C;
  } else if (penalty == "l1") {
    l1 = 1.0 / params_.C;
  } else if (penalty == "elasticnet") {
    l1 = *params_.l1_ratio / params_.C;
    l2 = (1.0 - *params_.l1_ratio) / params_.C;
  }
  detail::OptimizeOptions options;
  options.max_iter = params_.max_iter;
  options.gradient_tolerance = params_.tol;
  options.progress = progress_;
  options.stage = "LogisticRegression";
  detail::OptimizeResult result;
  one_vs_rest_ = false;
  if (params_.solver == "liblinear") {
    // The intercept is the weight of an extra feature of value intercept_scaling, penalised
    // with the others; more than two classes are fitted one against the rest.
    Eigen::MatrixXd augmented(features.rows(), features.cols() + (params_.fit_intercept ? 1 : 0));
    augmented.leftCols(features.cols()) = features;
    if (params_.fit_intercept)
      augmented.col(features.cols()).setConstant(params_.intercept_scaling);
    one_vs_rest_ = n_classes > 2;
    const Eigen::Index n_problems = one_vs_rest_ ? n_classes : 1;
    coef_.resize(n_problems, features.cols());
    intercept_ = Eigen::VectorXd::Zero(n_problems);
    int iterations = 0;
    for (Eigen::Index k = 0; k < n_problems; ++k) {
      std::vector<int> binary = labels.indices;
      if (one_vs_rest_) {
        for (int& label : binary)
          label = label == static_cast<int>(k) ? 1 : 0;
      }
      LogisticObjective objective{augmented, binary, sample_weight, 1, false, l2};
      result = minimize(objective, l1, std::vector<bool>(augmented.cols(), true), options);
      iterations = std::max(iterations, result.iterations);
      coef_.row(k) = result.x.head(features.cols()).transpose();
      if (params_.fit_intercept)
        intercept_(k) = params_.intercept_scaling * result.x(features.cols());
    }
    result.iterations = iterations;
  } else {
    LogisticObjective objective{features,
                                labels.indices,
                                sample_weight,
                                n_classes == 2 ? 1 : n_classes,
                                params_.fit_intercept,
                                l2};
    std::vector<bool> penalised(static_cast<std::size_t>(objective.n_rows * objective.width()),
                                true);
    if (params_.fit_intercept) {
      for (Eigen::Index k = 0; k < objective.n_rows; ++k)
        penalised[static_cast<std::size_t>(k * objective.width() + features.cols())] = false;
    }
    result = minimize(objective, l1, penalised, options);
    objective.unpack(result.x, coef_, intercept_);
    if (objective.n_rows > 1) {
      // The multinomial model is invariant to a shared shift; scikit-learn's solution has rows
      // summing to zero (its solvers start at zero and the shift's gradient is always zero).
      intercept_.array() -= intercept_.mean();
      if (penalty == "none") coef_.rowwise() -= coef_.colwise().mean();
    }
  }
  n_iter_ = result.iterations;
  classes_ = labels.classes;
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Eigen::MatrixXd LogisticRegression::decision_function(const Table& x) const {
  return scores(x, false);
}

Eigen::MatrixXd LogisticRegression::predict_proba(const Table& x) const {
  return scores(x, true);
}

Eigen::MatrixXd LogisticRegression::scores(const Table& x, bool probabilities) const {
  require_fitted(probabilities ? "predict_proba" : "decision_function");
  require_same_columns(x, feature_names_in_, describe());
  Eigen::MatrixXd storage;
  const Eigen::MatrixXd& features = dense_input(x, describe(), storage);
  const Eigen::Index n_rows = features.rows();
  const Eigen::Index n_classes = static_cast<Eigen::Index>(classes_.size());
  Eigen::MatrixXd result(n_rows, probabilities ? n_classes : coef_.rows());
  const auto chunks = static_cast<std::size_t>((n_rows + kChunkRows - 1) / kChunkRows);
  loom::detail::parallel_for(chunks, kChunksPerThread, [&](std::size_t begin, std::size_t end) {
    Eigen::MatrixXd chunk_scores;
    for (auto chunk = static_cast<Eigen::Index>(begin); chunk < static_cast<Eigen::Index>(end);
         ++chunk) {
      const Eigen::Index first = chunk * kChunkRows;
      const Eigen::Index count = std::min(kChunkRows, n_rows - first);
      chunk_scores.noalias() = features.middleRows(first, count) * coef_.transpose();
      chunk_scores.rowwise() += intercept_.transpose();
      if (!probabilities) {
        result.middleRows(first, count) = chunk_scores;
      } else if (one_vs_rest_) {
        // One-vs-rest probabilities: each class's sigmoid, normalised over the classes.
        for (Eigen::Index k = 0; k < chunk_scores.cols(); ++k)
          chunk_scores.col(k) = sigmoid(chunk_scores.col(k).array()).matrix();
        chunk_scores.array().colwise() /= chunk_scores.rowwise().sum().array();
        result.middleRows(first, count) = chunk_scores;
      } else if (chunk_scores.cols() == 1) {
        const Eigen::ArrayXd positive = sigmoid(chunk_scores.col(0).array());
        result.col(1).segment(first, count) = positive.matrix();
        result.col(0).segment(first, count) = (1.0 - positive).matrix();
      } else {
        softmax_rows(chunk_scores);
        result.middleRows(first, count) = chunk_scores;
      }
    }
  });
  // NaN in the input gives NaN scores: only then look for the missing value to report.
  if (result.hasNaN()) x.require_no_missing(describe());
  return result;
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

double LogisticRegression::score(const Table& x, const Column& y) const {
  const Column predicted = predict(x);
  if (y.size() != predicted.size()) {
    throw DataError(
        fmt::format("{}: score got {} labels for {} rows", describe(), y.size(), predicted.size()));
  }
  std::vector<std::string> truth, guesses;
  for (std::size_t i = 0; i < y.size(); ++i) {
    truth.push_back(y.value_string(i));
    guesses.push_back(predicted.value_string(i));
  }
  return metrics::accuracy_score(truth, guesses);
}

Eigen::VectorXd LogisticRegression::feature_importances() const {
  require_fitted("feature_importances");
  return coef_.cwiseAbs().colwise().sum().transpose();
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
          {"n_iter", n_iter_},
          {"multi_class", one_vs_rest_ ? "ovr" : "multinomial"}};
}

void LogisticRegression::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  classes_ = state::to_column(saved, "classes");
  coef_ = state::to_matrix(saved, "coef");
  intercept_ = state::to_eigen_vector(saved, "intercept");
  const auto rows = classes_.size() == 2 ? 1 : static_cast<Eigen::Index>(classes_.size());
  one_vs_rest_ = saved.value("multi_class", std::string("multinomial")) == "ovr";
  if (classes_.size() < 2 || coef_.rows() != rows || intercept_.size() != rows ||
      coef_.cols() != static_cast<Eigen::Index>(feature_names_in_.size())) {
    throw ParseError(fmt::format("{}: saved coefficients do not match {} classes and {} features",
                                 describe(), classes_.size(), feature_names_in_.size()));
  }
  n_iter_ = saved.value("n_iter", 0);
  fitted_ = true;
}

}  // namespace loom::models
