#include "loom/clean/zscore_detector.hpp"

#include <cmath>

namespace loom::clean {

const ParamTable<ZScoreParams>& ZScoreParams::table() {
  static const ParamTable<ZScoreParams> table{
      param("threshold", &ZScoreParams::threshold, greater_than(0.0)),
  };
  return table;
}

void ZScoreDetector::fit_checked(const Eigen::MatrixXd& x) {
  const auto n_rows = static_cast<double>(x.rows());
  mean_ = x.colwise().sum().transpose() / n_rows;
  // Two passes (mean, then squared deviations), as numpy's std with ddof 0.
  scale_ = ((x.rowwise() - mean_.transpose()).array().square().colwise().sum().transpose() / n_rows)
               .sqrt();
  training_scores_ = score_checked(x);
  offset_ = -params_.threshold;
}

Eigen::VectorXd ZScoreDetector::score_checked(const Eigen::MatrixXd& x) const {
  Eigen::VectorXd scores = Eigen::VectorXd::Zero(x.rows());
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    // A constant column carries no evidence: its z is 0 (StandardScaler's scale 1).
    const double scale = scale_(j) == 0.0 ? 1.0 : scale_(j);
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      const double z = std::abs((x(i, j) - mean_(j)) / scale);
      scores(i) = std::min(scores(i), -z);
    }
  }
  return scores;
}

}  // namespace loom::clean
