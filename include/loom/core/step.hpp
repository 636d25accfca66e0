#pragma once
// The three kinds of pipeline step, as scikit-learn and imbalanced-learn define them:
// transformers (fit / transform / feature names), predictors (fit / predict / predict_proba)
// and resamplers (fit_resample, applied only while fitting). Calls before fit throw
// NotFittedError; bad parameters throw ParameterError at fit.
#include <Eigen/Core>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "loom/core/column.hpp"
#include "loom/core/params.hpp"
#include "loom/core/progress.hpp"
#include "loom/core/table.hpp"

namespace loom {

enum class StepKind { transformer, predictor, resampler };

class Step {
 public:
  virtual ~Step() = default;

  // The scikit-learn class name: "StandardScaler", "LogisticRegression".
  virtual std::string_view type_name() const = 0;
  virtual StepKind kind() const = 0;

  // The name the step has in its pipeline ("scaler"); used in every message.
  const std::string& name() const { return name_; }
  void set_name(std::string name) { name_ = std::move(name); }
  // How messages name this step: StandardScaler "scaler".
  std::string describe() const;

  // Parameters by scikit-learn name; composite steps route dotted paths ("num.scaler.with_mean").
  virtual Json get_params() const = 0;
  virtual void set_param(std::string_view name, const Json& value) = 0;
  // One parameter by name (or dotted path in composite steps); ParameterError if unknown.
  virtual Json get_param(std::string_view name) const;
  void set_params(const Json& params);
  virtual void validate_params() const = 0;

  // The fitted state as JSON, for saving; load_fitted_state restores it exactly.
  virtual bool is_fitted() const = 0;
  virtual Json fitted_state() const = 0;
  virtual void load_fitted_state(const Json& state) = 0;

  virtual std::unique_ptr<Step> clone() const = 0;

  // Composite steps (Pipeline, ColumnTransformer) pass the callback on to their steps.
  virtual void set_progress(ProgressCallback callback) { progress_ = std::move(callback); }

 protected:
  void report_progress(std::size_t done, std::size_t total) const;
  void require_fitted(std::string_view method) const;

  std::string name_;
  ProgressCallback progress_;
};

class Transformer : public Step {
 public:
  StepKind kind() const override { return StepKind::transformer; }
  // y may be null: most transformers ignore it.
  virtual void fit(const Table& x, const Column* y) = 0;
  virtual Table transform(const Table& x) const = 0;
  virtual Table fit_transform(const Table& x, const Column* y) {
    fit(x, y);
    return transform(x);
  }
  virtual std::vector<std::string> feature_names_out() const = 0;
};

class Predictor : public Step {
 public:
  StepKind kind() const override { return StepKind::predictor; }
  // y is null only for unsupervised predictors (clustering); supervised ones throw DataError.
  virtual void fit(const Table& x, const Column* y) = 0;
  virtual Column predict(const Table& x) const = 0;
  virtual bool is_classifier() const = 0;
  virtual bool is_supervised() const { return true; }
  virtual bool has_predict_proba() const { return false; }
  // One column per class, in the order of classes().
  virtual Eigen::MatrixXd predict_proba(const Table& x) const;
  // The sorted class labels (classifiers only), as scikit-learn's classes_.
  virtual Column classes() const;
};

class Resampler : public Step {
 public:
  StepKind kind() const override { return StepKind::resampler; }
  virtual std::pair<Table, Column> fit_resample(const Table& x, const Column& y) = 0;
  bool is_fitted() const override { return true; }
  Json fitted_state() const override { return Json::object(); }
  void load_fitted_state(const Json&) override {}
};

// Implements the parameter plumbing of a step from its Params struct, which must provide
// `static const ParamTable<Params>& table()`. Derived defines `static constexpr kTypeName`.
template <class Derived, class Base, class Params>
class StepWithParams : public Base {
 public:
  using ParamsType = Params;
  StepWithParams() = default;
  explicit StepWithParams(Params params) : params_(std::move(params)) {}

  std::string_view type_name() const override { return Derived::kTypeName; }
  const Params& params() const { return params_; }
  Params& params() { return params_; }
  Json get_params() const override { return params_to_json(params_); }
  void set_param(std::string_view name, const Json& value) override {
    set_param_from_json(this->describe(), params_, name, value);
  }
  void validate_params() const override { loom::validate_params(this->describe(), params_); }
  std::unique_ptr<Step> clone() const override {
    return std::make_unique<Derived>(static_cast<const Derived&>(*this));
  }

 protected:
  Params params_;
};

}  // namespace loom
