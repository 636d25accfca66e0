#pragma once
// What every clustering step offers besides Predictor: the cluster of each training row
// (scikit-learn's labels_, which fit_predict returns; -1 marks DBSCAN's noise). Throws
// NotFittedError before fit.
#include <vector>

#include "loom/core/step.hpp"

namespace loom::models {

class Clusterer {
 public:
  virtual ~Clusterer() = default;
  // The training rows' clusters, in row order.
  virtual const std::vector<int>& labels() const = 0;
  // fit(x) then labels(), as scikit-learn's fit_predict.
  virtual std::vector<int> fit_predict(const Table& x) = 0;
};

// The labels as a numeric column (what predict and the CLI write).
Column cluster_column(const std::vector<int>& labels, std::string name);

}  // namespace loom::models
