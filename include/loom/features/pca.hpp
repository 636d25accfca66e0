#pragma once
// Principal component analysis: centres the numeric columns and projects them on the top
// right singular vectors, scikit-learn's sklearn.decomposition.PCA (svd_solver "full" = exact
// SVD, "randomized" = randomized SVD, "auto" chooses as scikit-learn 1.2). n_components is a
// count, a variance fraction in (0, 1) or null (all). Signs follow scikit-learn 1.5: each
// component's entry of largest magnitude is positive. Outputs pca0, pca1, ...
// Throws ParameterError for bad parameters, DataError for sparse, non-numeric or missing
// input or fewer than 2 rows, SchemaError for columns that differ from fit, NotFittedError.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::features {

struct PCAParams {
  Json n_components = nullptr;      // null | integer count | float fraction in (0, 1)
  bool whiten = false;              // divide outputs by sqrt(explained_variance_)
  std::string svd_solver = "auto";  // "auto" | "full" | "randomized"
  Json iterated_power = "auto";     // "auto" | integer >= 0 (randomized power iterations)
  std::int64_t n_oversamples = 10;  // extra random vectors (randomized)
  std::string power_iteration_normalizer = "auto";          // "auto" | "QR" | "LU" | "none"
  std::optional<std::int64_t> random_state = std::nullopt;  // seed (randomized)
  static const ParamTable<PCAParams>& table();
};

class PCA : public StepWithParams<PCA, Transformer, PCAParams> {
 public:
  static constexpr std::string_view kTypeName = "PCA";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  // Maps component scores back to the original columns.
  Eigen::MatrixXd inverse_transform(const Eigen::MatrixXd& scores) const;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  const Eigen::MatrixXd& components() const { return components_; }  // n_components x p
  const Eigen::VectorXd& mean() const { return mean_; }
  const Eigen::VectorXd& explained_variance() const { return explained_variance_; }
  const Eigen::VectorXd& explained_variance_ratio() const { return explained_variance_ratio_; }
  const Eigen::VectorXd& singular_values() const { return singular_values_; }
  double noise_variance() const { return noise_variance_; }
  Eigen::Index n_components() const { return components_.rows(); }
  // The solver fit used ("full" or "randomized").
  const std::string& fit_svd_solver() const { return fit_svd_solver_; }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Eigen::MatrixXd components_;
  Eigen::VectorXd mean_, explained_variance_, explained_variance_ratio_, singular_values_;
  double noise_variance_ = 0.0;
  std::string fit_svd_solver_;
};

}  // namespace loom::features
