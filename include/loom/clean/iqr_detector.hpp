#pragma once
// Tukey fences: per column, lower = Q1 - k IQR and upper = Q3 + k IQR (quartiles by linear
// interpolation, as numpy and pandas); a row is an outlier when any value lies outside its
// column's fences. The score is minus the largest signed fence distance max(lower - x,
// x - upper) over the columns: negative outside the fences, positive inside (offset_ = 0).
// No scikit-learn counterpart (method "iqr" of `loom outliers`). Throws as OutlierDetector.
#include "loom/clean/outlier_detector.hpp"

namespace loom::clean {

struct IqrParams {
  double k = 1.5;  // >= 0
  static const ParamTable<IqrParams>& table();
};

class IqrDetector : public DetectorWithParams<IqrDetector, IqrParams> {
 public:
  static constexpr std::string_view kTypeName = "iqr";
  using DetectorWithParams::DetectorWithParams;

  const Eigen::VectorXd& lower() const { return lower_; }
  const Eigen::VectorXd& upper() const { return upper_; }

 protected:
  void fit_checked(const Eigen::MatrixXd& x) override;
  Eigen::VectorXd score_checked(const Eigen::MatrixXd& x) const override;

 private:
  Eigen::VectorXd lower_;
  Eigen::VectorXd upper_;
};

}  // namespace loom::clean
