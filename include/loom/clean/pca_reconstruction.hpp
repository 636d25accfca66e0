#pragma once
// Reconstruction-error detector: fits a PCA (centred, by SVD) and scores each row by minus
// its squared reconstruction error ||x - x_hat||^2 from the first n_components components;
// offset_ is the contamination percentile of the training scores. n_components is a count, or
// a share of variance in (0, 1) as scikit-learn's PCA. No scikit-learn class: it is
// scikit-learn's PCA inverse_transform(transform(x)) error. Throws as OutlierDetector, and
// ParameterError when n_components exceeds min(n_rows, n_columns).
#include "loom/clean/outlier_detector.hpp"

namespace loom::clean {

struct PCAReconstructionParams {
  Json n_components = 0.9;     // int >= 1 | float in (0, 1): share of variance to keep
  double contamination = 0.1;  // in (0, 0.5]
  static const ParamTable<PCAReconstructionParams>& table();
};

class PCAReconstruction : public DetectorWithParams<PCAReconstruction, PCAReconstructionParams> {
 public:
  static constexpr std::string_view kTypeName = "PCAReconstruction";
  using DetectorWithParams::DetectorWithParams;

  const Eigen::VectorXd& mean() const { return mean_; }
  // n_features x n_components_, one principal axis per column.
  const Eigen::MatrixXd& components() const { return components_; }
  Eigen::Index n_components() const { return components_.cols(); }

 protected:
  void fit_checked(const Eigen::MatrixXd& x) override;
  Eigen::VectorXd score_checked(const Eigen::MatrixXd& x) const override;

 private:
  Eigen::VectorXd mean_;
  Eigen::MatrixXd components_;
};

}  // namespace loom::clean
