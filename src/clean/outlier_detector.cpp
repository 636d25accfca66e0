#include "loom/clean/outlier_detector.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>

#include "loom/clean/iqr_detector.hpp"
#include "loom/clean/isolation_forest.hpp"
#include "loom/clean/local_outlier_factor.hpp"
#include "loom/clean/pca_reconstruction.hpp"
#include "loom/clean/zscore_detector.hpp"

namespace loom::clean {

namespace {

std::string column_label(const std::vector<std::string>& names, Eigen::Index column) {
  const auto index = static_cast<std::size_t>(column);
  if (index < names.size()) return fmt::format("column \"{}\"", names[index]);
  return fmt::format("column {}", column);
}

// DataError naming the first NaN or infinite value: its column and its row (0-based).
void require_finite(const Eigen::MatrixXd& x, std::string_view caller,
                    const std::vector<std::string>& names) {
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      const double value = x(i, j);
      if (std::isnan(value)) {
        throw DataError(
            fmt::format("{}: {} has a missing value (NaN) at row {}; impute or drop it "
                        "first",
                        caller, column_label(names, j), i));
      }
      if (std::isinf(value)) {
        throw DataError(fmt::format("{}: {} has an infinite value at row {}", caller,
                                    column_label(names, j), i));
      }
    }
  }
}

// 1 where score >= offset, -1 below (scikit-learn's predict: decision_function < 0 is -1).
Eigen::VectorXi labels_of(const Eigen::VectorXd& scores, double offset) {
  Eigen::VectorXi labels(scores.size());
  for (Eigen::Index i = 0; i < scores.size(); ++i)
    labels(i) = scores(i) < offset ? -1 : 1;
  return labels;
}

}  // namespace

void OutlierDetector::set_params(const Json& params) {
  if (!params.is_object()) {
    throw ParameterError(
        fmt::format("{}: params must be a JSON object, found {}", type_name(), params.dump()));
  }
  for (const auto& [key, value] : params.items())
    set_param(key, value);
}

void OutlierDetector::fit(const Eigen::MatrixXd& x, const std::vector<std::string>& column_names) {
  validate_params();
  if (x.rows() == 0 || x.cols() == 0) {
    throw DataError(fmt::format("{}: fit needs at least one row and one column, found {} x {}",
                                type_name(), x.rows(), x.cols()));
  }
  require_finite(x, type_name(), column_names);
  fitted_ = false;
  fit_checked(x);
  n_features_in_ = x.cols();
  fitted_ = true;
}

Eigen::VectorXi OutlierDetector::fit_predict(const Eigen::MatrixXd& x,
                                             const std::vector<std::string>& column_names) {
  fit(x, column_names);
  return training_labels();
}

void OutlierDetector::require_fitted(std::string_view method) const {
  if (!fitted_) {
    throw NotFittedError(
        fmt::format("{}: {} called before fit; call fit first", type_name(), method));
  }
}

const Eigen::VectorXd& OutlierDetector::training_scores() const {
  require_fitted("training_scores");
  return training_scores_;
}

Eigen::VectorXi OutlierDetector::training_labels() const {
  require_fitted("training_labels");
  return labels_of(training_scores_, offset_);
}

double OutlierDetector::offset() const {
  require_fitted("offset");
  return offset_;
}

Eigen::VectorXd OutlierDetector::score_samples(const Eigen::MatrixXd& x) const {
  require_fitted("score_samples");
  if (x.cols() != n_features_in_) {
    throw DataError(fmt::format("{}: input has {} columns, fitted on {}", type_name(), x.cols(),
                                n_features_in_));
  }
  require_finite(x, type_name(), {});
  return score_checked(x);
}

Eigen::VectorXd OutlierDetector::decision_function(const Eigen::MatrixXd& x) const {
  return (score_samples(x).array() - offset_).matrix();
}

Eigen::VectorXi OutlierDetector::predict(const Eigen::MatrixXd& x) const {
  const Eigen::VectorXd scores = score_samples(x);
  return labels_of(scores, offset_);
}

const std::vector<std::string>& outlier_detector_methods() {
  static const std::vector<std::string> methods{"IsolationForest", "LocalOutlierFactor",
                                                "PCAReconstruction", "zscore", "iqr"};
  return methods;
}

std::unique_ptr<OutlierDetector> make_outlier_detector(std::string_view method) {
  if (method == IsolationForest::kTypeName) return std::make_unique<IsolationForest>();
  if (method == LocalOutlierFactor::kTypeName) return std::make_unique<LocalOutlierFactor>();
  if (method == PCAReconstruction::kTypeName) return std::make_unique<PCAReconstruction>();
  if (method == ZScoreDetector::kTypeName) return std::make_unique<ZScoreDetector>();
  if (method == IqrDetector::kTypeName) return std::make_unique<IqrDetector>();
  throw ParameterError(fmt::format("unknown outlier detection method \"{}\" (methods: {})", method,
                                   fmt::join(outlier_detector_methods(), ", ")));
}

std::string check_contamination(const Json& value, bool auto_allowed) {
  if (auto_allowed && value.is_string() && value.get<std::string>() == "auto") return {};
  if (value.is_number()) {
    const double share = value.get<double>();
    if (share > 0.0 && share <= 0.5) return {};
  }
  return auto_allowed ? "must be \"auto\" or a number in (0, 0.5]" : "must be a number in (0, 0.5]";
}

}  // namespace loom::clean
