#pragma once
// Outlier detectors that score and label rows, as scikit-learn's IsolationForest and
// LocalOutlierFactor do: fit on a numeric matrix, then each training row has a score (higher
// is more normal: scikit-learn's score_samples, or negative_outlier_factor_ for LOF) and a
// label (1 inlier, -1 outlier, as fit_predict: outlier when score < offset_). Detectors are
// built by name with make_outlier_detector ("IsolationForest", "LocalOutlierFactor", "zscore",
// "iqr", "PCAReconstruction"). Throws ParameterError for bad parameters (at fit), DataError
// for NaN or empty input naming the column and row, NotFittedError before fit.
#include <Eigen/Core>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "loom/core/params.hpp"

namespace loom::clean {

class OutlierDetector {
 public:
  virtual ~OutlierDetector() = default;

  virtual std::string_view type_name() const = 0;
  virtual Json get_params() const = 0;
  // ParameterError naming the detector for an unknown name or a value of the wrong type.
  virtual void set_param(std::string_view name, const Json& value) = 0;
  void set_params(const Json& params);
  virtual void validate_params() const = 0;
  virtual std::unique_ptr<OutlierDetector> clone() const = 0;

  // Fits on the rows of x; column_names (optional) name the columns in messages.
  void fit(const Eigen::MatrixXd& x, const std::vector<std::string>& column_names = {});
  // fit, then the training rows' labels: 1 inlier, -1 outlier.
  Eigen::VectorXi fit_predict(const Eigen::MatrixXd& x,
                              const std::vector<std::string>& column_names = {});

  bool is_fitted() const { return fitted_; }
  // The training rows' scores (higher = more normal) and labels.
  const Eigen::VectorXd& training_scores() const;
  Eigen::VectorXi training_labels() const;
  // Rows whose score is below offset_ are outliers.
  double offset() const;

  // Scores and labels of new rows, with the fitted state. LocalOutlierFactor (novelty=False
  // in scikit-learn terms) has no score for new rows and throws ParameterError.
  virtual Eigen::VectorXd score_samples(const Eigen::MatrixXd& x) const;
  Eigen::VectorXd decision_function(const Eigen::MatrixXd& x) const;
  Eigen::VectorXi predict(const Eigen::MatrixXd& x) const;

 protected:
  // Fits the detector's state on x (checked: non-empty, no NaN) and sets training_scores_
  // and offset_.
  virtual void fit_checked(const Eigen::MatrixXd& x) = 0;
  // Scores of new rows (checked: fitted, same number of columns, no NaN).
  virtual Eigen::VectorXd score_checked(const Eigen::MatrixXd& x) const = 0;
  void require_fitted(std::string_view method) const;

  Eigen::VectorXd training_scores_;
  double offset_ = 0.0;
  Eigen::Index n_features_in_ = 0;
  bool fitted_ = false;
};

// Parameter plumbing from a Params struct with `static const ParamTable<Params>& table()`;
// Derived defines `static constexpr std::string_view kTypeName`.
template <class Derived, class Params>
class DetectorWithParams : public OutlierDetector {
 public:
  using ParamsType = Params;
  DetectorWithParams() = default;
  explicit DetectorWithParams(Params params) : params_(std::move(params)) {}

  std::string_view type_name() const override { return Derived::kTypeName; }
  const Params& params() const { return params_; }
  Params& params() { return params_; }
  Json get_params() const override { return params_to_json(params_); }
  void set_param(std::string_view name, const Json& value) override {
    set_param_from_json(Derived::kTypeName, params_, name, value);
  }
  void validate_params() const override { loom::validate_params(Derived::kTypeName, params_); }
  std::unique_ptr<OutlierDetector> clone() const override {
    return std::make_unique<Derived>(static_cast<const Derived&>(*this));
  }

 protected:
  Params params_;
};

// The detectors make_outlier_detector knows, in the order `loom outliers --help` lists them.
const std::vector<std::string>& outlier_detector_methods();
// A detector by name with default parameters; ParameterError listing the known names.
std::unique_ptr<OutlierDetector> make_outlier_detector(std::string_view method);

// Checks a contamination parameter: "auto" (when allowed) or a number in (0, 0.5].
std::string check_contamination(const Json& value, bool auto_allowed);

}  // namespace loom::clean
