#pragma once
// K-means clustering by Lloyd iterations from k-means++ (scikit-learn's greedy variant) or
// random seeds, the best of n_init runs by inertia. scikit-learn: sklearn.cluster.KMeans
// (algorithm "lloyd"). Throws ParameterError for bad parameters, DataError for NaN,
// non-numeric columns or fewer rows than clusters, NotFittedError before fit.
#include <optional>
#include <string>
#include <vector>

#include "loom/core/step.hpp"
#include "loom/models/cluster/clusterer.hpp"

namespace loom::models {

struct KMeansParams {
  int n_clusters = 8;
  std::string init = "k-means++";  // "k-means++" | "random"
  Json n_init = 10;                // runs, >= 1, or "auto" (1 for k-means++, else 10)
  int max_iter = 300;
  double tol = 1e-4;                               // relative to the mean feature variance
  std::optional<int> random_state = std::nullopt;  // null: a fresh seed at each fit
  std::string algorithm = "lloyd";
  static const ParamTable<KMeansParams>& table();
};

class KMeans : public StepWithParams<KMeans, Predictor, KMeansParams>, public Clusterer {
 public:
  static constexpr std::string_view kTypeName = "KMeans";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y) override;
  // The nearest centre of each row (the first on ties), as a numeric column "cluster".
  Column predict(const Table& x) const override;
  // Euclidean distance of each row to each centre: rows x n_clusters.
  Eigen::MatrixXd transform(const Table& x) const;
  // Minus the inertia of x against the fitted centres, as scikit-learn's score.
  double score(const Table& x) const;
  bool is_classifier() const override { return false; }
  bool is_supervised() const override { return false; }

  const std::vector<int>& labels() const override;
  std::vector<int> fit_predict(const Table& x) override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  const Eigen::MatrixXd& cluster_centers() const { return cluster_centers_; }  // k x features
  double inertia() const { return inertia_; }
  int n_iter() const { return n_iter_; }

 private:
  // x as a dense matrix checked against the fitted columns.
  Eigen::MatrixXd checked_input(const Table& x, std::string_view method) const;

  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Eigen::MatrixXd cluster_centers_;
  std::vector<int> labels_;
  double inertia_ = 0.0;
  int n_iter_ = 0;
};

}  // namespace loom::models
