#pragma once
// Reweights term counts by inverse document frequency and normalises rows:
// tf-idf = tf * (ln((1 + n) / (1 + df)) + 1) with smooth_idf, as scikit-learn's
// sklearn.feature_extraction.text.TfidfTransformer. Sparse output; names kept from the input.
// Throws ParameterError for bad parameters, DataError for non-numeric input, SchemaError for
// columns that differ from fit, NotFittedError before fit.
#include <optional>
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::features {

struct TfidfTransformerParams {
  std::optional<std::string> norm = "l2";  // "l1" | "l2" | null
  bool use_idf = true;
  bool smooth_idf = true;     // add one document holding every term once
  bool sublinear_tf = false;  // tf becomes 1 + ln(tf)
  static const ParamTable<TfidfTransformerParams>& table();
};

class TfidfTransformer
    : public StepWithParams<TfidfTransformer, Transformer, TfidfTransformerParams> {
 public:
  static constexpr std::string_view kTypeName = "TfidfTransformer";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  // The same on a count matrix given directly (what TfidfVectorizer uses).
  void fit_counts(const SparseMatrix& counts);
  SparseMatrix transform_counts(SparseMatrix counts) const;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  // idf_ (empty when use_idf is false).
  const Eigen::VectorXd& idf() const { return idf_; }

 private:
  bool fitted_ = false;
  Eigen::Index n_features_ = 0;
  std::vector<std::string> feature_names_in_;
  Eigen::VectorXd idf_;
};

}  // namespace loom::features
