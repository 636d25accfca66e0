#pragma once
// Flags a row when any column's |z| = |x - mean| / std exceeds threshold; the score is minus
// the largest |z| (higher is more normal) and offset_ = -threshold. std is the population
// standard deviation (ddof 0), as scikit-learn's StandardScaler and scipy.stats.zscore; a
// constant column has z = 0. No scikit-learn counterpart (method "zscore" of `loom outliers`).
// Throws as OutlierDetector.
#include "loom/clean/outlier_detector.hpp"

namespace loom::clean {

struct ZScoreParams {
  double threshold = 3.0;  // > 0
  static const ParamTable<ZScoreParams>& table();
};

class ZScoreDetector : public DetectorWithParams<ZScoreDetector, ZScoreParams> {
 public:
  static constexpr std::string_view kTypeName = "zscore";
  using DetectorWithParams::DetectorWithParams;

  const Eigen::VectorXd& mean() const { return mean_; }
  // The standard deviations (ddof 0); 0 for a constant column.
  const Eigen::VectorXd& scale() const { return scale_; }

 protected:
  void fit_checked(const Eigen::MatrixXd& x) override;
  Eigen::VectorXd score_checked(const Eigen::MatrixXd& x) const override;

 private:
  Eigen::VectorXd mean_;
  Eigen::VectorXd scale_;
};

}  // namespace loom::clean
