#pragma once
// Encodes target labels as 0..n_classes-1 in sorted order (numbers numerically, strings as
// strings) and decodes them back. As a pipeline step it encodes its single input column.
// scikit-learn: sklearn.preprocessing.LabelEncoder. Throws DataError for missing labels, a
// label unseen at fit (naming it) or an input with more than one column, NotFittedError
// before fit.
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::features {

struct LabelEncoderParams {
  static const ParamTable<LabelEncoderParams>& table();
};

class LabelEncoder : public StepWithParams<LabelEncoder, Transformer, LabelEncoderParams> {
 public:
  static constexpr std::string_view kTypeName = "LabelEncoder";
  using StepWithParams::StepWithParams;

  // The scikit-learn API on a target column.
  void fit_labels(const Column& y);
  Column transform_labels(const Column& y) const;  // numeric codes, same name
  Column inverse_transform(const Column& codes) const;
  const Column& classes() const;  // classes_, sorted

  // As a step: x must have exactly one column.
  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

 private:
  const Column& single_column(const Table& x, Dataset& storage) const;

  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Column classes_;
};

}  // namespace loom::features
