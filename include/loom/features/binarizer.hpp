#pragma once
// Sets each value to 1 when it is greater than threshold, else 0; sparse input stays sparse
// (threshold >= 0 then). Stateless: fit only records the columns. scikit-learn:
// sklearn.preprocessing.Binarizer. Throws DataError for non-numeric columns, NaN (naming the
// column) or a negative threshold on sparse input, SchemaError for columns that differ from
// fit, NotFittedError before fit.
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::features {

struct BinarizerParams {
  double threshold = 0.0;  // values > threshold become 1
  bool copy = true;        // accepted for scikit-learn compatibility
  static const ParamTable<BinarizerParams>& table();
};

class Binarizer : public StepWithParams<Binarizer, Transformer, BinarizerParams> {
 public:
  static constexpr std::string_view kTypeName = "Binarizer";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
};

}  // namespace loom::features
