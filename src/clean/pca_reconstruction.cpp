#include "loom/clean/pca_reconstruction.hpp"

#include <fmt/format.h>

#include <Eigen/SVD>
#include <algorithm>
#include <vector>

#include "loom/clean/detail/quantile.hpp"

namespace loom::clean {

const ParamTable<PCAReconstructionParams>& PCAReconstructionParams::table() {
  static const ParamTable<PCAReconstructionParams> table{
      param<PCAReconstructionParams, Json>(
          "n_components", &PCAReconstructionParams::n_components,
          [](const Json& value) {
            if (value.is_number_integer() && value.get<long long>() >= 1) return std::string();
            if (value.is_number_float() && value.get<double>() > 0.0 && value.get<double>() < 1.0)
              return std::string();
            return std::string("must be an integer >= 1 or a share of variance in (0, 1)");
          }),
      param("contamination", &PCAReconstructionParams::contamination,
            ParamCheck<double>(
                [](const double& value) { return check_contamination(Json(value), false); })),
  };
  return table;
}

void PCAReconstruction::fit_checked(const Eigen::MatrixXd& x) {
  mean_ = x.colwise().mean().transpose();
  const Eigen::MatrixXd centred = x.rowwise() - mean_.transpose();
  const Eigen::BDCSVD<Eigen::MatrixXd> svd(centred, Eigen::ComputeThinV);
  const Eigen::VectorXd& singular = svd.singularValues();
  const Eigen::Index available = std::min(x.rows(), x.cols());
  Eigen::Index keep = 0;
  if (params_.n_components.is_number_integer()) {
    const auto wanted = params_.n_components.get<long long>();
    if (wanted > available) {
      throw ParameterError(
          fmt::format("{}: parameter n_components = {} must be <= min(n_rows, n_columns) = {}",
                      kTypeName, wanted, available));
    }
    keep = static_cast<Eigen::Index>(wanted);
  } else {
    // As scikit-learn: the fewest components whose cumulated variance ratio exceeds the share
    // (searchsorted side="right" + 1).
    const double share = params_.n_components.get<double>();
    const Eigen::ArrayXd variance = singular.array().square();
    const double total = variance.sum();
    double cumulated = 0.0;
    for (Eigen::Index k = 0; k < variance.size(); ++k) {
      cumulated += variance(k);
      if (cumulated / total <= share) keep = k + 1;
    }
    keep = std::min(keep + 1, available);
  }
  components_ = svd.matrixV().leftCols(keep);
  training_scores_ = score_checked(x);
  std::vector<double> sorted(training_scores_.begin(), training_scores_.end());
  std::sort(sorted.begin(), sorted.end());
  offset_ = detail::percentile_linear(sorted, 100.0 * params_.contamination);
}

Eigen::VectorXd PCAReconstruction::score_checked(const Eigen::MatrixXd& x) const {
  const Eigen::MatrixXd centred = x.rowwise() - mean_.transpose();
  const Eigen::MatrixXd residual = centred - (centred * components_) * components_.transpose();
  return -residual.rowwise().squaredNorm();
}

}  // namespace loom::clean
