#pragma once
// K-means on random mini-batches: centres move towards each batch's rows with per-centre
// learning rates, small clusters are reseeded now and then, and fitting stops on a smoothed
// batch inertia that stops improving. scikit-learn: sklearn.cluster.MiniBatchKMeans.
// Throws ParameterError for bad parameters, DataError for NaN, non-numeric columns or fewer
// rows than clusters, NotFittedError before fit.
#include <optional>
#include <string>
#include <vector>

#include "loom/core/step.hpp"
#include "loom/models/cluster/clusterer.hpp"

namespace loom::models {

struct MiniBatchKMeansParams {
  int n_clusters = 8;
  std::string init = "k-means++";  // "k-means++" | "random"
  int max_iter = 100;              // passes over the data
  int batch_size = 1024;
  bool compute_labels = true;  // labels_ and inertia_ on all rows after fitting
  std::optional<int> random_state = std::nullopt;
  double tol = 0.0;  // on the squared centre change, relative to the variance
  std::optional<int> max_no_improvement = 10;   // null: never stop on it
  std::optional<int> init_size = std::nullopt;  // rows drawn to seed: 3 * batch_size by default
  Json n_init = 3;  // seedings tried, >= 1, or "auto" (1 for k-means++, else 3)
  double reassignment_ratio = 0.01;
  static const ParamTable<MiniBatchKMeansParams>& table();
};

class MiniBatchKMeans : public StepWithParams<MiniBatchKMeans, Predictor, MiniBatchKMeansParams>,
                        public Clusterer {
 public:
  static constexpr std::string_view kTypeName = "MiniBatchKMeans";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y) override;
  // The nearest centre of each row (the first on ties), as a numeric column "cluster".
  Column predict(const Table& x) const override;
  // Euclidean distance of each row to each centre: rows x n_clusters.
  Eigen::MatrixXd transform(const Table& x) const;
  bool is_classifier() const override { return false; }
  bool is_supervised() const override { return false; }

  // Empty when fitted with compute_labels = false.
  const std::vector<int>& labels() const override;
  std::vector<int> fit_predict(const Table& x) override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  const Eigen::MatrixXd& cluster_centers() const { return cluster_centers_; }
  double inertia() const { return inertia_; }  // on all rows, with compute_labels
  int n_iter() const { return n_iter_; }
  int n_steps() const { return n_steps_; }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Eigen::MatrixXd cluster_centers_;
  std::vector<int> labels_;
  double inertia_ = 0.0;
  int n_iter_ = 0;
  int n_steps_ = 0;
};

}  // namespace loom::models
