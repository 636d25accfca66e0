#pragma once
// Replaces missing values column by column with a statistic learned at fit: mean, median,
// most_frequent (ties go to the smallest value) or a constant; categorical and text columns
// take most_frequent or a constant such as "Unknown". add_indicator appends 0/1 columns
// `missingindicator_<column>` for the columns that had missing values at fit. A column that
// is entirely missing at fit is dropped (unless strategy is constant or keep_empty_features).
// scikit-learn: sklearn.impute.SimpleImputer. Throws DataError for mean/median on
// non-numeric columns or a fill_value of the wrong kind, SchemaError for columns that differ
// from fit, NotFittedError before fit.
#include <span>
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::clean {

struct SimpleImputerParams {
  std::string strategy = "mean";  // "mean" | "median" | "most_frequent" | "constant"
  Json fill_value = nullptr;      // constant: number or string; null = 0 or "missing_value"
  bool add_indicator = false;
  bool keep_empty_features = false;  // all-missing columns kept and filled with 0 / ""
  static const ParamTable<SimpleImputerParams>& table();
};

class SimpleImputer : public StepWithParams<SimpleImputer, Transformer, SimpleImputerParams> {
 public:
  static constexpr std::string_view kTypeName = "SimpleImputer";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  // Per input column: a number (numeric columns), a string, or null for an empty column.
  const std::vector<Json>& statistics() const { return statistics_; }

 private:
  Json fit_numeric(std::span<const double> column, const std::string& name) const;
  Json fit_strings(const Column& column) const;
  // The fitted fill of a numeric input column (DataError if it was not numeric at fit).
  double numeric_fill(std::size_t column) const;
  Column impute_strings(const Column& column, const Json& statistic) const;
  bool is_dropped(std::size_t column) const;

  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  std::vector<Json> statistics_;
  std::vector<std::size_t> indicator_columns_;  // input columns with missing values at fit
};

}  // namespace loom::clean
