#include "loom/models/neural/mlp_classifier.hpp"

#include <fmt/format.h>

#include "loom/core/error.hpp"
#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/core/labels.hpp"
#include "loom/models/linear/detail/linear_regressor.hpp"

namespace loom::models {

void MLPClassifier::fit(const Table& x, const Column* y) {
  detail::check_mlp_params(params_, describe());
  require_non_empty(x, describe());
  if (y == nullptr) throw DataError(fmt::format("{}: fit needs a target (labels)", describe()));
  if (y->size() != x.n_rows()) {
    throw DataError(
        fmt::format("{}: {} rows of features but {} labels", describe(), x.n_rows(), y->size()));
  }
  const Eigen::MatrixXd features = detail::dense_features(x, describe());
  EncodedLabels labels = encode_labels(*y, describe());
  const auto n_classes = static_cast<Eigen::Index>(labels.classes.size());
  if (n_classes < 2) {
    throw DataError(
        fmt::format("{}: the target \"{}\" has a single class \"{}\"; at least 2 are needed",
                    describe(), y->name(), labels.classes.value_string(0)));
  }
  // LabelBinarizer: one 0/1 column for two classes, else one-hot.
  const Eigen::Index outputs = n_classes == 2 ? 1 : n_classes;
  Eigen::MatrixXd target = Eigen::MatrixXd::Zero(features.rows(), outputs);
  std::vector<std::string> stratify(labels.indices.size());
  for (std::size_t i = 0; i < labels.indices.size(); ++i) {
    const int label = labels.indices[i];
    const auto row = static_cast<Eigen::Index>(i);
    if (outputs == 1) {
      target(row, 0) = label == 1 ? 1.0 : 0.0;
    } else {
      target(row, label) = 1.0;
    }
    stratify[i] = std::to_string(label);
  }
  fitted_ = false;
  training_ = detail::train_mlp(
      params_, features, target, outputs == 1 ? "logistic" : "softmax", stratify,
      [this](std::size_t done, std::size_t total) { report_progress(done, total); }, describe());
  feature_names_in_ = x.column_names();
  classes_ = std::move(labels.classes);
  fitted_ = true;
}

Eigen::MatrixXd MLPClassifier::output(const Table& x, std::string_view method) const {
  require_fitted(method);
  require_same_columns(x, feature_names_in_, describe());
  return training_.network.forward(detail::dense_features(x, describe()));
}

Eigen::MatrixXd MLPClassifier::predict_proba(const Table& x) const {
  Eigen::MatrixXd p = output(x, "predict_proba");
  if (p.cols() != 1) return p;
  Eigen::MatrixXd both(p.rows(), 2);
  both.col(0) = (1.0 - p.col(0).array()).matrix();
  both.col(1) = p.col(0);
  return both;
}

Column MLPClassifier::predict(const Table& x) const {
  const Eigen::MatrixXd p = output(x, "predict");
  std::vector<int> indices(static_cast<std::size_t>(p.rows()));
  for (Eigen::Index i = 0; i < p.rows(); ++i) {
    Eigen::Index best = 0;
    if (p.cols() == 1) {
      best = p(i, 0) > 0.5 ? 1 : 0;
    } else {
      p.row(i).maxCoeff(&best);
    }
    indices[static_cast<std::size_t>(i)] = static_cast<int>(best);
  }
  return decode_labels(classes_, indices, classes_.name());
}

Column MLPClassifier::classes() const {
  require_fitted("classes");
  return classes_;
}

double MLPClassifier::score(const Table& x, const Column& y) const {
  const Column predicted = predict(x);
  if (predicted.size() != y.size()) {
    throw DataError(
        fmt::format("{}: score got {} labels for {} rows", describe(), y.size(), predicted.size()));
  }
  std::size_t correct = 0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (!y.is_missing(i) && y.value_string(i) == predicted.value_string(i)) ++correct;
  }
  return y.size() == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(y.size());
}

Json MLPClassifier::fitted_state() const {
  require_fitted("fitted_state");
  Json saved = detail::training_to_json(training_);
  saved["feature_names_in"] = feature_names_in_;
  saved["classes"] = state::from_column(classes_);
  return saved;
}

void MLPClassifier::load_fitted_state(const Json& saved) {
  detail::MlpTraining training = detail::training_from_json(saved, describe());
  std::vector<std::string> names = state::to_strings(saved, "feature_names_in");
  Column classes = state::to_column(saved, "classes");
  const auto outputs = classes.size() == 2 ? 1 : static_cast<Eigen::Index>(classes.size());
  if (classes.size() < 2 ||
      training.network.coefs.front().rows() != static_cast<Eigen::Index>(names.size()) ||
      training.network.coefs.back().cols() != outputs) {
    throw ParseError(fmt::format("{}: saved network does not match {} features and {} classes",
                                 describe(), names.size(), classes.size()));
  }
  training_ = std::move(training);
  feature_names_in_ = std::move(names);
  classes_ = std::move(classes);
  fitted_ = true;
}

}  // namespace loom::models
