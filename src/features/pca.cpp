#include "loom/features/pca.hpp"

#include <cmath>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/features/detail/sparse_rows.hpp"
#include "loom/features/detail/svd.hpp"

namespace loom::features {

const ParamTable<PCAParams>& PCAParams::table() {
  static const ParamTable<PCAParams> table{
      param("n_components", &PCAParams::n_components, ParamCheck<Json>([](const Json& value) {
              if (value.is_null()) return std::string();
              if (value.is_number_integer() && value.get<std::int64_t>() >= 0) return std::string();
              if (value.is_number_float() && value.get<double>() > 0.0 && value.get<double>() < 1.0)
                return std::string();
              return std::string("must be null, an integer >= 0 or a float in (0, 1)");
            })),
      param("whiten", &PCAParams::whiten),
      param("svd_solver", &PCAParams::svd_solver, one_of({"auto", "full", "randomized"})),
      param("iterated_power", &PCAParams::iterated_power, ParamCheck<Json>([](const Json& value) {
              if ((value.is_string() && value.get<std::string>() == "auto") ||
                  (value.is_number_integer() && value.get<std::int64_t>() >= 0))
                return std::string();
              return std::string("must be \"auto\" or an integer >= 0");
            })),
      param("n_oversamples", &PCAParams::n_oversamples, at_least<std::int64_t>(1)),
      param("power_iteration_normalizer", &PCAParams::power_iteration_normalizer,
            one_of({"auto", "QR", "LU", "none"})),
      param("random_state", &PCAParams::random_state),
  };
  return table;
}

namespace {

Eigen::MatrixXd numeric_input(const Table& x, std::string_view caller) {
  if (x.is_sparse()) {
    throw DataError(fmt::format(
        "{}: PCA does not support sparse input; use TruncatedSVD for sparse matrices", caller));
  }
  x.require_no_missing(caller);
  return x.to_dense(caller);
}

}  // namespace

void PCA::fit(const Table& x, const Column*) {
  validate_params();
  fitted_ = false;
  require_non_empty(x, describe());
  const Eigen::MatrixXd values = numeric_input(x, describe());
  const Eigen::Index n_samples = values.rows(), n_features = values.cols();
  if (n_samples < 2) {
    throw DataError(fmt::format("{}: needs at least 2 rows, found {}", describe(), n_samples));
  }
  const Eigen::Index rank = std::min(n_samples, n_features);
  const Json& requested = params_.n_components;
  const bool fraction = requested.is_number_float();
  const Eigen::Index count =
      requested.is_null()
          ? rank
          : (fraction ? 0 : static_cast<Eigen::Index>(requested.get<std::int64_t>()));
  std::string solver = params_.svd_solver;
  if (solver == "auto") {
    // scikit-learn 1.2's choice.
    if (std::max(n_samples, n_features) <= 500) {
      solver = "full";
    } else if (!fraction && count >= 1 &&
               static_cast<double>(count) < 0.8 * static_cast<double>(rank)) {
      solver = "randomized";
    } else {
      solver = "full";
    }
  }
  if (solver == "full" && !fraction && count > rank) {
    throw ParameterError(fmt::format(
        "{}: parameter n_components = {} must be between 0 and min(n_samples, n_features) = {} "
        "with svd_solver='full'",
        describe(), count, rank));
  }
  if (solver == "randomized" && (fraction || count < 1 || count > rank)) {
    throw ParameterError(fmt::format(
        "{}: parameter n_components = {} must be an integer between 1 and min(n_samples, "
        "n_features) = {} with svd_solver='randomized'",
        describe(), requested.dump(), rank));
  }
  mean_ = values.colwise().mean();
  const Eigen::MatrixXd centered = values.rowwise() - mean_.transpose();
  const double dof = static_cast<double>(n_samples - 1);
  detail::Svd svd;
  if (solver == "full") {
    svd = detail::exact_svd(centered);
    const Eigen::VectorXd variance = svd.singular_values.array().square() / dof;
    const double total = variance.sum();
    const Eigen::VectorXd ratio = variance / total;
    Eigen::Index kept = count;
    if (fraction) {
      // np.searchsorted(cumsum(ratio), fraction, side="right") + 1
      const double wanted = requested.get<double>();
      double cumulative = 0.0;
      kept = 0;
      for (Eigen::Index j = 0; j < ratio.size(); ++j) {
        cumulative += ratio(j);
        if (cumulative <= wanted) kept = j + 1;
      }
      kept = std::min(kept + 1, ratio.size());
    }
    noise_variance_ = kept < rank ? variance.tail(rank - kept).mean() : 0.0;
    components_ = svd.components.topRows(kept);
    singular_values_ = svd.singular_values.head(kept);
    explained_variance_ = variance.head(kept);
    explained_variance_ratio_ = ratio.head(kept);
  } else {
    detail::RandomizedSvdOptions options;
    options.n_components = count;
    options.n_oversamples = static_cast<Eigen::Index>(params_.n_oversamples);
    options.n_iter = params_.iterated_power.is_string()
                         ? (static_cast<double>(count) < 0.1 * static_cast<double>(rank) ? 7 : 4)
                         : params_.iterated_power.get<int>();
    options.power_iteration_normalizer = params_.power_iteration_normalizer;
    options.seed = detail::seed_from(params_.random_state);
    svd = detail::randomized_svd(centered, options);
    components_ = svd.components;
    singular_values_ = svd.singular_values;
    explained_variance_ = singular_values_.array().square() / dof;
    const double total_variance = centered.colwise().squaredNorm().sum() / dof;
    explained_variance_ratio_ = explained_variance_ / total_variance;
    noise_variance_ = count < rank ? (total_variance - explained_variance_.sum()) /
                                         static_cast<double>(rank - count)
                                   : 0.0;
  }
  fit_svd_solver_ = solver;
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Table PCA::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  const Eigen::MatrixXd values = numeric_input(x, describe());
  Eigen::MatrixXd scores = (values.rowwise() - mean_.transpose()) * components_.transpose();
  if (params_.whiten) {
    scores.array().rowwise() /= explained_variance_.array().sqrt().transpose();
  }
  return FeatureMatrix(std::move(scores), feature_names_out());
}

Eigen::MatrixXd PCA::inverse_transform(const Eigen::MatrixXd& scores) const {
  require_fitted("inverse_transform");
  if (scores.cols() != components_.rows()) {
    throw DataError(fmt::format("{}: inverse_transform input has {} columns, expected {}",
                                describe(), scores.cols(), components_.rows()));
  }
  Eigen::MatrixXd values;
  if (params_.whiten) {
    values = scores * (explained_variance_.array().sqrt().matrix().asDiagonal() * components_);
  } else {
    values = scores * components_;
  }
  values.rowwise() += mean_.transpose();
  return values;
}

std::vector<std::string> PCA::feature_names_out() const {
  require_fitted("feature_names_out");
  return detail::numbered_names("pca", components_.rows());
}

Json PCA::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"components", state::from_matrix(components_)},
          {"mean", state::from_vector(mean_)},
          {"explained_variance", state::from_vector(explained_variance_)},
          {"explained_variance_ratio", state::from_vector(explained_variance_ratio_)},
          {"singular_values", state::from_vector(singular_values_)},
          {"noise_variance", noise_variance_},
          {"svd_solver", fit_svd_solver_}};
}

void PCA::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  components_ = state::to_matrix(saved, "components");
  mean_ = state::to_eigen_vector(saved, "mean");
  explained_variance_ = state::to_eigen_vector(saved, "explained_variance");
  explained_variance_ratio_ = state::to_eigen_vector(saved, "explained_variance_ratio");
  singular_values_ = state::to_eigen_vector(saved, "singular_values");
  noise_variance_ = state::field(saved, "noise_variance").get<double>();
  fit_svd_solver_ = state::field(saved, "svd_solver").get<std::string>();
  const auto p = static_cast<Eigen::Index>(feature_names_in_.size());
  const Eigen::Index k = explained_variance_.size();
  if (mean_.size() != p || (k > 0 && components_.cols() != p) || components_.rows() != k ||
      singular_values_.size() != k || explained_variance_ratio_.size() != k) {
    throw ParseError(fmt::format("{}: saved state has arrays whose sizes do not match {} features",
                                 describe(), p));
  }
  fitted_ = true;
}

}  // namespace loom::features
