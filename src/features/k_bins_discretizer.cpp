#include "loom/features/k_bins_discretizer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "loom/core/detail/parallel.hpp"
#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/features/detail/numeric_columns.hpp"
#include "loom/features/detail/percentile.hpp"

namespace loom::features {

namespace {

std::string check_n_bins(const Json& value) {
  if (value.is_number_integer() && value.get<std::int64_t>() >= 2) return "";
  if (value.is_array() && !value.empty()) {
    for (const auto& element : value) {
      if (!element.is_number_integer() || element.get<std::int64_t>() < 2)
        return "must be an integer >= 2 or a list of integers >= 2";
    }
    return "";
  }
  return "must be an integer >= 2 or a list of integers >= 2";
}

std::string check_subsample(const Json& value) {
  if (value.is_null() || value == "warn") return "";
  return "must be null (all rows are used; subsampling is not supported)";
}

constexpr double kInf = std::numeric_limits<double>::infinity();

// numpy.linspace(start, stop, num) with endpoint: i * step + start, the last one exactly stop.
std::vector<double> linspace(double start, double stop, int num) {
  std::vector<double> values(static_cast<std::size_t>(num));
  const double step = (stop - start) / static_cast<double>(num - 1);
  for (int i = 0; i < num; ++i)
    values[static_cast<std::size_t>(i)] = static_cast<double>(i) * step + start;
  values.back() = stop;
  return values;
}

// scikit-learn 1.2's KMeans(n_clusters, init=centres, n_init=1) on one feature: Lloyd
// iterations on the data centred on its mean, max_iter 300, tol 1e-4 times the variance,
// strict convergence when labels stop changing, empty clusters moved to the farthest points,
// centres averaged with a multiplication by 1 / weight as its Cython code does.
std::vector<double> kmeans_centers(const double* column, std::size_t n,
                                   std::vector<double> centers) {
  double sum = 0.0;
  for (std::size_t i = 0; i < n; ++i)
    sum += column[i];
  const double mean = sum / static_cast<double>(n);
  std::vector<double> x(n);
  double centred_sum = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = column[i] - mean;
    centred_sum += x[i];
  }
  const double centred_mean = centred_sum / static_cast<double>(n);
  double squares = 0.0;
  for (double value : x)
    squares += (value - centred_mean) * (value - centred_mean);
  const double tol = squares / static_cast<double>(n) * 1e-4;
  for (double& center : centers)
    center -= mean;

  const std::size_t k_count = centers.size();
  std::vector<std::int32_t> labels(n, -1), labels_old(n, -1);
  std::vector<double> centers_new(k_count), squared(k_count), weight(k_count), shift(k_count);
  for (int iteration = 0; iteration < 300; ++iteration) {
    for (std::size_t k = 0; k < k_count; ++k)
      squared[k] = centers[k] * centers[k];
    std::fill(centers_new.begin(), centers_new.end(), 0.0);
    std::fill(weight.begin(), weight.end(), 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      // As the chunked GEMM: ||c||^2 - 2 x.c, the ||x||^2 term left out; first minimum wins.
      std::int32_t best = 0;
      double best_distance = squared[0] + -2.0 * (x[i] * centers[0]);
      for (std::size_t k = 1; k < k_count; ++k) {
        const double distance = squared[k] + -2.0 * (x[i] * centers[k]);
        if (distance < best_distance) {
          best_distance = distance;
          best = static_cast<std::int32_t>(k);
        }
      }
      labels[i] = best;
      centers_new[static_cast<std::size_t>(best)] += x[i];
      weight[static_cast<std::size_t>(best)] += 1.0;
    }
    std::vector<std::size_t> empty;
    for (std::size_t k = 0; k < k_count; ++k) {
      if (weight[k] == 0.0) empty.push_back(k);
    }
    if (!empty.empty()) {
      std::vector<double> distance(n);
      for (std::size_t i = 0; i < n; ++i) {
        const double d = x[i] - centers[static_cast<std::size_t>(labels[i])];
        distance[i] = d * d;
      }
      std::vector<std::size_t> order(n);
      std::iota(order.begin(), order.end(), std::size_t{0});
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t a, std::size_t b) { return distance[a] > distance[b]; });
      for (std::size_t e = 0; e < empty.size() && e < n; ++e) {
        const std::size_t far = order[e];
        const auto old_cluster = static_cast<std::size_t>(labels[far]);
        centers_new[old_cluster] -= x[far];
        centers_new[empty[e]] = x[far];
        weight[empty[e]] = 1.0;
        weight[old_cluster] -= 1.0;
      }
    }
    double total_shift = 0.0;
    for (std::size_t k = 0; k < k_count; ++k) {
      if (weight[k] > 0) centers_new[k] *= 1.0 / weight[k];
      shift[k] = std::abs(centers_new[k] - centers[k]);
      total_shift += shift[k] * shift[k];
    }
    std::swap(centers, centers_new);
    if (labels == labels_old) break;
    if (total_shift <= tol) break;
    labels_old = labels;
  }
  for (double& center : centers)
    center += mean;
  return centers;
}

// The bin edges of one feature, as KBinsDiscretizer.fit computes them; n_bins is updated.
std::vector<double> fit_edges(const double* column, std::size_t n, const std::string& strategy,
                              int& n_bins, std::vector<double>& scratch) {
  const auto [low_it, high_it] = std::minmax_element(column, column + n);
  const double low = *low_it, high = *high_it;
  if (low == high) {
    n_bins = 1;
    return {-kInf, kInf};
  }
  std::vector<double> edges;
  if (strategy == "uniform") {
    edges = linspace(low, high, n_bins + 1);
  } else if (strategy == "quantile") {
    scratch.assign(column, column + n);
    std::sort(scratch.begin(), scratch.end());
    for (double q : linspace(0.0, 100.0, n_bins + 1))
      edges.push_back(detail::percentile_sorted(scratch, q));
  } else {
    const std::vector<double> uniform = linspace(low, high, n_bins + 1);
    std::vector<double> init(static_cast<std::size_t>(n_bins));
    for (std::size_t k = 0; k < init.size(); ++k)
      init[k] = (uniform[k + 1] + uniform[k]) * 0.5;
    std::vector<double> centers = kmeans_centers(column, n, std::move(init));
    std::sort(centers.begin(), centers.end());
    edges.push_back(low);
    for (std::size_t k = 0; k + 1 < centers.size(); ++k)
      edges.push_back((centers[k + 1] + centers[k]) * 0.5);
    edges.push_back(high);
  }
  if (strategy != "uniform") {
    // Bins narrower than 1e-8 are removed (the first edge always stays).
    std::vector<double> kept{edges[0]};
    for (std::size_t k = 1; k < edges.size(); ++k) {
      if (edges[k] - edges[k - 1] > 1e-8) kept.push_back(edges[k]);
    }
    edges = std::move(kept);
    n_bins = static_cast<int>(edges.size()) - 1;
  }
  return edges;
}

// numpy.searchsorted(edges[1:-1], value, side="right"): the number of inner edges <= value.
inline std::int32_t bin_of(const double* inner, std::size_t n_inner, double value) {
  if (n_inner <= 16) {
    std::int32_t count = 0;
    for (std::size_t k = 0; k < n_inner; ++k)
      count += inner[k] <= value ? 1 : 0;
    return count;
  }
  return static_cast<std::int32_t>(std::upper_bound(inner, inner + n_inner, value) - inner);
}

}  // namespace

const ParamTable<KBinsDiscretizerParams>& KBinsDiscretizerParams::table() {
  using P = KBinsDiscretizerParams;
  static const ParamTable<P> table{
      param("n_bins", &P::n_bins, ParamCheck<Json>(check_n_bins)),
      param("encode", &P::encode, one_of({"onehot", "onehot-dense", "ordinal"})),
      param("strategy", &P::strategy, one_of({"uniform", "quantile", "kmeans"})),
      param("subsample", &P::subsample, ParamCheck<Json>(check_subsample)),
      param("random_state", &P::random_state),
  };
  return table;
}

std::vector<int> KBinsDiscretizer::requested_bins(std::size_t n_features) const {
  if (params_.n_bins.is_number_integer())
    return std::vector<int>(n_features, params_.n_bins.get<int>());
  if (params_.n_bins.size() != n_features) {
    throw ParameterError(fmt::format("{}: parameter n_bins has {} values for {} features",
                                     describe(), params_.n_bins.size(), n_features));
  }
  return params_.n_bins.get<std::vector<int>>();
}

void KBinsDiscretizer::fit(const Table& x, const Column*) {
  validate_params();
  require_non_empty(x, describe());
  const detail::NumericColumns input = detail::numeric_columns(x, describe());
  const std::vector<std::string> names = x.column_names();
  detail::require_finite_columns(input, names, describe());
  const std::size_t n_features = input.columns.size();
  n_bins_ = requested_bins(n_features);
  if (params_.strategy == "kmeans") {
    for (std::size_t j = 0; j < n_features; ++j) {
      if (input.n_rows < static_cast<std::size_t>(n_bins_[j])) {
        throw DataError(fmt::format(
            "{}: column \"{}\" has {} rows, fewer than its {} bins (kmeans needs one row per bin)",
            describe(), names[j], input.n_rows, n_bins_[j]));
      }
    }
  }
  bin_edges_.assign(n_features, {});
  loom::detail::parallel_for(n_features, 1, [&](std::size_t begin, std::size_t end) {
    std::vector<double> scratch;
    for (std::size_t j = begin; j < end; ++j) {
      bin_edges_[j] =
          fit_edges(input.columns[j], input.n_rows, params_.strategy, n_bins_[j], scratch);
    }
  });
  feature_names_in_ = names;
  fitted_ = true;
}

Table KBinsDiscretizer::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  const detail::NumericColumns input = detail::numeric_columns(x, describe());
  detail::require_finite_columns(input, feature_names_in_, describe());
  const std::size_t n_rows = input.n_rows;
  const std::size_t n_features = input.columns.size();
  const auto n_out = static_cast<Eigen::Index>(feature_names_out().size());
  auto inner_edges = [&](std::size_t j) { return bin_edges_[j].data() + 1; };
  auto n_inner = [&](std::size_t j) { return bin_edges_[j].size() - 2; };
  if (params_.encode == "ordinal") {
    Eigen::MatrixXd values(static_cast<Eigen::Index>(n_rows),
                           static_cast<Eigen::Index>(n_features));
    loom::detail::parallel_for(n_features, loom::detail::items_for(std::size_t{1} << 18, n_rows),
                               [&](std::size_t begin, std::size_t end) {
                                 for (std::size_t j = begin; j < end; ++j) {
                                   const double* in = input.columns[j];
                                   double* out = values.col(static_cast<Eigen::Index>(j)).data();
                                   const double* edges = inner_edges(j);
                                   const std::size_t count = n_inner(j);
                                   for (std::size_t i = 0; i < n_rows; ++i)
                                     out[i] = bin_of(edges, count, in[i]);
                                 }
                               });
    return FeatureMatrix(std::move(values), feature_names_in_);
  }
  std::vector<std::int32_t> offsets(n_features, 0);
  for (std::size_t j = 1; j < n_features; ++j)
    offsets[j] = offsets[j - 1] + n_bins_[j - 1];
  if (params_.encode == "onehot-dense") {
    Eigen::MatrixXd values = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(n_rows), n_out);
    loom::detail::parallel_for(n_features, loom::detail::items_for(std::size_t{1} << 18, n_rows),
                               [&](std::size_t begin, std::size_t end) {
                                 for (std::size_t j = begin; j < end; ++j) {
                                   const double* in = input.columns[j];
                                   for (std::size_t i = 0; i < n_rows; ++i) {
                                     const auto bin = bin_of(inner_edges(j), n_inner(j), in[i]);
                                     values(static_cast<Eigen::Index>(i), offsets[j] + bin) = 1.0;
                                   }
                                 }
                               });
    return FeatureMatrix(std::move(values), feature_names_out());
  }
  // Sparse one-hot: every row has exactly one entry per feature, so the CSR arrays are filled
  // directly, rows split across threads.
  SparseMatrix values(static_cast<Eigen::Index>(n_rows), n_out);
  const auto nnz = static_cast<Eigen::Index>(n_rows * n_features);
  values.resizeNonZeros(nnz);
  auto* outer = values.outerIndexPtr();
  auto* inner = values.innerIndexPtr();
  double* data = values.valuePtr();
  loom::detail::parallel_for(n_rows, std::size_t{1} << 15, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i)
      outer[i] = static_cast<SparseMatrix::StorageIndex>(i * n_features);
    std::fill(data + begin * n_features, data + end * n_features, 1.0);
    for (std::size_t j = 0; j < n_features; ++j) {
      const double* in = input.columns[j];
      const double* edges = inner_edges(j);
      const std::size_t count = n_inner(j);
      auto* target = inner + j;
      for (std::size_t i = begin; i < end; ++i)
        target[i * n_features] = offsets[j] + bin_of(edges, count, in[i]);
    }
  });
  outer[n_rows] = static_cast<SparseMatrix::StorageIndex>(nnz);
  return FeatureMatrix(std::move(values), feature_names_out());
}

std::vector<std::string> KBinsDiscretizer::feature_names_out() const {
  require_fitted("feature_names_out");
  if (params_.encode == "ordinal") return feature_names_in_;
  // The one-hot encoder inside scikit-learn's discretizer has float categories: "x_0.0".
  std::vector<std::string> names;
  for (std::size_t j = 0; j < feature_names_in_.size(); ++j) {
    for (int bin = 0; bin < n_bins_[j]; ++bin)
      names.push_back(fmt::format("{}_{}.0", feature_names_in_[j], bin));
  }
  return names;
}

Json KBinsDiscretizer::fitted_state() const {
  require_fitted("fitted_state");
  // A constant feature's edges {-inf, inf} are not JSON numbers: it is saved as an empty list.
  Json edges = Json::array();
  for (std::size_t j = 0; j < bin_edges_.size(); ++j) {
    edges.push_back(n_bins_[j] == 1 && std::isinf(bin_edges_[j][0])
                        ? Json::array()
                        : state::from_vector(bin_edges_[j]));
  }
  return {{"feature_names_in", feature_names_in_}, {"bin_edges", edges}, {"n_bins", n_bins_}};
}

void KBinsDiscretizer::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  const Json& edges = state::field(saved, "bin_edges");
  const Json& bins = state::field(saved, "n_bins");
  const std::size_t n = feature_names_in_.size();
  if (!edges.is_array() || edges.size() != n || !bins.is_array() || bins.size() != n) {
    throw ParseError(fmt::format("{}: saved state has lists whose sizes do not match {} features",
                                 describe(), n));
  }
  bin_edges_.assign(n, {});
  try {
    n_bins_ = bins.get<std::vector<int>>();
    for (std::size_t j = 0; j < n; ++j) {
      bin_edges_[j] =
          edges[j].empty() ? std::vector<double>{-kInf, kInf} : edges[j].get<std::vector<double>>();
      if (bin_edges_[j].size() != static_cast<std::size_t>(n_bins_[j]) + 1) {
        throw ParseError(
            fmt::format("{}: saved state has {} bin edges for {} bins of column \"{}\"", describe(),
                        bin_edges_[j].size(), n_bins_[j], feature_names_in_[j]));
      }
    }
  } catch (const Json::exception& error) {
    throw ParseError(fmt::format("{}: malformed saved state: {}", describe(), error.what()));
  }
  fitted_ = true;
}

}  // namespace loom::features
