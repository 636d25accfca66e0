#include "loom/models/linear/sgd_regressor.hpp"

#include "loom/core/input_check.hpp"
#include "sgd_common.hpp"

namespace loom::models {

const ParamTable<SGDRegressorParams>& SGDRegressorParams::table() {
  using P = SGDRegressorParams;
  static const ParamTable<P> table{
      param("loss", &P::loss, one_of({"squared_error", "huber", "epsilon_insensitive"})),
      param<P, std::optional<std::string>>(
          "penalty", &P::penalty,
          [](const std::optional<std::string>& value) {
            return (!value || *value == "l2" || *value == "l1" || *value == "elasticnet" ||
                    *value == "none")
                       ? std::string()
                       : std::string("must be \"l2\", \"l1\", \"elasticnet\", \"none\" or null");
          }),
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

void SGDRegressor::check_params() const {
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

void SGDRegressor::run_epochs(const Table& x, const Eigen::VectorXd& y, int max_iter,
                              bool validate) {
  const detail::SgdData all = detail::sgd_data(x, describe());
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
  settings.stage = "SGDRegressor";
  std::mt19937_64 rng = detail::make_engine(params_.random_state, partial_calls_);
  std::vector<Eigen::Index> train_rows, validation_rows;
  if (validate && params_.early_stopping) {
    const std::vector<bool> held_out = detail::validation_split(
        static_cast<std::size_t>(y.size()), params_.validation_fraction, nullptr, rng, describe());
    for (std::size_t r = 0; r < held_out.size(); ++r)
      (held_out[r] ? validation_rows : train_rows).push_back(static_cast<Eigen::Index>(r));
  }
  const bool early = !validation_rows.empty();
  const detail::SgdData train = early ? all.take(train_rows) : detail::SgdData();
  const detail::SgdData validation = early ? all.take(validation_rows) : detail::SgdData();
  const detail::SgdData& data = early ? train : all;
  Eigen::VectorXd y_train = y, y_validation;
  detail::ValidationScore score;
  if (early) {
    y_train = y(train_rows);
    y_validation = y(validation_rows);
    score = [&](const detail::SgdModel& model) {
      const Eigen::VectorXd predicted = validation.scores(model.w, model.intercept);
      const double total = (y_validation.array() - y_validation.mean()).square().sum();
      const double residual = (y_validation - predicted).squaredNorm();
      return total == 0.0 ? (residual == 0.0 ? 1.0 : 0.0) : 1.0 - residual / total;
    };
  }
  detail::SgdModel model;
  model.w = state_.coef;
  model.intercept = state_.intercept;
  model.t = t_;
  const Eigen::VectorXd weight = Eigen::VectorXd::Ones(y_train.size());
  state_.n_iter = detail::plain_sgd(data.rows(), y_train, weight, settings, score, rng, model);
  state_.coef = model.w;
  state_.intercept = model.intercept;
  t_ += static_cast<double>(state_.n_iter) * static_cast<double>(x.n_rows());
}

void SGDRegressor::fit(const Table& x, const Column* y) {
  check_params();
  require_non_empty(x, describe());
  const Eigen::VectorXd target = detail::numeric_target(y, x.n_rows(), describe());
  state_.coef = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(x.n_columns()));
  state_.intercept = 0.0;
  state_.feature_names_in = x.column_names();
  state_.target_name = y->name();
  t_ = 1.0;
  partial_calls_ = 0;
  state_.fitted = false;
  run_epochs(x, target, params_.max_iter, true);
  state_.fitted = true;
}

void SGDRegressor::partial_fit(const Table& x, const Column& y) {
  check_params();
  require_non_empty(x, describe());
  const Eigen::VectorXd target = detail::numeric_target(&y, x.n_rows(), describe());
  if (!state_.fitted) {
    state_.coef = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(x.n_columns()));
    state_.intercept = 0.0;
    state_.feature_names_in = x.column_names();
    state_.target_name = y.name();
    t_ = 1.0;
    partial_calls_ = 0;
  } else {
    require_same_columns(x, state_.feature_names_in, describe());
  }
  run_epochs(x, target, 1, false);
  ++partial_calls_;
  state_.fitted = true;
}

Json SGDRegressor::fitted_state() const {
  Json saved = LinearRegressorBase::fitted_state();
  saved["t"] = t_;
  saved["partial_calls"] = partial_calls_;
  return saved;
}

void SGDRegressor::load_fitted_state(const Json& saved) {
  LinearRegressorBase::load_fitted_state(saved);
  t_ = saved.value("t", 1.0);
  partial_calls_ = saved.value("partial_calls", 0);
}

}  // namespace loom::models
