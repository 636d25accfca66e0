#pragma once
// k-nearest-neighbours vote: each query takes the labels of its n_neighbors nearest training
// rows (Euclidean; equal distances go to the earlier row), weighted equally ("uniform") or by
// inverse distance ("distance"; exact matches then take all the weight); tied votes go to the
// smallest label. scikit-learn: sklearn.neighbors.KNeighborsClassifier. Throws
// ParameterError for a bad n_neighbors / weights / metric, DataError for NaN (naming the
// column), fewer rows than n_neighbors or missing labels, NotFittedError before fit.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::clean {
class NearestNeighbors;
}

namespace loom::models {

struct KNeighborsParams {
  int n_neighbors = 5;
  std::string weights = "uniform";   // uniform | distance
  std::string algorithm = "auto";    // auto | brute | kd_tree | ball_tree (same results)
  std::string metric = "minkowski";  // minkowski (with p = 2) | euclidean
  double p = 2;
  std::optional<int> n_jobs = std::nullopt;  // null: LOOM_NUM_THREADS or all cores
  static const ParamTable<KNeighborsParams>& table();
};

class KNeighborsClassifier
    : public StepWithParams<KNeighborsClassifier, Predictor, KNeighborsParams> {
 public:
  static constexpr std::string_view kTypeName = "KNeighborsClassifier";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y) override;
  Column predict(const Table& x) const override;
  Eigen::MatrixXd predict_proba(const Table& x) const override;
  double score(const Table& x, const Column& y) const;  // accuracy
  bool is_classifier() const override { return true; }
  bool has_predict_proba() const override { return true; }
  Column classes() const override;

  bool is_fitted() const override { return index_ != nullptr; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

 private:
  void check_params() const;
  // Per query, the weight each class gets from its neighbours (rows x classes).
  Eigen::MatrixXd class_weights(const Table& x) const;

  std::vector<std::string> feature_names_in_;
  Column classes_;
  Eigen::MatrixXd fit_x_;
  std::vector<int> labels_;  // class index per training row
  std::shared_ptr<const clean::NearestNeighbors> index_;
};

}  // namespace loom::models
