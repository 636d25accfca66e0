#pragma once
// A resampler that, while a pipeline is fitted, fits an outlier detector on the numeric
// columns and drops the rows it labels -1; at transform and predict time it does nothing
// (as imbalanced-learn's samplers). Params: `method` (a make_outlier_detector name, default
// IsolationForest) plus that detector's own params ("n_estimators", "contamination", ...).
// No scikit-learn class (imbalanced-learn's FunctionSampler with an outlier detector).
// Throws ParameterError for an unknown method or parameter, DataError for input without
// numeric columns or with NaN in them (naming the column and row).
#include <memory>
#include <string>

#include "loom/clean/outlier_detector.hpp"
#include "loom/core/step.hpp"

namespace loom::clean {

class OutlierRemover : public Resampler {
 public:
  static constexpr std::string_view kTypeName = "OutlierRemover";
  OutlierRemover() = default;
  // method: a detector name; params: that detector's parameters (a JSON object).
  explicit OutlierRemover(std::string method, Json params = Json::object());

  std::string_view type_name() const override { return kTypeName; }
  Json get_params() const override;
  void set_param(std::string_view name, const Json& value) override;
  void validate_params() const override;
  std::unique_ptr<Step> clone() const override { return std::make_unique<OutlierRemover>(*this); }

  std::pair<Table, Column> fit_resample(const Table& x, const Column& y) override;
  // The rows fit_resample dropped last time, in input order.
  const std::vector<std::size_t>& outlier_rows() const { return outlier_rows_; }

 private:
  // The detector for method_ with the given params; ParameterError naming this step.
  std::unique_ptr<OutlierDetector> make_detector() const;

  std::string method_ = "IsolationForest";
  Json detector_params_ = Json::object();
  std::vector<std::size_t> outlier_rows_;
};

}  // namespace loom::clean
