#pragma once
// Applies transformers to column subsets chosen by name, by type or by a name pattern and
// stacks their outputs side by side; the remaining columns are dropped or passed through.
// Output names are "<transformer>__<feature>" unless verbose_feature_names_out is false.
// scikit-learn: sklearn.compose.ColumnTransformer (+ make_column_selector). Throws
// SchemaError for unknown columns, ParseError for a malformed transformers list.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::pipeline {

// Which columns a transformer gets: a list of names, one name (passed as a single column,
// as scikit-learn does for text vectorisers), a column type, or a regex searched in names.
struct ColumnSelector {
  enum class Kind { names, single, dtype, pattern } kind = Kind::names;
  std::vector<std::string> names = {};
  ColumnType dtype = ColumnType::numeric;
  std::string pattern = {};

  static ColumnSelector from_json(const Json& json, std::string_view owner);
  Json to_json() const;
  std::vector<std::string> resolve(const Dataset& data, std::string_view owner) const;
};

class ColumnTransformer : public Transformer {
 public:
  static constexpr std::string_view kTypeName = "ColumnTransformer";
  struct Entry {
    std::string name;
    std::unique_ptr<Step> step;  // null for "drop" / "passthrough"
    std::string special;         // "drop" | "passthrough" | ""
    ColumnSelector selector;
    std::vector<std::string> columns;  // resolved at fit
    std::vector<std::string> output_names;
  };

  ColumnTransformer() = default;
  ColumnTransformer(const ColumnTransformer& other);
  ColumnTransformer& operator=(const ColumnTransformer& other);
  ~ColumnTransformer() override = default;

  // Adds a transformer for the selected columns.
  ColumnTransformer& add(std::string name, std::unique_ptr<Step> step, ColumnSelector selector);

  std::string_view type_name() const override { return kTypeName; }
  void fit(const Table& x, const Column* y) override;
  Table fit_transform(const Table& x, const Column* y) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  // Params: transformers, remainder, verbose_feature_names_out, sparse_threshold; dotted
  // paths reach the transformers ("num.with_mean", "num.scaler.with_mean").
  Json get_params() const override;
  Json get_param(std::string_view path) const override;
  void set_param(std::string_view path, const Json& value) override;
  void validate_params() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;
  std::unique_ptr<Step> clone() const override;
  void set_progress(ProgressCallback callback) override;
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  Table apply(const Table& x, const Column* y, bool fitting);
  Entry& entry(std::string_view name);

  std::vector<Entry> entries_;
  std::string remainder_ = "drop";
  bool verbose_feature_names_out_ = true;
  double sparse_threshold_ = 0.3;
  bool fitted_ = false;
  std::vector<std::string> remainder_columns_;
  std::vector<std::string> output_names_;
};

}  // namespace loom::pipeline
