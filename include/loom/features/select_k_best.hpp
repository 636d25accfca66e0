#pragma once
// Keeps the k columns with the highest univariate scores against the target (chi2, f_classif
// or f_regression): scikit-learn's sklearn.feature_selection.SelectKBest, same scores_,
// pvalues_ and choice (on equal scores the later column wins, as scikit-learn's stable sort).
// Dense input stays dense, sparse stays sparse. Throws ParameterError for bad parameters or
// k above the number of columns, DataError for a missing target, NaN or non-numeric input,
// SchemaError for columns that differ from fit, NotFittedError before fit.
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::features {

struct SelectKBestParams {
  std::string score_func = "f_classif";  // "f_classif" | "chi2" | "f_regression"
  Json k = 10;                           // integer >= 0 or "all"
  static const ParamTable<SelectKBestParams>& table();
};

class SelectKBest : public StepWithParams<SelectKBest, Transformer, SelectKBestParams> {
 public:
  static constexpr std::string_view kTypeName = "SelectKBest";
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
