#pragma once
// Regression imputation: missing values start at the column mean (or median), then, round
// after round, each column is regressed on all the others over the rows where it is present
// and its missing entries are replaced by the predictions (a missing height predicted from age
// and weight), until a round's change (largest row sum of |change|, numpy's matrix inf-norm)
// is below tol * max |observed value|, or after max_iter rounds. The estimator is BayesianRidge
// (default) or Ridge, given as
// {"type": "Ridge", "params": {"alpha": 1.0}}. Columns entirely missing at fit are dropped.
// scikit-learn: sklearn.impute.IterativeImputer with sample_posterior=False,
// n_nearest_features=None (transform replays the fitted rounds, as scikit-learn).
// Throws DataError for non-numeric columns or sparse input, ParameterError for a bad
// estimator spec, SchemaError for columns that differ from fit, NotFittedError before fit.
#include <optional>
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::clean {

struct IterativeImputerParams {
  Json estimator = nullptr;  // null = BayesianRidge() | {"type": ..., "params": {...}}
  int max_iter = 10;
  double tol = 1e-3;
  std::string initial_strategy = "mean";  // "mean" | "median"
  // "ascending" (fewest missing first) | "descending" | "roman" (left to right) | "arabic"
  std::string imputation_order = "ascending";
  bool skip_complete = false;
  std::optional<double> min_value = std::nullopt;  // null: no clipping
  std::optional<double> max_value = std::nullopt;
  bool add_indicator = false;
  std::optional<int> random_state =
      std::nullopt;  // accepted for scikit-learn specs; nothing here is random
  static const ParamTable<IterativeImputerParams>& table();
};

class IterativeImputer
    : public StepWithParams<IterativeImputer, Transformer, IterativeImputerParams> {
 public:
  static constexpr std::string_view kTypeName = "IterativeImputer";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  Table fit_transform(const Table& x, const Column* y) override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  // Rounds run at fit, as scikit-learn's n_iter_.
  int n_iter() const { return n_iter_; }

  // One fitted regression: column `feature` (an index among the kept columns) from all the
  // other kept columns, in order.
  struct Imputation {
    std::size_t feature = 0;
    Eigen::VectorXd coef;
    double intercept = 0.0;
  };

 private:
  // Kept columns (not entirely missing at fit) with their initial fill; mask_ = missing.
  Eigen::MatrixXd initial_imputation(const Eigen::MatrixXd& input,
                                     Eigen::Matrix<bool, -1, -1>& missing) const;
  void impute_feature(Eigen::MatrixXd& filled, const Eigen::Matrix<bool, -1, -1>& missing,
                      const Imputation& imputation) const;
  Table output(const Eigen::MatrixXd& input, const Eigen::MatrixXd& imputed) const;

  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  std::vector<std::size_t> kept_;  // input columns kept
  Eigen::VectorXd statistics_;     // initial fill per input column (NaN: dropped)
  std::vector<std::size_t> indicator_columns_;
  std::vector<Imputation> imputation_sequence_;
  int n_iter_ = 0;
};

}  // namespace loom::clean
