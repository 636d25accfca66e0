#pragma once
// k-nearest-neighbours regression: each query predicts the mean target of its n_neighbors
// nearest training rows (Euclidean; equal distances go to the earlier row), or their
// inverse-distance weighted mean ("distance"; exact matches then take all the weight).
// scikit-learn: sklearn.neighbors.KNeighborsRegressor. Throws ParameterError for a bad
// n_neighbors / weights / metric, DataError for NaN (naming the column), a non-numeric
// target or fewer rows than n_neighbors, NotFittedError before fit.
#include <memory>
#include <string>
#include <vector>

#include "loom/models/neighbors/kneighbors_classifier.hpp"

namespace loom::models {

class KNeighborsRegressor
    : public StepWithParams<KNeighborsRegressor, Predictor, KNeighborsParams> {
 public:
  static constexpr std::string_view kTypeName = "KNeighborsRegressor";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y) override;
  Column predict(const Table& x) const override;
  double score(const Table& x, const Column& y) const;  // R^2
  bool is_classifier() const override { return false; }

  bool is_fitted() const override { return index_ != nullptr; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

 private:
  Eigen::VectorXd predict_values(const Table& x) const;

  std::vector<std::string> feature_names_in_;
  std::string target_name_;
  Eigen::MatrixXd fit_x_;
  Eigen::VectorXd fit_y_;
  std::shared_ptr<const clean::NearestNeighbors> index_;
};

}  // namespace loom::models
