#include "linear_regressors.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <Eigen/Cholesky>
#include <Eigen/SVD>
#include <limits>
#include <map>
#include <optional>

namespace loom::clean::regressors {

namespace {

struct BayesianRidgeOptions {
  int n_iter = 300;
  double tol = 1e-3;
  double alpha_1 = 1e-6, alpha_2 = 1e-6, lambda_1 = 1e-6, lambda_2 = 1e-6;
  std::optional<double> alpha_init, lambda_init;
  bool fit_intercept = true;
};

struct RidgeOptions {
  double alpha = 1.0;
  bool fit_intercept = true;
};

// The parameter names each estimator takes, and whether each is a number, a count, a flag or
// an optional number.
const std::map<std::string, std::map<std::string, std::string>>& known_params() {
  static const std::map<std::string, std::map<std::string, std::string>> known{
      {"BayesianRidge",
       {{"n_iter", "count"},
        {"tol", "number"},
        {"alpha_1", "number"},
        {"alpha_2", "number"},
        {"lambda_1", "number"},
        {"lambda_2", "number"},
        {"alpha_init", "optional"},
        {"lambda_init", "optional"},
        {"fit_intercept", "flag"},
        {"compute_score", "flag"},
        {"copy_X", "flag"},
        {"verbose", "flag"}}},
      {"Ridge", {{"alpha", "number"}, {"fit_intercept", "flag"}, {"copy_X", "flag"}}},
  };
  return known;
}

void centre(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, bool fit_intercept,
            Eigen::MatrixXd& xc, Eigen::VectorXd& yc, Eigen::VectorXd& x_offset, double& y_offset) {
  if (fit_intercept) {
    x_offset = x.colwise().mean().transpose();
    y_offset = y.mean();
  } else {
    x_offset = Eigen::VectorXd::Zero(x.cols());
    y_offset = 0.0;
  }
  xc = x.rowwise() - x_offset.transpose();
  yc = y.array() - y_offset;
}

LinearFit fit_ridge(const RidgeOptions& options, const Eigen::MatrixXd& x,
                    const Eigen::VectorXd& y) {
  Eigen::MatrixXd xc;
  Eigen::VectorXd yc, x_offset;
  double y_offset = 0.0;
  centre(x, y, options.fit_intercept, xc, yc, x_offset, y_offset);
  // scikit-learn's "cholesky" solver: (X'X + alpha I) w = X'y.
  Eigen::MatrixXd gram = xc.transpose() * xc;
  gram.diagonal().array() += options.alpha;
  LinearFit fit;
  fit.coef = gram.ldlt().solve(xc.transpose() * yc);
  fit.intercept = y_offset - x_offset.dot(fit.coef);
  return fit;
}

// scikit-learn 1.2's BayesianRidge.fit: evidence maximisation over alpha (noise precision)
// and lambda (weights precision), with the SVD of the centred X.
LinearFit fit_bayesian_ridge(const BayesianRidgeOptions& options, const Eigen::MatrixXd& x,
                             const Eigen::VectorXd& y) {
  Eigen::MatrixXd xc;
  Eigen::VectorXd yc, x_offset;
  double y_offset = 0.0;
  centre(x, y, options.fit_intercept, xc, yc, x_offset, y_offset);
  const auto n_samples = static_cast<double>(xc.rows());
  const double eps = std::numeric_limits<double>::epsilon();
  const double variance = (yc.array() - yc.mean()).square().mean();
  double alpha = options.alpha_init.value_or(1.0 / (variance + eps));
  double lambda = options.lambda_init.value_or(1.0);
  const Eigen::VectorXd xt_y = xc.transpose() * yc;
  const Eigen::BDCSVD<Eigen::MatrixXd> svd(xc, Eigen::ComputeThinU | Eigen::ComputeThinV);
  const Eigen::ArrayXd eigen_values = svd.singularValues().array().square();
  const Eigen::MatrixXd& u = svd.matrixU();
  const Eigen::MatrixXd& v = svd.matrixV();
  const bool tall = xc.rows() > xc.cols();

  auto update = [&](double alpha_now, double lambda_now, double& rmse) {
    const Eigen::ArrayXd scale = 1.0 / (eigen_values + lambda_now / alpha_now);
    Eigen::VectorXd coef;
    if (tall) {
      coef = v * (scale * (v.transpose() * xt_y).array()).matrix();
    } else {
      coef = xc.transpose() * (u * (scale * (u.transpose() * yc).array()).matrix());
    }
    rmse = (yc - xc * coef).squaredNorm();
    return coef;
  };

  Eigen::VectorXd coef_old;
  for (int iteration = 0; iteration < options.n_iter; ++iteration) {
    double rmse = 0.0;
    const Eigen::VectorXd coef = update(alpha, lambda, rmse);
    const double gamma = (alpha * eigen_values / (lambda + alpha * eigen_values)).sum();
    lambda = (gamma + 2.0 * options.lambda_1) / (coef.squaredNorm() + 2.0 * options.lambda_2);
    alpha = (n_samples - gamma + 2.0 * options.alpha_1) / (rmse + 2.0 * options.alpha_2);
    if (iteration != 0 && (coef_old - coef).cwiseAbs().sum() < options.tol) break;
    coef_old = coef;
  }
  double rmse = 0.0;
  LinearFit fit;
  fit.coef = update(alpha, lambda, rmse);
  fit.intercept = y_offset - x_offset.dot(fit.coef);
  return fit;
}

}  // namespace

std::string check_estimator_spec(const Json& spec) {
  if (spec.is_null()) return {};
  const std::string expected =
      "must be null or {\"type\": \"BayesianRidge\" | \"Ridge\", \"params\": {...}}";
  if (!spec.is_object() || !spec.contains("type") || !spec["type"].is_string()) return expected;
  const auto found = known_params().find(spec["type"].get<std::string>());
  if (found == known_params().end()) return expected;
  for (const auto& [key, value] : spec.items()) {
    if (key != "type" && key != "params")
      return expected + fmt::format(" (unknown key \"{}\")", key);
  }
  if (!spec.contains("params")) return {};
  if (!spec["params"].is_object()) return expected;
  for (const auto& [key, value] : spec["params"].items()) {
    const auto kind = found->second.find(key);
    if (kind == found->second.end()) {
      std::vector<std::string> names;
      for (const auto& [name, ignored] : found->second)
        names.push_back(name);
      return fmt::format("has unknown {} parameter \"{}\" (parameters: {})", found->first, key,
                         fmt::join(names, ", "));
    }
    const bool ok = kind->second == "flag"    ? value.is_boolean()
                    : kind->second == "count" ? value.is_number_integer() && value.get<int>() >= 1
                    : kind->second == "optional" ? value.is_null() || value.is_number()
                                                 : value.is_number() && value.get<double>() >= 0.0;
    if (!ok) {
      return fmt::format("has {} parameter {} = {}, expected {}", found->first, key, value.dump(),
                         kind->second == "flag"       ? "a boolean"
                         : kind->second == "count"    ? "an integer >= 1"
                         : kind->second == "optional" ? "a number or null"
                                                      : "a number >= 0");
    }
  }
  return {};
}

LinearFit fit_estimator(const Json& spec, const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
  const Json params = spec.is_object() && spec.contains("params") ? spec["params"] : Json::object();
  if (spec.is_object() && spec["type"] == "Ridge") {
    RidgeOptions options;
    options.alpha = params.value("alpha", options.alpha);
    options.fit_intercept = params.value("fit_intercept", options.fit_intercept);
    return fit_ridge(options, x, y);
  }
  BayesianRidgeOptions options;
  options.n_iter = params.value("n_iter", options.n_iter);
  options.tol = params.value("tol", options.tol);
  options.alpha_1 = params.value("alpha_1", options.alpha_1);
  options.alpha_2 = params.value("alpha_2", options.alpha_2);
  options.lambda_1 = params.value("lambda_1", options.lambda_1);
  options.lambda_2 = params.value("lambda_2", options.lambda_2);
  if (params.contains("alpha_init") && !params["alpha_init"].is_null())
    options.alpha_init = params["alpha_init"].get<double>();
  if (params.contains("lambda_init") && !params["lambda_init"].is_null())
    options.lambda_init = params["lambda_init"].get<double>();
  options.fit_intercept = params.value("fit_intercept", options.fit_intercept);
  return fit_bayesian_ridge(options, x, y);
}

}  // namespace loom::clean::regressors
