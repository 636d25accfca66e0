#pragma once
// Projects a (typically sparse) matrix on its top right singular vectors without centring,
// by randomized SVD: scikit-learn's sklearn.decomposition.TruncatedSVD (algorithm
// "randomized", n_iter 5). Randomized like scikit-learn's but with loom's own seeded Gaussian
// stream, so results agree with scikit-learn's to the accuracy of the method (exactly when the
// spectrum converges), up to sign: each component's entry of largest magnitude is positive.
// Sparse input stays sparse until the dense n_rows x n_components output. Outputs
// truncatedsvd0, ... Throws ParameterError for bad parameters or n_components above the
// number of columns, DataError for missing or non-numeric input, SchemaError, NotFittedError.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "loom/core/step.hpp"

namespace loom::features {

struct TruncatedSVDParams {
  std::int64_t n_components = 2;  // >= 1, below the number of columns
  std::string algorithm = "randomized";
  std::int64_t n_iter = 5;  // power iterations
  std::int64_t n_oversamples = 10;
  std::string power_iteration_normalizer = "auto";  // "auto" | "QR" | "LU" | "none"
  std::optional<std::int64_t> random_state = std::nullopt;
  static const ParamTable<TruncatedSVDParams>& table();
};

class TruncatedSVD : public StepWithParams<TruncatedSVD, Transformer, TruncatedSVDParams> {
 public:
  static constexpr std::string_view kTypeName = "TruncatedSVD";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y = nullptr) override;
  Table transform(const Table& x) const override;
  std::vector<std::string> feature_names_out() const override;

  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override;
  void load_fitted_state(const Json& state) override;

  const Eigen::MatrixXd& components() const { return components_; }
  const Eigen::VectorXd& explained_variance() const { return explained_variance_; }
  const Eigen::VectorXd& explained_variance_ratio() const { return explained_variance_ratio_; }
  const Eigen::VectorXd& singular_values() const { return singular_values_; }

 private:
  bool fitted_ = false;
  std::vector<std::string> feature_names_in_;
  Eigen::MatrixXd components_;
  Eigen::VectorXd explained_variance_, explained_variance_ratio_, singular_values_;
};

}  // namespace loom::features
