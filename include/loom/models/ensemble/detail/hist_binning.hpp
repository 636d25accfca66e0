#pragma once
// Histogram boosting's input: columns read from a Table (numeric with NaN, or categorical
// codes with their category names), and the bin mapper that turns them into uint8 bins as
// scikit-learn's _BinMapper: at most max_bins bins of non-missing values per numeric column at
// quantile midpoints, one bin per category for categorical columns, and bin 255 for missing
// values. Throws DataError for text columns, categorical columns not declared as such, and
// categorical values that are not small non-negative integers. Internal.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "loom/core/params.hpp"
#include "loom/core/table.hpp"

namespace loom::models::detail {

constexpr std::uint8_t kMissingBin = 255;

struct RawColumn {
  std::string name;
  bool categorical = false;
  std::vector<double> values;           // numeric: NaN = missing
  std::vector<std::int32_t> codes;      // categorical: -1 = missing
  std::vector<std::string> categories;  // categorical: what the codes index
};

// The columns of x; categorical_features is scikit-learn's parameter (null, a list of indices,
// names or booleans) or "from_dtype" (the categorical columns of a Dataset).
std::vector<RawColumn> raw_columns(const Table& x, const Json& categorical_features,
                                   std::string_view caller);
// The same columns for prediction: categorical exactly where `categorical` says.
std::vector<RawColumn> raw_columns_like(const Table& x, const std::vector<bool>& categorical,
                                        std::string_view caller);

class BinMapper {
 public:
  // Thresholds from rows (all rows when empty) of the columns.
  void fit(const std::vector<RawColumn>& columns, int max_bins,
           const std::vector<std::size_t>& rows, std::string_view caller);
  // Column-major bins of the given rows (all when empty): n_rows * n_columns. Unknown
  // categories get bin n_bins_non_missing (no split sends it left).
  std::vector<std::uint8_t> transform(const std::vector<RawColumn>& columns,
                                      const std::vector<std::size_t>& rows) const;

  std::size_t n_features() const { return is_categorical_.size(); }
  const std::vector<bool>& is_categorical() const { return is_categorical_; }
  const std::vector<int>& n_bins_non_missing() const { return n_bins_non_missing_; }
  const std::vector<std::vector<double>>& thresholds() const { return thresholds_; }
  const std::vector<std::vector<std::string>>& categories() const { return categories_; }

  Json to_json() const;
  static BinMapper from_json(const Json& state, std::string_view caller);

 private:
  std::vector<bool> is_categorical_;
  std::vector<int> n_bins_non_missing_;
  std::vector<std::vector<double>> thresholds_;       // numeric columns
  std::vector<std::vector<std::string>> categories_;  // categorical columns, sorted
};

// scikit-learn's _find_binning_thresholds on the non-missing values of one column.
std::vector<double> binning_thresholds(std::vector<double> values, int max_bins);

}  // namespace loom::models::detail
