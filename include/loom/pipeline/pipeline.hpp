#pragma once
// A chain of named steps: transformers, then optionally a final predictor; resamplers apply
// only while fitting, as imbalanced-learn's Pipeline. Parameters are reachable by dotted path
// ("model.C", "prep.num.scaler.with_mean"). scikit-learn: sklearn.pipeline.Pipeline.
// Throws ParameterError for duplicate or misplaced steps, NotFittedError before fit, and
// whatever its steps throw.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::pipeline {

class Pipeline : public Transformer {
 public:
  static constexpr std::string_view kTypeName = "Pipeline";

  Pipeline() = default;
  Pipeline(const Pipeline& other);
  Pipeline& operator=(const Pipeline& other);
  Pipeline(Pipeline&&) = default;
  Pipeline& operator=(Pipeline&&) = default;
  ~Pipeline() override = default;

  // Builds an unfitted pipeline from {"steps": [{"name", "type", "params"}, ...]}.
  static Pipeline from_spec(const Json& spec);
  // The spec that rebuilds this pipeline (without fitted state).
  Json spec() const;

  // Appends a step under a unique name.
  Pipeline& add(std::string name, std::unique_ptr<Step> step);
  template <class StepType>
  Pipeline& add(std::string name, typename StepType::ParamsType params = {}) {
    return add(std::move(name), std::make_unique<StepType>(std::move(params)));
  }

  std::size_t size() const { return steps_.size(); }
  Step& step(std::size_t index) { return *steps_.at(index); }
  const Step& step(std::size_t index) const { return *steps_.at(index); }
  Step& step(std::string_view name);
  const Step& step(std::string_view name) const;
  // The final step when it is a predictor, else null.
  const Predictor* predictor() const;

  std::string_view type_name() const override { return kTypeName; }
  void fit(const Table& x, const Column* y) override;
  Table fit_transform(const Table& x, const Column* y) override;
  // Runs every transformer (a final predictor is not allowed here; see transform_features).
  Table transform(const Table& x) const override;
  // Runs the steps before the final predictor: the predictor's input.
  Table transform_features(const Table& x) const;
  Column predict(const Table& x) const;
  Eigen::MatrixXd predict_proba(const Table& x) const;
  std::vector<std::string> feature_names_out() const override;

  // Params: {"steps": [...specs...]}; dotted paths reach nested steps.
  Json get_params() const override;
  Json get_param(std::string_view path) const override;
  void set_param(std::string_view path, const Json& value) override;
  void validate_params() const override;
  // Every leaf parameter by dotted path, for search and display.
  Json flat_params() const;

  bool is_fitted() const override;
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;
  std::unique_ptr<Step> clone() const override;
  // Reports each step's start to the callback and hands it to every nested step.
  void set_progress(ProgressCallback callback) override;
  void set_progress_all(const ProgressCallback& callback) { set_progress(callback); }

 private:
  Table run_fitted(const Table& x, std::size_t end) const;

  std::vector<std::unique_ptr<Step>> steps_;
};

// Splits "a.b.c" into "a" and "b.c" (rest empty when there is no dot).
std::pair<std::string_view, std::string_view> split_path(std::string_view path);

}  // namespace loom::pipeline
