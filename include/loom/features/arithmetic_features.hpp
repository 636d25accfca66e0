#pragma once
// User-defined arithmetic features: each entry of `features` names a new column and gives an
// expression over numeric columns, e.g. {"name": "bmi", "expression": "weight / height^2"}.
// Expressions use + - * / ^ (power), unary minus, parentheses, numbers, column names (letters,
// digits, _ and ., or any name quoted in backticks) and the functions log, log1p, exp, sqrt,
// abs, square. Values follow IEEE arithmetic as numpy does (x / 0 = inf, log(-1) = NaN, NaN
// propagates). The new columns follow the input's (or replace them when keep_input is false).
// Like pandas.DataFrame.eval (no scikit-learn class). Throws ParameterError for an expression
// that does not parse (naming it and the position), SchemaError for an unknown column,
// DataError for a non-numeric column, NotFittedError before fit.
#include <memory>
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::features {

struct ArithmeticFeaturesParams {
  Json features = Json::array();  // [{"name": "...", "expression": "..."}, ...]
  bool keep_input = true;         // keep the input columns before the new ones
  static const ParamTable<ArithmeticFeaturesParams>& table();
};

namespace detail {
struct ExpressionNode;
}

class ArithmeticFeatures
    : public StepWithParams<ArithmeticFeatures, Transformer, ArithmeticFeaturesParams> {
 public:
  static constexpr std::string_view kTypeName = "ArithmeticFeatures";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

 private:
  void parse_all();

  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  std::vector<std::string> names_;
  std::vector<std::shared_ptr<const detail::ExpressionNode>> expressions_;
};

}  // namespace loom::features
