#pragma once
// Search-and-replace on column values: `mapping` = {"column": {"four": 4, "two": 2}, ...}
// turns a categorical column into numbers (when every new value is a number) or into renamed
// categories; a JSON null maps to a missing value, missing values stay missing, other columns
// pass through unchanged. An unmapped value is an error unless `default` is given: its value
// replaces it, or "passthrough" keeps it. Like pandas' Series.map / replace (no scikit-learn
// class). Throws DataError for an unmapped value (naming column and value), SchemaError for a
// mapped column that is absent, ParameterError for a malformed mapping, NotFittedError before
// fit.
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::features {

struct ValueMapperParams {
  Json mapping = Json::object();  // {"column": {"old value": new value, ...}, ...}
  Json default_value = nullptr;   // JSON name "default": null | "passthrough" | a value
  static const ParamTable<ValueMapperParams>& table();
};

class ValueMapper : public StepWithParams<ValueMapper, Transformer, ValueMapperParams> {
 public:
  static constexpr std::string_view kTypeName = "ValueMapper";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

 private:
  Column map_column(const Column& column, const Json& mapping) const;

  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
};

}  // namespace loom::features
