#include "loom/models/ensemble/hist_gradient_boosting.hpp"

#include <cmath>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/models/tree/detail/random.hpp"
#include "loom/models/tree/detail/targets.hpp"
#include "loom/models/tree/detail/threads.hpp"
#include "loom/models/tree/detail/tree_params.hpp"

namespace loom::models {

namespace {

ParamCheck<Json> categorical_features_check() {
  return [](const Json& value) -> std::string {
    if (value.is_null() || value == "from_dtype") return {};
    if (value.is_array()) {
      bool ok = true;
      for (const auto& entry : value)
        ok = ok && (entry.is_boolean() || entry.is_string() || entry.is_number_integer());
      if (ok) return {};
    }
    return "must be null, \"from_dtype\" or a list of column indices, names or booleans";
  };
}

template <class P>
ParamTable<P> hist_table(std::vector<std::string> losses) {
  using Base = HistGradientBoostingParams;
  return {
      param<P, std::string>("loss", &Base::loss, one_of(std::move(losses))),
      param<P, double>("learning_rate", &Base::learning_rate, greater_than(0.0)),
      param<P, int>("max_iter", &Base::max_iter, at_least(1)),
      param<P, std::optional<int>>("max_leaf_nodes", &Base::max_leaf_nodes,
                                   detail::optional_at_least(2)),
      param<P, std::optional<int>>("max_depth", &Base::max_depth, detail::optional_at_least(1)),
      param<P, int>("min_samples_leaf", &Base::min_samples_leaf, at_least(1)),
      param<P, double>("l2_regularization", &Base::l2_regularization, at_least(0.0)),
      param<P, int>("max_bins", &Base::max_bins, between(2, 255)),
      param<P, Json>("categorical_features", &Base::categorical_features,
                     categorical_features_check()),
      param<P, Json>("early_stopping", &Base::early_stopping,
                     [](const Json& value) {
                       return (value.is_boolean() || value == "auto")
                                  ? std::string()
                                  : std::string("must be \"auto\", true or false");
                     }),
      param<P, std::string>("scoring", &Base::scoring, one_of({"loss"})),
      param<P, std::optional<double>>("validation_fraction", &Base::validation_fraction,
                                      [](const std::optional<double>& value) {
                                        return (!value || (*value > 0.0 && *value < 1.0))
                                                   ? std::string()
                                                   : std::string("must be null or in (0, 1)");
                                      }),
      param<P, int>("n_iter_no_change", &Base::n_iter_no_change, at_least(1)),
      param<P, double>("tol", &Base::tol, at_least(0.0)),
      param<P, std::optional<int>>("random_state", &Base::random_state),
      param<P, std::optional<int>>("n_jobs", &Base::n_jobs,
                                   [](const std::optional<int>& value) {
                                     return (!value || *value != 0) ? std::string()
                                                                    : std::string("must not be 0");
                                   }),
  };
}

detail::BoostSetup boost_setup(const HistGradientBoostingParams& params, std::size_t n_rows,
                               int n_classes) {
  detail::BoostSetup setup;
  setup.n_classes = n_classes;
  setup.max_iter = params.max_iter;
  setup.max_bins = params.max_bins;
  setup.grower.max_leaf_nodes = params.max_leaf_nodes;
  setup.grower.max_depth = params.max_depth;
  setup.grower.min_samples_leaf = params.min_samples_leaf;
  setup.grower.l2_regularization = params.l2_regularization;
  setup.grower.learning_rate = params.learning_rate;
  setup.early_stopping = detail::resolve_early_stopping(params.early_stopping, n_rows);
  setup.validation_fraction = params.validation_fraction;
  setup.n_iter_no_change = params.n_iter_no_change;
  setup.tol = params.tol;
  setup.seed = detail::seed_from(params.random_state);
  setup.n_threads = detail::resolve_n_jobs(params.n_jobs);
  return setup;
}

std::vector<detail::RawColumn> prediction_columns(const Table& x,
                                                  const std::vector<std::string>& names,
                                                  const detail::BinMapper& mapper,
                                                  std::string_view caller) {
  require_same_columns(x, names, caller);
  return detail::raw_columns_like(x, mapper.is_categorical(), caller);
}

}  // namespace

const ParamTable<HistGradientBoostingParams>& HistGradientBoostingParams::table() {
  static const ParamTable<HistGradientBoostingParams> table =
      hist_table<HistGradientBoostingParams>({"log_loss"});
  return table;
}

const ParamTable<HistGradientBoostingRegressorParams>&
HistGradientBoostingRegressorParams::table() {
  static const ParamTable<HistGradientBoostingRegressorParams> table =
      hist_table<HistGradientBoostingRegressorParams>({"squared_error"});
  return table;
}

void HistGradientBoostingClassifier::fit(const Table& x, const Column* y) {
  validate_params();
  const EncodedLabels labels = detail::classification_target(x, y, describe());
  const auto columns = detail::raw_columns(x, params_.categorical_features, describe());
  detail::BoostSetup setup =
      boost_setup(params_, x.n_rows(), static_cast<int>(labels.classes.size()));
  setup.progress = [this](std::size_t done, std::size_t total) { report_progress(done, total); };
  model_ = detail::fit_hist_boosting(columns, {}, labels.indices, setup);
  classes_ = labels.classes;
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Eigen::MatrixXd HistGradientBoostingClassifier::decision_function(const Table& x) const {
  require_fitted("decision_function");
  const auto columns = prediction_columns(x, feature_names_in_, model_.mapper, describe());
  return model_.raw_predict(columns, detail::resolve_n_jobs(params_.n_jobs));
}

Eigen::MatrixXd HistGradientBoostingClassifier::predict_proba(const Table& x) const {
  const Eigen::MatrixXd raw = decision_function(x);
  Eigen::MatrixXd result(raw.rows(), static_cast<Eigen::Index>(classes_.size()));
  for (Eigen::Index i = 0; i < raw.rows(); ++i) {
    if (raw.cols() == 1) {
      const double positive = 1.0 / (1.0 + std::exp(-raw(i, 0)));
      result(i, 0) = 1.0 - positive;
      result(i, 1) = positive;
    } else {
      const Eigen::ArrayXd e = (raw.row(i).array() - raw.row(i).maxCoeff()).exp().transpose();
      result.row(i) = (e / e.sum()).matrix().transpose();
    }
  }
  return result;
}

Column HistGradientBoostingClassifier::predict(const Table& x) const {
  return decode_labels(classes_, detail::argmax_rows(predict_proba(x)), classes_.name());
}

Column HistGradientBoostingClassifier::classes() const {
  require_fitted("classes");
  return classes_;
}

Json HistGradientBoostingClassifier::fitted_state() const {
  require_fitted("fitted_state");
  Json result = model_.to_json();
  result["feature_names_in"] = feature_names_in_;
  result["classes"] = state::from_column(classes_);
  return result;
}

void HistGradientBoostingClassifier::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  classes_ = state::to_column(saved, "classes");
  if (classes_.size() < 2) {
    throw ParseError(fmt::format("{}: saved state has fewer than 2 classes", describe()));
  }
  model_ = detail::HistBoosting::from_json(saved, feature_names_in_.size(),
                                           classes_.size() == 2 ? 1 : classes_.size(), describe());
  fitted_ = true;
}

void HistGradientBoostingRegressor::fit(const Table& x, const Column* y) {
  validate_params();
  const std::vector<double> target = detail::regression_target(x, y, describe());
  const auto columns = detail::raw_columns(x, params_.categorical_features, describe());
  detail::BoostSetup setup = boost_setup(params_, x.n_rows(), 0);
  setup.progress = [this](std::size_t done, std::size_t total) { report_progress(done, total); };
  model_ = detail::fit_hist_boosting(columns, target, {}, setup);
  target_name_ = y->name();
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Column HistGradientBoostingRegressor::predict(const Table& x) const {
  require_fitted("predict");
  const auto columns = prediction_columns(x, feature_names_in_, model_.mapper, describe());
  const Eigen::MatrixXd raw = model_.raw_predict(columns, detail::resolve_n_jobs(params_.n_jobs));
  return Column::numeric(target_name_, std::vector<double>(raw.data(), raw.data() + raw.rows()));
}

Json HistGradientBoostingRegressor::fitted_state() const {
  require_fitted("fitted_state");
  Json result = model_.to_json();
  result["feature_names_in"] = feature_names_in_;
  result["target_name"] = target_name_;
  return result;
}

void HistGradientBoostingRegressor::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  target_name_ = saved.value("target_name", std::string("prediction"));
  model_ = detail::HistBoosting::from_json(saved, feature_names_in_.size(), 1, describe());
  fitted_ = true;
}

}  // namespace loom::models
