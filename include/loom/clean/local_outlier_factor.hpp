#pragma once
// Local outlier factor: each row's local reachability density (the inverse mean
// reachability distance to its n_neighbors nearest other rows) compared with
// its neighbours'; the score is scikit-learn's negative_outlier_factor_ (about
// -1 for inliers, lower for outliers) and offset_ = -1.5 for contamination
// "auto", else the contamination percentile of the scores. score_samples of new
// rows is scikit-learn's novelty=True score. Euclidean distance, exact
// neighbours (loom::clean::NearestNeighbors). scikit-learn:
// sklearn.neighbors.LocalOutlierFactor. Throws as OutlierDetector, and
// DataError for fewer than 2 rows.
#include <memory>
#include <optional>

#include "loom/clean/outlier_detector.hpp"

namespace loom::clean {

class NearestNeighbors;

struct LocalOutlierFactorParams {
  int n_neighbors = 20;         // capped at n_rows - 1, as scikit-learn
  Json contamination = "auto";  // "auto" | float in (0, 0.5]
  std::optional<int> n_jobs =
      std::nullopt;  // threads of the neighbour search; null: LOOM_NUM_THREADS
  static const ParamTable<LocalOutlierFactorParams>& table();
};

class LocalOutlierFactor : public DetectorWithParams<LocalOutlierFactor, LocalOutlierFactorParams> {
 public:
  static constexpr std::string_view kTypeName = "LocalOutlierFactor";
  using DetectorWithParams::DetectorWithParams;

  // scikit-learn's negative_outlier_factor_ (the training scores) and
  // n_neighbors_.
  const Eigen::VectorXd& negative_outlier_factor() const { return training_scores(); }
  Eigen::Index n_neighbors() const { return n_neighbors_; }

 protected:
  void fit_checked(const Eigen::MatrixXd& x) override;
  Eigen::VectorXd score_checked(const Eigen::MatrixXd& x) const override;

 private:
  std::shared_ptr<const NearestNeighbors> index_;  // immutable, shared by clones
  Eigen::VectorXd distance_k_;  // each training row's distance to its k-th neighbour
  Eigen::VectorXd lrd_;         // local reachability densities of the training rows
  Eigen::Index n_neighbors_ = 0;
};

}  // namespace loom::clean
