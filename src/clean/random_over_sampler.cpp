#include "loom/clean/random_over_sampler.hpp"

#include <fmt/format.h>

#include <cmath>

#include "loom/clean/detail/random_state.hpp"
#include "loom/clean/sampling_strategy.hpp"
#include "loom/core/input_check.hpp"
#include "resample_support.hpp"

namespace loom::clean {

const ParamTable<RandomOverSamplerParams>& RandomOverSamplerParams::table() {
  using P = RandomOverSamplerParams;
  static const ParamTable<P> table{
      param<P, Json>("sampling_strategy", &P::sampling_strategy, sampling_strategy_check),
      param<P, std::optional<std::int64_t>>("random_state", &P::random_state, random_state_check),
      param<P, Json>("shrinkage", &P::shrinkage,
                     [](const Json& value) {
                       if (value.is_null() || value.is_object()) return std::string();
                       if (value.is_number() && value.get<double>() >= 0.0) return std::string();
                       return std::string(
                           "must be null, a number >= 0 or an object of factors per class");
                     }),
  };
  return table;
}

namespace {

// The shrinkage factor of each class, as imblearn's shrinkage_ (a number applies to every
// resampled class); empty when there is no shrinkage.
std::vector<double> shrinkage_factors(const Json& shrinkage, const Column& classes,
                                      const std::vector<std::optional<std::size_t>>& targets,
                                      std::string_view caller) {
  if (shrinkage.is_null()) return {};
  std::vector<double> factors(classes.size(), std::nan(""));
  if (shrinkage.is_number()) {
    for (std::size_t c = 0; c < targets.size(); ++c) {
      if (targets[c]) factors[c] = shrinkage.get<double>();
    }
    return factors;
  }
  for (const auto& [key, value] : shrinkage.items()) {
    std::size_t found = classes.size();
    for (std::size_t c = 0; c < classes.size(); ++c) {
      if (classes.value_string(c) == key) found = c;
    }
    if (found == classes.size()) {
      throw ParameterError(
          fmt::format("{}: shrinkage names class \"{}\", which is not in the target", caller, key));
    }
    if (!value.is_number() || value.get<double>() < 0.0) {
      throw ParameterError(fmt::format("{}: shrinkage[\"{}\"] = {} must be a number >= 0", caller,
                                       key, value.dump()));
    }
    factors[found] = value.get<double>();
  }
  for (std::size_t c = 0; c < targets.size(); ++c) {
    if (targets[c] && std::isnan(factors[c])) {
      throw ParameterError(
          fmt::format("{}: shrinkage has no factor for class \"{}\", which is resampled", caller,
                      classes.value_string(c)));
    }
  }
  return factors;
}

// Population standard deviation of each column over the given rows (np.std, ddof 0).
Eigen::RowVectorXd class_scale(const Eigen::MatrixXd& values,
                               const std::vector<std::size_t>& rows) {
  Eigen::RowVectorXd scale(values.cols());
  const auto n = static_cast<double>(rows.size());
  for (Eigen::Index j = 0; j < values.cols(); ++j) {
    double sum = 0.0;
    for (std::size_t row : rows)
      sum += values(static_cast<Eigen::Index>(row), j);
    const double mean = sum / n;
    double squares = 0.0;
    for (std::size_t row : rows) {
      const double centred = values(static_cast<Eigen::Index>(row), j) - mean;
      squares += centred * centred;
    }
    scale(j) = std::sqrt(squares / n);
  }
  return scale;
}

}  // namespace

std::pair<Table, Column> RandomOverSampler::fit_resample(const Table& x, const Column& y) {
  validate_params();
  const std::string caller = describe();
  require_non_empty(x, caller);
  const detail::ResampleTarget target = detail::encode_resample_target(x, y, caller);
  const auto targets = check_sampling_strategy(params_.sampling_strategy, target.labels,
                                               SamplingType::over_sampling, caller);
  const std::vector<double> factors =
      shrinkage_factors(params_.shrinkage, target.labels.classes, targets, caller);
  Eigen::MatrixXd values;
  if (!factors.empty()) {
    values = detail::numeric_features(
        x, caller, " when shrinkage is set (the smoothed bootstrap adds noise to every feature)");
  }

  detail::RandomState random = detail::check_random_state(params_.random_state);
  std::vector<std::size_t> bootstrap;
  std::vector<int> new_classes;
  Eigen::MatrixXd smoothed(0, values.cols());
  for (std::size_t c = 0; c < targets.size(); ++c) {
    if (!targets[c]) continue;
    const auto& rows = target.rows_of_class[c];
    const std::size_t n_new = *targets[c];
    const std::size_t first = bootstrap.size();
    for (std::int64_t pick : random.randint_many(static_cast<std::int64_t>(rows.size()), n_new)) {
      bootstrap.push_back(rows[static_cast<std::size_t>(pick)]);
      new_classes.push_back(static_cast<int>(c));
    }
    if (factors.empty()) continue;
    const auto n_rows = static_cast<double>(x.n_rows());
    const auto n_features = static_cast<double>(values.cols());
    const double smoothing =
        std::pow(4.0 / ((n_features + 2.0) * n_rows), 1.0 / (n_features + 4.0));
    const Eigen::RowVectorXd scale = factors[c] * smoothing * class_scale(values, rows);
    smoothed.conservativeResize(static_cast<Eigen::Index>(bootstrap.size()), values.cols());
    for (std::size_t i = first; i < bootstrap.size(); ++i) {
      for (Eigen::Index j = 0; j < values.cols(); ++j) {
        smoothed(static_cast<Eigen::Index>(i), j) =
            random.gauss() * scale(j) + values(static_cast<Eigen::Index>(bootstrap[i]), j);
      }
    }
  }
  const Table generated =
      factors.empty() ? x.take(bootstrap) : detail::numeric_rows_like(x, smoothed);
  return detail::assemble_resampled(x, y, target, detail::all_rows(x.n_rows()), generated,
                                    new_classes);
}

}  // namespace loom::clean
