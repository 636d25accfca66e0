#include "loom/models/neighbors/kneighbors_classifier.hpp"

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/core/labels.hpp"
#include "loom/models/linear/detail/linear_classifier.hpp"
#include "loom/models/linear/detail/linear_regressor.hpp"
#include "neighbors_common.hpp"

namespace loom::models {

void KNeighborsClassifier::fit(const Table& x, const Column* y) {
  validate_params();
  detail::check_neighbors_params(params_, describe());
  require_non_empty(x, describe());
  if (y == nullptr) throw DataError(fmt::format("{}: fit needs a target (labels)", describe()));
  if (y->size() != x.n_rows()) {
    throw DataError(
        fmt::format("{}: {} rows of features but {} labels", describe(), x.n_rows(), y->size()));
  }
  Eigen::MatrixXd points = detail::dense_features(x, describe());
  EncodedLabels labels = encode_labels(*y, describe());
  index_ = detail::build_index(points, params_, describe());
  fit_x_ = std::move(points);
  labels_ = std::move(labels.indices);
  classes_ = std::move(labels.classes);
  feature_names_in_ = x.column_names();
}

Eigen::MatrixXd KNeighborsClassifier::class_weights(const Table& x) const {
  const clean::NeighborsResult neighbors =
      detail::query_neighbors(*index_, x, feature_names_in_, params_, describe());
  const Eigen::MatrixXd weights =
      detail::neighbor_weights(neighbors, params_.weights == "distance");
  Eigen::MatrixXd votes =
      Eigen::MatrixXd::Zero(neighbors.indices.rows(), static_cast<Eigen::Index>(classes_.size()));
  for (Eigen::Index i = 0; i < neighbors.indices.rows(); ++i) {
    for (Eigen::Index j = 0; j < neighbors.indices.cols(); ++j)
      votes(i, labels_[static_cast<std::size_t>(neighbors.indices(i, j))]) += weights(i, j);
  }
  return votes;
}

Column KNeighborsClassifier::predict(const Table& x) const {
  require_fitted("predict");
  const Eigen::MatrixXd votes = class_weights(x);
  std::vector<int> indices(static_cast<std::size_t>(votes.rows()));
  for (Eigen::Index i = 0; i < votes.rows(); ++i) {
    Eigen::Index best = 0;
    for (Eigen::Index k = 1; k < votes.cols(); ++k) {
      if (votes(i, k) > votes(i, best)) best = k;  // ties: the smallest label
    }
    indices[static_cast<std::size_t>(i)] = static_cast<int>(best);
  }
  return decode_labels(classes_, indices, classes_.name());
}

Eigen::MatrixXd KNeighborsClassifier::predict_proba(const Table& x) const {
  require_fitted("predict_proba");
  Eigen::MatrixXd votes = class_weights(x);
  votes.array().colwise() /= votes.rowwise().sum().array();
  return votes;
}

double KNeighborsClassifier::score(const Table& x, const Column& y) const {
  return detail::accuracy_of(predict(x), y, describe());
}

Column KNeighborsClassifier::classes() const {
  require_fitted("classes");
  return classes_;
}

Json KNeighborsClassifier::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"classes", state::from_column(classes_)},
          {"fit_X", state::from_matrix(fit_x_)},
          {"y", labels_}};
}

void KNeighborsClassifier::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  classes_ = state::to_column(saved, "classes");
  fit_x_ = state::to_matrix(saved, "fit_X");
  const Json& labels = state::field(saved, "y");
  if (!labels.is_array() || labels.size() != static_cast<std::size_t>(fit_x_.rows()) ||
      fit_x_.cols() != static_cast<Eigen::Index>(feature_names_in_.size())) {
    throw ParseError(fmt::format("{}: saved training rows do not match their labels or {} features",
                                 describe(), feature_names_in_.size()));
  }
  labels_.clear();
  for (const auto& label : labels) {
    if (!label.is_number_integer() || label.get<int>() < 0 ||
        label.get<std::size_t>() >= classes_.size()) {
      throw ParseError(
          fmt::format("{}: saved label {} is not a class index", describe(), label.dump()));
    }
    labels_.push_back(label.get<int>());
  }
  index_ = detail::build_index(fit_x_, params_, describe());
}

}  // namespace loom::models
