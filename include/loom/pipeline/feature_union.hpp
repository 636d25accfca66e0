#pragma once
// Applies several transformers to the same input and places their outputs side by side, in
// the order listed, each feature named "<transformer>__<feature>"; transformer_weights
// multiply a transformer's output. Entries may be "drop" or "passthrough". scikit-learn:
// sklearn.pipeline.FeatureUnion. Throws ParseError for a malformed transformer_list,
// ParameterError for duplicate names or weights naming no transformer, NotFittedError before
// fit; the transformers' own errors pass through.
#include <memory>
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::pipeline {

class FeatureUnion : public Transformer {
 public:
  static constexpr std::string_view kTypeName = "FeatureUnion";
  struct Entry {
    std::string name;
    std::unique_ptr<Step> step;  // null for "drop" / "passthrough"
    std::string special;         // "drop" | "passthrough" | ""
    std::vector<std::string> output_names;
  };

  FeatureUnion() = default;
  FeatureUnion(const FeatureUnion& other);
  FeatureUnion& operator=(const FeatureUnion& other);
  ~FeatureUnion() override = default;

  // Adds a transformer (null step with special "drop" / "passthrough").
  FeatureUnion& add(std::string name, std::unique_ptr<Step> step, std::string special = "");

  std::string_view type_name() const override { return kTypeName; }
  void fit(const Table& x, const Column* y) override;
  Table fit_transform(const Table& x, const Column* y) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  // Params: transformer_list, transformer_weights, n_jobs, verbose; dotted paths reach the
  // transformers ("pca.n_components").
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
  Json transformer_weights_ = nullptr;  // null or {"name": weight}
  Json n_jobs_ = nullptr;
  bool verbose_ = false;
  bool fitted_ = false;
  std::vector<std::string> input_names_;
  std::vector<std::string> output_names_;
};

}  // namespace loom::pipeline
