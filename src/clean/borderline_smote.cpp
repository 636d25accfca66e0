#include "loom/clean/borderline_smote.hpp"

#include <fmt/format.h>

#include "loom/clean/sampling_strategy.hpp"
#include "loom/core/input_check.hpp"
#include "resample_support.hpp"
#include "smote_support.hpp"

namespace loom::clean {

const ParamTable<BorderlineSMOTEParams>& BorderlineSMOTEParams::table() {
  using P = BorderlineSMOTEParams;
  static const ParamTable<P> table{
      param<P, Json>("sampling_strategy", &P::sampling_strategy, sampling_strategy_check),
      param<P, std::optional<std::int64_t>>("random_state", &P::random_state, random_state_check),
      param("k_neighbors", &P::k_neighbors, at_least(1)),
      param<P, std::optional<int>>("n_jobs", &P::n_jobs),
      param("m_neighbors", &P::m_neighbors, at_least(1)),
      param("kind", &P::kind, one_of({"borderline-1", "borderline-2"})),
  };
  return table;
}

std::pair<Table, Column> BorderlineSMOTE::fit_resample(const Table& x, const Column& y) {
  validate_params();
  const std::string caller = describe();
  require_non_empty(x, caller);
  const detail::ResampleTarget target = detail::encode_resample_target(x, y, caller);
  const auto targets = check_sampling_strategy(params_.sampling_strategy, target.labels,
                                               SamplingType::over_sampling, caller);
  const Eigen::MatrixXd values =
      detail::numeric_features(x, caller, " (SMOTE interpolates numbers; use SMOTENC)");
  const int n_jobs = params_.n_jobs.value_or(0);
  const Eigen::Index m = params_.m_neighbors;
  const Eigen::Index k = params_.k_neighbors;
  std::vector<Eigen::MatrixXd> blocks;
  std::vector<int> new_classes;
  std::optional<NearestNeighbors> all_points;
  for (std::size_t c = 0; c < targets.size(); ++c) {
    if (!targets[c] || *targets[c] == 0) continue;
    const std::size_t n_samples = *targets[c];
    const std::string label = target.labels.classes.value_string(c);
    const auto& class_rows = target.rows_of_class[c];
    const Eigen::MatrixXd members = detail::take_rows(values, class_rows);
    if (!all_points) all_points.emplace(values, n_jobs);
    // Rows in danger: at least half, but not all, of their m neighbours are of other classes.
    if (m + 1 > all_points->n_points()) {
      throw DataError(fmt::format("{}: m_neighbors = {} needs at least {} rows, found {}", caller,
                                  m, m + 1, all_points->n_points()));
    }
    const NeighborsResult around = all_points->kneighbors(members, m + 1);
    std::vector<std::size_t> danger;
    for (Eigen::Index i = 0; i < members.rows(); ++i) {
      Eigen::Index n_other = 0;
      for (Eigen::Index j = 1; j <= m; ++j) {
        const auto row = static_cast<std::size_t>(around.indices(i, j));
        n_other += target.labels.indices[row] != static_cast<int>(c) ? 1 : 0;
      }
      if (static_cast<double>(n_other) >= static_cast<double>(m) / 2.0 && n_other < m)
        danger.push_back(static_cast<std::size_t>(i));
    }
    if (danger.empty()) continue;
    const Eigen::MatrixXd in_danger = detail::take_rows(members, danger);
    const NearestNeighbors index(members, n_jobs);
    const detail::IndexMatrix neighbours =
        detail::neighbours_after_self(index, in_danger, k, caller, "k_neighbors", label);
    if (params_.kind == "borderline-1") {
      detail::RandomState random = detail::check_random_state(params_.random_state);
      const auto draws = detail::draw_samples(random, in_danger.rows(), k, n_samples, 1.0);
      blocks.push_back(detail::interpolate(in_danger, members, neighbours, draws));
      new_classes.insert(new_classes.end(), n_samples, static_cast<int>(c));
      continue;
    }
    detail::RandomState fraction_random = detail::check_random_state(params_.random_state);
    const double fraction = fraction_random.beta(10.0, 10.0);
    // int() truncation, as imblearn splits the samples between the two kinds of neighbour.
    const auto n_same = static_cast<std::size_t>(fraction * static_cast<double>(n_samples + 1));
    const auto n_other =
        static_cast<std::size_t>((1.0 - fraction) * static_cast<double>(n_samples));
    detail::RandomState same_random = detail::check_random_state(params_.random_state);
    const auto same_draws = detail::draw_samples(same_random, in_danger.rows(), k, n_same, 1.0);
    blocks.push_back(detail::interpolate(in_danger, members, neighbours, same_draws));
    // imblearn 0.10 looks the same-class neighbour indices up among the other classes' rows.
    std::vector<std::size_t> other_rows;
    for (std::size_t row = 0; row < target.labels.indices.size(); ++row) {
      if (target.labels.indices[row] != static_cast<int>(c)) other_rows.push_back(row);
    }
    const Eigen::MatrixXd others = detail::take_rows(values, other_rows);
    detail::RandomState other_random = detail::check_random_state(params_.random_state);
    const auto other_draws = detail::draw_samples(other_random, in_danger.rows(), k, n_other, 0.5);
    for (std::size_t i = 0; i < n_other; ++i) {
      if (neighbours(other_draws.rows[i], other_draws.columns[i]) >= others.rows()) {
        throw DataError(fmt::format(
            "{}: borderline-2 needs more rows outside class \"{}\" ({}) than in it ({}), as "
            "imbalanced-learn 0.10 indexes them",
            caller, label, others.rows(), members.rows()));
      }
    }
    blocks.push_back(detail::interpolate(in_danger, others, neighbours, other_draws));
    new_classes.insert(new_classes.end(), n_same + n_other, static_cast<int>(c));
  }
  const Table generated = detail::numeric_rows_like(x, detail::stack_rows(blocks, values.cols()));
  return detail::assemble_resampled(x, y, target, detail::all_rows(x.n_rows()), generated,
                                    new_classes);
}

}  // namespace loom::clean
