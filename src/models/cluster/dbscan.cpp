#include "loom/models/cluster/dbscan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "loom/clean/nearest_neighbors.hpp"
#include "loom/core/json_state.hpp"
#include "loom/models/cluster/detail/kmeans_core.hpp"

namespace loom::models {

const ParamTable<DBSCANParams>& DBSCANParams::table() {
  using P = DBSCANParams;
  static const ParamTable<P> table{
      param("eps", &P::eps, greater_than(0.0)),
      param("min_samples", &P::min_samples, at_least(1)),
      param("metric", &P::metric, one_of({"euclidean"})),
      param<P, std::optional<int>>("n_jobs", &P::n_jobs,
                                   [](const std::optional<int>& value) {
                                     return (!value || *value != 0) ? std::string()
                                                                    : "must be non-zero or null";
                                   }),
  };
  return table;
}

void DBSCAN::fit(const Table& x, const Column* /*y: ignored, as scikit-learn*/) {
  validate_params();
  const detail::RowMatrix input = detail::clustering_input(x, describe());
  const clean::NearestNeighbors index(input, params_.n_jobs.value_or(0));
  const std::vector<std::vector<Eigen::Index>> neighborhoods =
      index.radius_neighbors(input, params_.eps);
  const auto n = static_cast<std::size_t>(input.rows());
  std::vector<char> is_core(n);
  core_sample_indices_.clear();
  for (std::size_t i = 0; i < n; ++i) {
    is_core[i] = neighborhoods[i].size() >= static_cast<std::size_t>(params_.min_samples);
    if (is_core[i]) core_sample_indices_.push_back(static_cast<Eigen::Index>(i));
  }
  // scikit-learn's dbscan_inner: clusters grow depth-first from each unlabelled core row in
  // row order, so cluster numbers follow their first core row; a border row reachable from
  // several clusters joins the first one grown.
  labels_.assign(n, -1);
  int label = 0;
  std::vector<std::size_t> stack;
  for (std::size_t start = 0; start < n; ++start) {
    if (labels_[start] != -1 || !is_core[start]) continue;
    std::size_t i = start;
    while (true) {
      if (labels_[i] == -1) {
        labels_[i] = label;
        if (is_core[i]) {
          for (const Eigen::Index neighbor : neighborhoods[i]) {
            if (labels_[static_cast<std::size_t>(neighbor)] == -1) {
              stack.push_back(static_cast<std::size_t>(neighbor));
            }
          }
        }
      }
      if (stack.empty()) break;
      i = stack.back();
      stack.pop_back();
    }
    ++label;
  }
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Column DBSCAN::predict(const Table&) const {
  throw Error(fmt::format(
      "{}: DBSCAN has no predict for new rows (as scikit-learn); the training rows' clusters "
      "are its labels, which `loom cluster` writes",
      describe()));
}

const std::vector<int>& DBSCAN::labels() const {
  require_fitted("labels");
  return labels_;
}

std::vector<int> DBSCAN::fit_predict(const Table& x) {
  fit(x, nullptr);
  return labels_;
}

Json DBSCAN::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"labels", labels_},
          {"core_sample_indices", core_sample_indices_}};
}

void DBSCAN::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  labels_ = detail::saved_labels(saved, std::numeric_limits<int>::max(), describe(), -1);
  const Json& core = state::field(saved, "core_sample_indices");
  core_sample_indices_.clear();
  for (const auto& index : core) {
    if (!index.is_number_integer() || index.get<std::int64_t>() < 0 ||
        index.get<std::size_t>() >= labels_.size()) {
      throw ParseError(fmt::format("{}: saved core_sample_indices must be row indices below {}",
                                   describe(), labels_.size()));
    }
    core_sample_indices_.push_back(index.get<Eigen::Index>());
  }
  fitted_ = true;
}

}  // namespace loom::models
