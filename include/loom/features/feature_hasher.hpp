#pragma once
// Hashes the cells of a table into a sparse matrix of n_features columns (the hashing trick),
// bit-compatible with scikit-learn: sklearn.feature_extraction.FeatureHasher. With
// input_type "dict" each row is {column: value}: a string cell gives feature "column=value"
// with value 1, a number gives feature "column" with its value, a missing cell nothing; with
// "string" each non-missing cell is a feature of value 1. Stateless: transform needs no fit.
// Throws ParameterError for bad parameters, DataError for an input without rows.
#include <cstdint>
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::features {

struct FeatureHasherParams {
  std::int64_t n_features = 1048576;  // 2**20 output columns, in [1, 2**31 - 1]
  std::string input_type = "dict";    // "dict" | "string"
  bool alternate_sign = true;         // sign from the hash, so collisions tend to cancel
  static const ParamTable<FeatureHasherParams>& table();
};

class FeatureHasher : public StepWithParams<FeatureHasher, Transformer, FeatureHasherParams> {
 public:
  static constexpr std::string_view kTypeName = "FeatureHasher";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  // featurehasher0 ... featurehasher{n_features - 1}
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return true; }
  Json fitted_state() const override { return Json::object(); }
  void load_fitted_state(const Json&) override {}
};

}  // namespace loom::features
