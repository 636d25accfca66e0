#pragma once
// Fills each missing value with the mean of that column over the n_neighbors nearest fit rows
// that have it, by nan-Euclidean distance (sqrt(n_columns / n_present * sum of squared
// differences over coordinates present in both rows)); weights "uniform" or "distance"
// (1 / d; a donor at distance 0 takes all the weight). A row with no comparable donor gets the
// column's fit mean. Columns entirely missing at fit are dropped (or kept as 0 with
// keep_empty_features); add_indicator appends `missingindicator_<column>` columns. Ties go to
// the earlier fit row. scikit-learn: sklearn.impute.KNNImputer (metric nan_euclidean).
// Throws DataError for non-numeric columns or sparse input, SchemaError for columns that
// differ from fit, NotFittedError before fit.
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::clean {

struct KNNImputerParams {
  int n_neighbors = 5;
  std::string weights = "uniform";       // "uniform" | "distance"
  std::string metric = "nan_euclidean";  // the only metric
  bool add_indicator = false;
  bool keep_empty_features = false;
  static const ParamTable<KNNImputerParams>& table();
};

class KNNImputer : public StepWithParams<KNNImputer, Transformer, KNNImputerParams> {
 public:
  static constexpr std::string_view kTypeName = "KNNImputer";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

 private:
  // The imputed value of column `column` for one receiver row, given its distances to every
  // fit row (NaN where no coordinate is comparable).
  double impute_one(const Eigen::VectorXd& distances, Eigen::Index column,
                    std::vector<Eigen::Index>& donors) const;

  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Eigen::MatrixXd fit_x_;         // the fit rows, NaN where missing
  Eigen::VectorXd column_means_;  // NaN for a column entirely missing at fit
  std::vector<std::size_t> indicator_columns_;
};

}  // namespace loom::clean
