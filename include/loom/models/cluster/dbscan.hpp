#pragma once
// Density-based clustering: rows with at least min_samples rows (themselves included) within
// eps are core rows; clusters are the core rows linked by eps-neighbourhoods plus the rows
// they reach; the rest is noise (-1). Clusters are numbered as scikit-learn numbers them.
// scikit-learn: sklearn.cluster.DBSCAN (metric "euclidean"). Throws ParameterError for bad
// parameters, DataError for NaN or non-numeric columns, NotFittedError before fit.
#include <optional>
#include <string>
#include <vector>

#include "loom/core/step.hpp"
#include "loom/models/cluster/clusterer.hpp"

namespace loom::models {

struct DBSCANParams {
  double eps = 0.5;  // neighbourhood radius, > 0 (distance <= eps counts)
  int min_samples = 5;
  std::string metric = "euclidean";
  std::optional<int> n_jobs = std::nullopt;  // threads of the neighbour search; -1: every core
  static const ParamTable<DBSCANParams>& table();
};

class DBSCAN : public StepWithParams<DBSCAN, Predictor, DBSCANParams>, public Clusterer {
 public:
  static constexpr std::string_view kTypeName = "DBSCAN";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y) override;
  // DBSCAN labels only its training rows, as scikit-learn (which has no predict): throws
  // Error pointing to labels() / loom cluster.
  Column predict(const Table& x) const override;
  bool is_classifier() const override { return false; }
  bool is_supervised() const override { return false; }

  const std::vector<int>& labels() const override;
  std::vector<int> fit_predict(const Table& x) override;
  // Indices of the core rows, ascending (core_sample_indices_).
  const std::vector<Eigen::Index>& core_sample_indices() const { return core_sample_indices_; }

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  std::vector<int> labels_;
  std::vector<Eigen::Index> core_sample_indices_;
};

}  // namespace loom::models
