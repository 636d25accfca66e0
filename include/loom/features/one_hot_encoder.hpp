#pragma once
// Encodes each categorical (or numeric) column as one 0/1 column per category, named
// "<column>_<category>"; missing values are a category of their own ("<column>_nan"), rare
// categories may be grouped into "<column>_infrequent_sklearn". scikit-learn:
// sklearn.preprocessing.OneHotEncoder (1.2). Throws DataError for a category unseen at fit
// (handle_unknown "error", naming the column and value), SchemaError for columns that differ
// from fit, ParameterError for bad parameters, NotFittedError before fit.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "loom/core/step.hpp"
#include "loom/features/detail/categories.hpp"

namespace loom::features {

struct OneHotEncoderParams {
  std::string categories = "auto";       // only "auto": categories found in the data at fit
  Json drop = nullptr;                   // null | "first" | "if_binary"
  bool sparse_output = true;             // sparse (CSR) output, else dense
  Json sparse = "deprecated";            // scikit-learn 1.2's deprecated alias: a boolean
  std::string handle_unknown = "error";  // "error" | "ignore" | "infrequent_if_exist"
  Json min_frequency = nullptr;          // null | count >= 1 (integer) | fraction in (0, 1) of rows
  std::optional<int> max_categories = std::nullopt;  // >= 1: output columns per feature
  static const ParamTable<OneHotEncoderParams>& table();
};

class OneHotEncoder : public StepWithParams<OneHotEncoder, Transformer, OneHotEncoderParams> {
 public:
  static constexpr std::string_view kTypeName = "OneHotEncoder";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  // The categories of input column j as scikit-learn's categories_[j] (null = missing).
  Json categories(std::size_t column) const;
  // The infrequent categories of input column j (empty when none).
  Json infrequent_categories(std::size_t column) const;
  // The dropped output category per input column (scikit-learn's drop_idx_), -1 for none.
  const std::vector<std::int32_t>& drop_idx() const { return drop_idx_; }

 private:
  bool sparse_output() const;
  bool infrequent_enabled() const;
  // Builds output_of_ and unknown_output_ from categories_, infrequent_ and drop_idx_.
  void build_layout();

  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  std::vector<detail::ColumnCategories> categories_;
  std::vector<std::vector<std::int32_t>> infrequent_;  // per column: infrequent indices
  std::vector<std::int32_t> drop_idx_;  // per column: dropped output index (grouped), -1 none
  // Derived: per column, the output column (global) of each category, -1 for none; the
  // output of an unknown value (-1 none); the output names.
  std::vector<std::vector<std::int32_t>> output_of_;
  std::vector<std::int32_t> unknown_output_;
  std::vector<std::string> names_out_;
};

}  // namespace loom::features
