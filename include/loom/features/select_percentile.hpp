#pragma once
// Keeps the given percentile of columns with the highest univariate scores (chi2, f_classif or
// f_regression): scikit-learn's sklearn.feature_selection.SelectPercentile, same threshold
// (numpy's linear percentile) and tie handling. Dense input stays dense, sparse stays sparse.
// Throws ParameterError for bad parameters, DataError for a missing target, NaN or
// non-numeric input, SchemaError for columns that differ from fit, NotFittedError before fit.
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::features {

struct SelectPercentileParams {
  std::string score_func = "f_classif";  // "f_classif" | "chi2" | "f_regression"
  double percentile = 10.0;              // in [0, 100]
  static const ParamTable<SelectPercentileParams>& table();
};

class SelectPercentile
    : public StepWithParams<SelectPercentile, Transformer, SelectPercentileParams> {
 public:
  static constexpr std::string_view kTypeName = "SelectPercentile";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  const Eigen::VectorXd& scores() const { return scores_; }
  const Eigen::VectorXd& pvalues() const { return pvalues_; }
  const std::vector<bool>& support() const { return support_; }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Eigen::VectorXd scores_, pvalues_;
  std::vector<bool> support_;
};

}  // namespace loom::features
