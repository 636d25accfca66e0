#include "loom/clean/iqr_detector.hpp"

#include <algorithm>
#include <limits>
#include <vector>

#include "loom/clean/detail/quantile.hpp"

namespace loom::clean {

const ParamTable<IqrParams>& IqrParams::table() {
  static const ParamTable<IqrParams> table{
      param("k", &IqrParams::k, at_least(0.0)),
  };
  return table;
}

void IqrDetector::fit_checked(const Eigen::MatrixXd& x) {
  lower_.resize(x.cols());
  upper_.resize(x.cols());
  std::vector<double> sorted(static_cast<std::size_t>(x.rows()));
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    std::copy(x.col(j).begin(), x.col(j).end(), sorted.begin());
    std::sort(sorted.begin(), sorted.end());
    const double q1 = detail::percentile_linear(sorted, 25.0);
    const double q3 = detail::percentile_linear(sorted, 75.0);
    lower_(j) = q1 - params_.k * (q3 - q1);
    upper_(j) = q3 + params_.k * (q3 - q1);
  }
  training_scores_ = score_checked(x);
  offset_ = 0.0;
}

Eigen::VectorXd IqrDetector::score_checked(const Eigen::MatrixXd& x) const {
  Eigen::VectorXd scores =
      Eigen::VectorXd::Constant(x.rows(), std::numeric_limits<double>::infinity());
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      const double distance = std::max(lower_(j) - x(i, j), x(i, j) - upper_(j));
      scores(i) = std::min(scores(i), -distance);
    }
  }
  return scores;
}

}  // namespace loom::clean
