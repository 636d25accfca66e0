#pragma once
// Bins each numeric feature into n_bins intervals (uniform widths, quantiles, or 1-D k-means
// with scikit-learn's initialisation at the uniform bin centres) and writes the bin index
// (ordinal) or one 0/1 column per bin ("<column>_<bin>.0", sparse for "onehot"). Bin edges
// are scikit-learn 1.2's, including the removal of bins narrower than 1e-8 (quantile, kmeans)
// and a single bin for constant features. scikit-learn: sklearn.preprocessing.KBinsDiscretizer.
// Throws DataError for non-numeric columns, NaN (naming the column) or fewer rows than bins
// (kmeans), ParameterError for bad parameters, SchemaError for columns that differ from fit,
// NotFittedError before fit.
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::features {

struct KBinsDiscretizerParams {
  Json n_bins = 5;                    // >= 2: one count, or a list with one per feature
  std::string encode = "onehot";      // "onehot" (sparse) | "onehot-dense" | "ordinal"
  std::string strategy = "quantile";  // "uniform" | "quantile" | "kmeans"
  Json subsample = "warn";            // "warn" or null: all rows are used (as 1.2's default)
  Json random_state = nullptr;        // accepted for scikit-learn compatibility (unused)
  static const ParamTable<KBinsDiscretizerParams>& table();
};

class KBinsDiscretizer
    : public StepWithParams<KBinsDiscretizer, Transformer, KBinsDiscretizerParams> {
 public:
  static constexpr std::string_view kTypeName = "KBinsDiscretizer";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  // Per feature: the bin edges (n_bins_[j] + 1 values; {-inf, inf} for a constant feature).
  const std::vector<std::vector<double>>& bin_edges() const { return bin_edges_; }
  const std::vector<int>& n_bins() const { return n_bins_; }

 private:
  std::vector<int> requested_bins(std::size_t n_features) const;

  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  std::vector<std::vector<double>> bin_edges_;
  std::vector<int> n_bins_;
};

}  // namespace loom::features
