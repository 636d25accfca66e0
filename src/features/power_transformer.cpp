#include "loom/features/power_transformer.hpp"

#include <cmath>
#include <limits>

#include "loom/core/detail/parallel.hpp"
#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/features/detail/brent.hpp"
#include "loom/features/detail/numeric_columns.hpp"

namespace loom::features {

const ParamTable<PowerTransformerParams>& PowerTransformerParams::table() {
  using P = PowerTransformerParams;
  static const ParamTable<P> table{
      param("method", &P::method, one_of({"yeo-johnson", "box-cox"})),
      param("standardize", &P::standardize),
      param("copy", &P::copy),
  };
  return table;
}

namespace {

constexpr double kSpacing = std::numeric_limits<double>::epsilon();  // np.spacing(1.0)

double yeo_johnson(double x, double lambda) {
  if (x >= 0) {
    if (std::abs(lambda) < kSpacing) return std::log1p(x);
    return (std::pow(x + 1, lambda) - 1) / lambda;
  }
  if (std::abs(lambda - 2) > kSpacing) return -(std::pow(-x + 1, 2 - lambda) - 1) / (2 - lambda);
  return -std::log1p(-x);
}

// scipy.special.boxcox.
double box_cox(double x, double lambda) {
  if (std::abs(lambda) < 1e-19) return std::log(x);
  return std::expm1(lambda * std::log(x)) / lambda;
}

// scikit-learn's _yeo_johnson_optimize: minus the log-likelihood of the transformed values.
double yeo_johnson_lambda(const std::vector<double>& x) {
  std::vector<double> signed_logs(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double sign = x[i] > 0 ? 1.0 : (x[i] < 0 ? -1.0 : 0.0);
    signed_logs[i] = sign * std::log1p(std::abs(x[i]));
  }
  const double signed_log_sum = detail::pairwise_sum(signed_logs);
  const auto n = static_cast<double>(x.size());
  std::vector<double> transformed(x.size());
  auto negative_log_likelihood = [&](double lambda) {
    for (std::size_t i = 0; i < x.size(); ++i)
      transformed[i] = yeo_johnson(x[i], lambda);
    const double variance = detail::numpy_var(transformed);
    if (variance < std::numeric_limits<double>::min())
      return std::numeric_limits<double>::infinity();
    double loglike = -n / 2 * std::log(variance);
    loglike += (lambda - 1) * signed_log_sum;
    return -loglike;
  };
  return detail::brent_minimize(negative_log_likelihood, -2.0, 2.0);
}

// scipy.stats.boxcox_normmax(method="mle"): minus scipy's boxcox_llf.
double box_cox_lambda(const std::vector<double>& x) {
  std::vector<double> logs(x.size());
  for (std::size_t i = 0; i < x.size(); ++i)
    logs[i] = std::log(x[i]);
  const double log_sum = detail::pairwise_sum(logs);
  const auto n = static_cast<double>(x.size());
  std::vector<double> transformed(x.size());
  auto negative_llf = [&](double lambda) {
    double variance = 0.0;
    if (lambda == 0) {
      variance = detail::numpy_var(logs);
    } else {
      for (std::size_t i = 0; i < x.size(); ++i)
        transformed[i] = std::pow(x[i], lambda) / lambda;
      variance = detail::numpy_var(transformed);
    }
    return -((lambda - 1) * log_sum - n / 2 * std::log(variance));
  };
  return detail::brent_minimize(negative_llf, -2.0, 2.0);
}

}  // namespace

Eigen::MatrixXd PowerTransformer::apply_power(const Table& x) const {
  const detail::NumericColumns input = detail::numeric_columns(x, describe());
  Eigen::MatrixXd values(static_cast<Eigen::Index>(input.n_rows),
                         static_cast<Eigen::Index>(input.columns.size()));
  const bool box = params_.method == "box-cox";
  for (std::size_t j = 0; j < input.columns.size(); ++j) {
    const double lambda = lambdas_(static_cast<Eigen::Index>(j));
    const double* in = input.columns[j];
    double* out = values.col(static_cast<Eigen::Index>(j)).data();
    for (std::size_t i = 0; i < input.n_rows; ++i) {
      if (box && in[i] <= 0) {
        throw DataError(fmt::format(
            "{}: column \"{}\" has the value {} at row {}; box-cox needs strictly positive data",
            describe(), feature_names_in_[j], in[i], i));
      }
      out[i] = box ? box_cox(in[i], lambda) : yeo_johnson(in[i], lambda);
    }
  }
  return values;
}

void PowerTransformer::fit(const Table& x, const Column*) {
  validate_params();
  require_non_empty(x, describe());
  const detail::NumericColumns input = detail::numeric_columns(x, describe());
  const std::vector<std::string> names = x.column_names();
  const bool box = params_.method == "box-cox";
  lambdas_.resize(static_cast<Eigen::Index>(input.columns.size()));
  std::vector<std::vector<double>> columns(input.columns.size());
  for (std::size_t j = 0; j < input.columns.size(); ++j) {
    for (std::size_t i = 0; i < input.n_rows; ++i) {
      const double value = input.columns[j][i];
      if (std::isnan(value)) continue;
      if (box && value <= 0) {
        throw DataError(fmt::format(
            "{}: column \"{}\" has the value {} at row {}; box-cox needs strictly positive data "
            "(use method \"yeo-johnson\")",
            describe(), names[j], value, i));
      }
      columns[j].push_back(value);
    }
    if (columns[j].empty()) {
      throw DataError(fmt::format("{}: column \"{}\" has no values that are not missing",
                                  describe(), names[j]));
    }
  }
  loom::detail::parallel_for(columns.size(), 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t j = begin; j < end; ++j) {
      lambdas_(static_cast<Eigen::Index>(j)) =
          box ? box_cox_lambda(columns[j]) : yeo_johnson_lambda(columns[j]);
    }
  });
  feature_names_in_ = names;
  fitted_ = true;
  if (params_.standardize) scaler_.fit(FeatureMatrix(apply_power(x), feature_names_in_));
}

Table PowerTransformer::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  FeatureMatrix transformed(apply_power(x), feature_names_in_);
  if (params_.standardize) return scaler_.transform(transformed);
  return transformed;
}

std::vector<std::string> PowerTransformer::feature_names_out() const {
  require_fitted("feature_names_out");
  return feature_names_in_;
}

Json PowerTransformer::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"lambdas", state::from_vector(lambdas_)},
          {"scaler", params_.standardize ? scaler_.fitted_state() : Json(nullptr)}};
}

void PowerTransformer::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  lambdas_ = state::to_eigen_vector(saved, "lambdas");
  if (lambdas_.size() != static_cast<Eigen::Index>(feature_names_in_.size())) {
    throw ParseError(fmt::format("{}: saved state has {} lambdas for {} features", describe(),
                                 lambdas_.size(), feature_names_in_.size()));
  }
  if (params_.standardize) scaler_.load_fitted_state(state::field(saved, "scaler"));
  fitted_ = true;
}

}  // namespace loom::features
