#include "loom/models/linear/sgd_classifier.hpp"

#include <algorithm>
#include <cmath>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/core/labels.hpp"
#include "sgd_common.hpp"

namespace loom::models {

namespace {
ParamCheck<std::optional<std::string>> penalty_check() {
  return [](const std::optional<std::string>& value) {
    return (!value || *value == "l2" || *value == "l1" || *value == "elasticnet" ||
            *value == "none")
               ? std::string()
               : std::string("must be \"l2\", \"l1\", \"elasticnet\", \"none\" or null");
  };
}
}  // namespace

const ParamTable<SGDClassifierParams>& SGDClassifierParams::table() {
  using P = SGDClassifierParams;
  static const ParamTable<P> table{
      param("loss", &P::loss,
            one_of({"hinge", "log_loss", "modified_huber", "squared_hinge", "perceptron"})),
      param<P, std::optional<std::string>>("penalty", &P::penalty, penalty_check()),
      param("alpha", &P::alpha, at_least(0.0)),
      param("l1_ratio", &P::l1_ratio, between(0.0, 1.0)),
      param("fit_intercept", &P::fit_intercept),
      param("max_iter", &P::max_iter, at_least(1)),
      param("tol", &P::tol),
      param("shuffle", &P::shuffle),
      param("epsilon", &P::epsilon, at_least(0.0)),
      param("random_state", &P::random_state),
      param("learning_rate", &P::learning_rate,
            one_of({"constant", "optimal", "invscaling", "adaptive"})),
      param("eta0", &P::eta0, at_least(0.0)),
      param("power_t", &P::power_t),
      param("early_stopping", &P::early_stopping),
      param("validation_fraction", &P::validation_fraction, between(0.0, 1.0)),
      param("n_iter_no_change", &P::n_iter_no_change, at_least(1)),
  };
  return table;
}

void SGDClassifier::check_params() const {
  validate_params();
  if (params_.learning_rate == "optimal" && params_.alpha == 0.0) {
    throw ParameterError(fmt::format(
        "{}: parameter alpha = 0 cannot be used with learning_rate \"optimal\"", describe()));
  }
  if (params_.learning_rate != "optimal" && params_.eta0 <= 0.0) {
    throw ParameterError(
        fmt::format("{}: parameter eta0 = {} must be > 0 with learning_rate \"{}\"", describe(),
                    params_.eta0, params_.learning_rate));
  }
}

void SGDClassifier::run_epochs(const Table& x, const std::vector<int>& labels, int max_iter,
                               bool validate) {
  const detail::SgdData all = detail::sgd_data(x, describe());
  const auto n_classes = static_cast<Eigen::Index>(state_.classes.size());
  const Eigen::Index n_models = n_classes == 2 ? 1 : n_classes;
  const std::string penalty = params_.penalty.value_or("none");
  detail::SgdSettings settings;
  settings.loss = detail::sgd_loss_from_string(params_.loss);
  settings.epsilon = params_.epsilon;
  settings.alpha = params_.alpha;
  settings.penalised = penalty != "none";
  settings.l1_ratio = penalty == "l1" ? 1.0 : (penalty == "elasticnet" ? params_.l1_ratio : 0.0);
  settings.fit_intercept = params_.fit_intercept;
  settings.schedule = detail::sgd_schedule_from_string(params_.learning_rate);
  settings.eta0 = params_.eta0;
  settings.power_t = params_.power_t;
  settings.max_iter = max_iter;
  settings.tol = params_.tol;
  settings.n_iter_no_change = params_.n_iter_no_change;
  settings.shuffle = params_.shuffle;
  settings.intercept_decay = all.is_sparse ? 0.01 : 1.0;
  settings.progress = progress_;
  settings.stage = "SGDClassifier";
  std::mt19937_64 rng = detail::make_engine(params_.random_state, partial_calls_);
  // The validation rows (early stopping) are left out of training.
  std::vector<Eigen::Index> train_rows, validation_rows;
  if (validate && params_.early_stopping) {
    const std::vector<bool> held_out = detail::validation_split(
        labels.size(), params_.validation_fraction, &labels, rng, describe());
    for (std::size_t r = 0; r < labels.size(); ++r)
      (held_out[r] ? validation_rows : train_rows).push_back(static_cast<Eigen::Index>(r));
  }
  const bool early = !validation_rows.empty();
  const detail::SgdData train = early ? all.take(train_rows) : detail::SgdData();
  const detail::SgdData validation = early ? all.take(validation_rows) : detail::SgdData();
  const detail::SgdData& data = early ? train : all;
  const Eigen::VectorXd weight = Eigen::VectorXd::Ones(data.rows().rows());
  int epochs = 0;
  for (Eigen::Index k = 0; k < n_models; ++k) {
    // +1 for this model's class (classes_[1] when binary), -1 otherwise.
    const int positive = n_models == 1 ? 1 : static_cast<int>(k);
    auto target_of = [&](std::size_t row) { return labels[row] == positive ? 1.0 : -1.0; };
    Eigen::VectorXd y(data.rows().rows());
    for (Eigen::Index r = 0; r < y.size(); ++r)
      y(r) = target_of(early ? static_cast<std::size_t>(train_rows[static_cast<std::size_t>(r)])
                             : static_cast<std::size_t>(r));
    detail::ValidationScore score;
    Eigen::VectorXd y_validation;
    if (early) {
      y_validation.resize(static_cast<Eigen::Index>(validation_rows.size()));
      for (std::size_t r = 0; r < validation_rows.size(); ++r)
        y_validation(static_cast<Eigen::Index>(r)) =
            target_of(static_cast<std::size_t>(validation_rows[r]));
      score = [&](const detail::SgdModel& model) {
        const Eigen::VectorXd s = validation.scores(model.w, model.intercept);
        double correct = 0.0;
        for (Eigen::Index r = 0; r < s.size(); ++r)
          correct += ((s(r) > 0.0 ? 1.0 : -1.0) == y_validation(r)) ? 1.0 : 0.0;
        return correct / static_cast<double>(s.size());
      };
    }
    detail::SgdModel model;
    model.w = state_.coef.row(k).transpose();
    model.intercept = state_.intercept(k);
    model.t = t_;
    epochs =
        std::max(epochs, detail::plain_sgd(data.rows(), y, weight, settings, score, rng, model));
    state_.coef.row(k) = model.w.transpose();
    state_.intercept(k) = model.intercept;
  }
  state_.n_iter = epochs;
  t_ += static_cast<double>(epochs) * static_cast<double>(x.n_rows());
}

void SGDClassifier::fit(const Table& x, const Column* y) {
  check_params();
  require_non_empty(x, describe());
  if (y == nullptr) throw DataError(fmt::format("{}: fit needs a target (labels)", describe()));
  if (y->size() != x.n_rows()) {
    throw DataError(
        fmt::format("{}: {} rows of features but {} labels", describe(), x.n_rows(), y->size()));
  }
  EncodedLabels labels = encode_labels(*y, describe());
  if (labels.classes.size() < 2) {
    throw DataError(fmt::format("{}: the target \"{}\" has a single class; at least 2 are needed",
                                describe(), y->name()));
  }
  state_.classes = labels.classes;
  const Eigen::Index rows =
      labels.classes.size() == 2 ? 1 : static_cast<Eigen::Index>(labels.classes.size());
  state_.coef = Eigen::MatrixXd::Zero(rows, static_cast<Eigen::Index>(x.n_columns()));
  state_.intercept = Eigen::VectorXd::Zero(rows);
  state_.feature_names_in = x.column_names();
  t_ = 1.0;
  partial_calls_ = 0;
  state_.fitted = false;
  run_epochs(x, labels.indices, params_.max_iter, true);
  state_.fitted = true;
}

void SGDClassifier::partial_fit(const Table& x, const Column& y, const Column* classes) {
  check_params();
  require_non_empty(x, describe());
  if (y.size() != x.n_rows()) {
    throw DataError(
        fmt::format("{}: {} rows of features but {} labels", describe(), x.n_rows(), y.size()));
  }
  if (!state_.fitted) {
    if (classes == nullptr) {
      throw DataError(fmt::format(
          "{}: the first call to partial_fit needs classes (every label the data can have)",
          describe()));
    }
    EncodedLabels all = encode_labels(*classes, describe());
    if (all.classes.size() < 2) {
      throw DataError(fmt::format("{}: partial_fit needs at least 2 classes", describe()));
    }
    state_.classes = all.classes;
    const Eigen::Index rows =
        all.classes.size() == 2 ? 1 : static_cast<Eigen::Index>(all.classes.size());
    state_.coef = Eigen::MatrixXd::Zero(rows, static_cast<Eigen::Index>(x.n_columns()));
    state_.intercept = Eigen::VectorXd::Zero(rows);
    state_.feature_names_in = x.column_names();
    t_ = 1.0;
    partial_calls_ = 0;
  } else {
    require_same_columns(x, state_.feature_names_in, describe());
    if (classes != nullptr) {
      const EncodedLabels given = encode_labels(*classes, describe());
      std::vector<std::string> a, b;
      for (std::size_t i = 0; i < given.classes.size(); ++i)
        a.push_back(given.classes.value_string(i));
      for (std::size_t i = 0; i < state_.classes.size(); ++i)
        b.push_back(state_.classes.value_string(i));
      if (a != b) {
        throw DataError(
            fmt::format("{}: classes differ from those of the first partial_fit call", describe()));
      }
    }
  }
  const std::vector<int> labels = label_indices(state_.classes, y, describe());
  run_epochs(x, labels, 1, false);
  ++partial_calls_;
  state_.fitted = true;
}

bool SGDClassifier::has_predict_proba() const {
  return params_.loss == "log_loss" || params_.loss == "modified_huber";
}

Eigen::MatrixXd SGDClassifier::predict_proba(const Table& x) const {
  require_fitted("predict_proba");
  if (!has_predict_proba()) {
    throw Error(
        fmt::format("{}: predict_proba needs loss \"log_loss\" or \"modified_huber\", not "
                    "\"{}\"",
                    describe(), params_.loss));
  }
  const Eigen::MatrixXd scores = state_.decision(x, describe());
  Eigen::MatrixXd p(scores.rows(), scores.cols());
  if (params_.loss == "log_loss") {
    p = (1.0 + (-scores.array()).exp()).inverse().matrix();
  } else {
    p = ((scores.array().max(-1.0).min(1.0) + 1.0) / 2.0).matrix();
  }
  if (scores.cols() == 1) {
    Eigen::MatrixXd result(scores.rows(), 2);
    result.col(1) = p.col(0);
    result.col(0) = (1.0 - p.col(0).array()).matrix();
    return result;
  }
  const auto n_classes = static_cast<double>(p.cols());
  for (Eigen::Index i = 0; i < p.rows(); ++i) {
    const double total = p.row(i).sum();
    // modified_huber: rows where every class scores <= -1 get uniform probabilities.
    if (total == 0.0) {
      p.row(i).setConstant(1.0 / n_classes);
    } else {
      p.row(i) /= total;
    }
  }
  return p;
}

Json SGDClassifier::fitted_state() const {
  Json saved = LinearClassifierBase::fitted_state();
  saved["t"] = t_;
  saved["partial_calls"] = partial_calls_;
  return saved;
}

void SGDClassifier::load_fitted_state(const Json& saved) {
  LinearClassifierBase::load_fitted_state(saved);
  t_ = saved.value("t", 1.0);
  partial_calls_ = saved.value("partial_calls", 0);
}

}  // namespace loom::models
