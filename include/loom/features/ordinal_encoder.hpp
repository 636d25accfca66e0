#pragma once
// Encodes each categorical (or numeric) column as the index of its value among the sorted
// categories found at fit (0, 1, ...); missing values give encoded_missing_value (NaN by
// default). scikit-learn: sklearn.preprocessing.OrdinalEncoder (1.2). Throws DataError for a
// category unseen at fit (handle_unknown "error", naming the column and value), ParameterError
// for an unknown_value or encoded_missing_value that collides with a category's code,
// SchemaError for columns that differ from fit, NotFittedError before fit.
#include <string>
#include <vector>

#include "loom/core/step.hpp"
#include "loom/features/detail/categories.hpp"

namespace loom::features {

struct OrdinalEncoderParams {
  std::string categories = "auto";       // only "auto": categories found in the data at fit
  std::string handle_unknown = "error";  // "error" | "use_encoded_value"
  // use_encoded_value: the code of unseen categories, an integer or "nan" (null = not set).
  Json unknown_value = nullptr;
  // The code of missing values: an integer, or null / "nan" for NaN (JSON has no NaN).
  Json encoded_missing_value = nullptr;
  static const ParamTable<OrdinalEncoderParams>& table();
};

class OrdinalEncoder : public StepWithParams<OrdinalEncoder, Transformer, OrdinalEncoderParams> {
 public:
  static constexpr std::string_view kTypeName = "OrdinalEncoder";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  // The categories of input column j as scikit-learn's categories_[j] (null = missing).
  Json categories(std::size_t column) const;

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  std::vector<detail::ColumnCategories> categories_;
};

}  // namespace loom::features
