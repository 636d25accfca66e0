#include "loom/features/standard_scaler.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "loom/core/detail/memory.hpp"
#include "loom/core/detail/parallel.hpp"
#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"

namespace loom::features {

const ParamTable<StandardScalerParams>& StandardScalerParams::table() {
  static const ParamTable<StandardScalerParams> table{
      param("with_mean", &StandardScalerParams::with_mean),
      param("with_std", &StandardScalerParams::with_std),
  };
  return table;
}

namespace {

struct ColumnMoments {
  Eigen::VectorXd mean, var, count;
};

// The columns of a dense input, read in place: a dense FeatureMatrix's columns or a
// Dataset's numeric buffers (no copy into a matrix).
struct DenseColumns {
  std::vector<const double*> columns;
  std::size_t n_rows = 0;
};

DenseColumns dense_columns(const Table& x, std::string_view caller) {
  DenseColumns view;
  view.n_rows = x.n_rows();
  if (!x.is_dataset()) {
    const Eigen::MatrixXd& values = x.matrix().dense();
    for (Eigen::Index j = 0; j < values.cols(); ++j)
      view.columns.push_back(values.data() + j * values.rows());
    return view;
  }
  for (const Column& column : x.dataset().columns()) {
    if (column.type() != ColumnType::numeric) {
      x.to_dense(caller);  // throws the DataError naming the column
    }
    view.columns.push_back(column.numeric_values().data());
  }
  return view;
}

// Columns per thread: enough that a thread has about a million values to work on.
std::size_t columns_per_thread(std::size_t n_rows) {
  return detail::items_for(std::size_t{1} << 20, n_rows);
}

// Mean and population variance of the non-NaN entries of columns first..first+kGroup,
// computed as scikit-learn's _incremental_mean_and_var does for one batch (two passes with a
// correction term, each column summed in row order as numpy's axis-0 sums), so results agree
// to rounding. Columns go kGroup at a time: their sums are independent, so the additions of
// different columns overlap instead of waiting on each other.
template <int kGroup>
void group_moments(const DenseColumns& x, std::size_t first, ColumnMoments& moments) {
  const double* columns[kGroup];
  double sum[kGroup] = {}, count[kGroup] = {}, mean[kGroup];
  double correction[kGroup] = {}, squares[kGroup] = {};
  for (int c = 0; c < kGroup; ++c)
    columns[c] = x.columns[first + static_cast<std::size_t>(c)];
  for (std::size_t i = 0; i < x.n_rows; ++i) {
    for (int c = 0; c < kGroup; ++c) {
      const double value = columns[c][i];
      const bool present = !std::isnan(value);
      sum[c] += present ? value : 0.0;
      count[c] += present ? 1.0 : 0.0;
    }
  }
  for (int c = 0; c < kGroup; ++c)
    mean[c] = count[c] > 0 ? sum[c] / count[c] : std::numeric_limits<double>::quiet_NaN();
  for (std::size_t i = 0; i < x.n_rows; ++i) {
    for (int c = 0; c < kGroup; ++c) {
      const double value = columns[c][i];
      if (std::isnan(value)) continue;
      const double centered = value - mean[c];
      correction[c] += centered;
      squares[c] += centered * centered;
    }
  }
  for (int c = 0; c < kGroup; ++c) {
    const auto index = static_cast<Eigen::Index>(first) + c;
    moments.mean(index) = mean[c];
    moments.var(index) = count[c] > 0
                             ? (squares[c] - correction[c] * correction[c] / count[c]) / count[c]
                             : std::numeric_limits<double>::quiet_NaN();
    moments.count(index) = count[c];
  }
}

constexpr std::size_t kColumnGroup = 4;

ColumnMoments dense_moments(const DenseColumns& x) {
  const auto n_columns = static_cast<Eigen::Index>(x.columns.size());
  ColumnMoments moments{Eigen::VectorXd(n_columns), Eigen::VectorXd(n_columns),
                        Eigen::VectorXd(n_columns)};
  const std::size_t n_groups = (x.columns.size() + kColumnGroup - 1) / kColumnGroup;
  detail::parallel_for(n_groups, detail::items_for(std::size_t{1} << 20, x.n_rows * kColumnGroup),
                       [&](std::size_t begin, std::size_t end) {
                         for (std::size_t group = begin; group < end; ++group) {
                           const std::size_t first = group * kColumnGroup;
                           switch (std::min(kColumnGroup, x.columns.size() - first)) {
                             case 4:
                               group_moments<4>(x, first, moments);
                               break;
                             case 3:
                               group_moments<3>(x, first, moments);
                               break;
                             case 2:
                               group_moments<2>(x, first, moments);
                               break;
                             default:
                               group_moments<1>(x, first, moments);
                               break;
                           }
                         }
                       });
  return moments;
}

ColumnMoments sparse_moments(const SparseMatrix& x) {
  const Eigen::Index n_columns = x.cols();
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(n_columns),
                  nan_count = Eigen::VectorXd::Zero(n_columns);
  for (Eigen::Index row = 0; row < x.outerSize(); ++row) {
    for (SparseMatrix::InnerIterator it(x, row); it; ++it) {
      if (std::isnan(it.value())) {
        nan_count(it.col()) += 1.0;
      } else {
        sum(it.col()) += it.value();
      }
    }
  }
  ColumnMoments moments;
  moments.count = Eigen::VectorXd::Constant(n_columns, static_cast<double>(x.rows())) - nan_count;
  moments.mean = sum.cwiseQuotient(moments.count);
  Eigen::VectorXd squares = Eigen::VectorXd::Zero(n_columns);
  Eigen::VectorXd stored = Eigen::VectorXd::Zero(n_columns);
  for (Eigen::Index row = 0; row < x.outerSize(); ++row) {
    for (SparseMatrix::InnerIterator it(x, row); it; ++it) {
      if (std::isnan(it.value())) continue;
      const double centered = it.value() - moments.mean(it.col());
      squares(it.col()) += centered * centered;
      stored(it.col()) += 1.0;
    }
  }
  // Implicit zeros each contribute mean^2.
  moments.var = (squares + (moments.count - stored).cwiseProduct(moments.mean.cwiseAbs2()))
                    .cwiseQuotient(moments.count);
  return moments;
}

// scikit-learn's _is_constant_feature: variance within rounding of zero gives scale 1.
double safe_scale(double var, double mean, double count) {
  constexpr double eps = std::numeric_limits<double>::epsilon();
  const double upper_bound = count * eps * var + (count * mean * eps) * (count * mean * eps);
  if (std::isnan(var) || var <= upper_bound) return 1.0;
  return std::sqrt(var);
}

}  // namespace

void StandardScaler::fit(const Table& x, const Column*) {
  validate_params();
  require_non_empty(x, describe());
  const bool sparse = x.is_sparse();
  if (sparse && params_.with_mean) {
    throw DataError(fmt::format(
        "{}: cannot center sparse input; set with_mean=false (as scikit-learn requires)",
        describe()));
  }
  const ColumnMoments moments =
      sparse ? sparse_moments(x.matrix().sparse()) : dense_moments(dense_columns(x, describe()));
  feature_names_in_ = x.column_names();
  n_samples_seen_ = moments.count;
  mean_ = (params_.with_mean || params_.with_std) ? moments.mean : Eigen::VectorXd();
  if (params_.with_std) {
    var_ = moments.var;
    scale_.resize(var_.size());
    for (Eigen::Index j = 0; j < var_.size(); ++j) {
      scale_(j) = safe_scale(var_(j), mean_(j), n_samples_seen_(j));
    }
  } else {
    var_.resize(0);
    scale_.resize(0);
  }
  fitted_ = true;
}

Table StandardScaler::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  if (x.is_sparse()) {
    if (params_.with_mean) {
      throw DataError(
          fmt::format("{}: cannot center sparse input; set with_mean=false", describe()));
    }
    SparseMatrix values = x.matrix().sparse();
    if (params_.with_std) {
      for (Eigen::Index row = 0; row < values.outerSize(); ++row) {
        for (SparseMatrix::InnerIterator it(values, row); it; ++it)
          it.valueRef() /= scale_(it.col());
      }
    }
    return FeatureMatrix(std::move(values), feature_names_in_);
  }
  // One pass from the input into the output, (x - mean_) / scale_ as scikit-learn computes it.
  const DenseColumns input = dense_columns(x, describe());
  Eigen::MatrixXd values(static_cast<Eigen::Index>(input.n_rows),
                         static_cast<Eigen::Index>(input.columns.size()));
  detail::advise_huge_pages(values.data(),
                            static_cast<std::size_t>(values.size()) * sizeof(double));
  const bool center = params_.with_mean, divide = params_.with_std;
  detail::parallel_for(input.columns.size(), columns_per_thread(input.n_rows),
                       [&](std::size_t begin, std::size_t end) {
                         for (std::size_t j = begin; j < end; ++j) {
                           const auto index = static_cast<Eigen::Index>(j);
                           const double* in = input.columns[j];
                           double* out = values.col(index).data();
                           const double mean = center ? mean_(index) : 0.0;
                           const double scale = divide ? scale_(index) : 1.0;
                           if (center && divide) {
                             for (std::size_t i = 0; i < input.n_rows; ++i)
                               out[i] = (in[i] - mean) / scale;
                           } else if (center) {
                             for (std::size_t i = 0; i < input.n_rows; ++i)
                               out[i] = in[i] - mean;
                           } else if (divide) {
                             for (std::size_t i = 0; i < input.n_rows; ++i)
                               out[i] = in[i] / scale;
                           } else {
                             std::copy(in, in + input.n_rows, out);
                           }
                         }
                       });
  return FeatureMatrix(std::move(values), feature_names_in_);
}

Eigen::MatrixXd StandardScaler::inverse_transform(const Eigen::MatrixXd& scaled) const {
  require_fitted("inverse_transform");
  if (scaled.cols() != static_cast<Eigen::Index>(feature_names_in_.size())) {
    throw DataError(fmt::format("{}: inverse_transform input has {} columns, fitted on {}",
                                describe(), scaled.cols(), feature_names_in_.size()));
  }
  Eigen::MatrixXd values = scaled;
  if (params_.with_std) values.array().rowwise() *= scale_.transpose().array();
  if (params_.with_mean) values.rowwise() += mean_.transpose();
  return values;
}

Json StandardScaler::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_},
          {"mean", state::from_vector(mean_)},
          {"var", state::from_vector(var_)},
          {"scale", state::from_vector(scale_)},
          {"n_samples_seen", state::from_vector(n_samples_seen_)}};
}

void StandardScaler::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  mean_ = state::to_eigen_vector(saved, "mean");
  var_ = state::to_eigen_vector(saved, "var");
  scale_ = state::to_eigen_vector(saved, "scale");
  n_samples_seen_ = state::to_eigen_vector(saved, "n_samples_seen");
  const auto n = static_cast<Eigen::Index>(feature_names_in_.size());
  const bool consistent =
      n_samples_seen_.size() == n &&
      (mean_.size() == n || (mean_.size() == 0 && !params_.with_mean && !params_.with_std)) &&
      (params_.with_std ? scale_.size() == n : scale_.size() == 0);
  if (!consistent) {
    throw ParseError(fmt::format("{}: saved state has arrays whose sizes do not match {} features",
                                 describe(), n));
  }
  fitted_ = true;
}

}  // namespace loom::features
