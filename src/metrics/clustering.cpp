#include "loom/metrics/clustering.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <vector>

#include "loom/core/detail/parallel.hpp"
#include "loom/core/error.hpp"

namespace loom::metrics {

namespace {

// Products of pair counts exceed 64 bits from about 2^16 rows; scikit-learn uses Python's
// unbounded integers there.
__extension__ using Int128 = __int128;

// Labels renumbered 0 .. n_labels - 1 in order of first appearance.
template <class Label>
std::vector<int> dense_labels(std::span<const Label> labels, int& n_labels) {
  std::map<Label, int> codes;
  std::vector<int> result;
  result.reserve(labels.size());
  for (const auto& label : labels) {
    const auto [it, inserted] = codes.emplace(label, static_cast<int>(codes.size()));
    result.push_back(it->second);
  }
  n_labels = static_cast<int>(codes.size());
  return result;
}

void check_pair(std::size_t n_true, std::size_t n_pred, std::string_view caller) {
  if (n_true != n_pred) {
    throw DataError(fmt::format("{}: labels_true has {} values but labels_pred has {}", caller,
                                n_true, n_pred));
  }
  if (n_true == 0) throw DataError(fmt::format("{}: the label lists are empty", caller));
}

double adjusted_rand_from_codes(const std::vector<int>& a, int n_a, const std::vector<int>& b,
                                int n_b) {
  // scikit-learn's pair_confusion_matrix from the contingency table, in exact integers.
  std::unordered_map<std::int64_t, std::int64_t> contingency;
  std::vector<std::int64_t> row_sums(static_cast<std::size_t>(n_a)),
      column_sums(static_cast<std::size_t>(n_b));
  for (std::size_t i = 0; i < a.size(); ++i) {
    ++contingency[static_cast<std::int64_t>(a[i]) * n_b + b[i]];
    ++row_sums[static_cast<std::size_t>(a[i])];
    ++column_sums[static_cast<std::size_t>(b[i])];
  }
  const auto n = static_cast<Int128>(a.size());
  Int128 sum_squares = 0, rows_dot = 0, columns_dot = 0;
  for (const auto& [cell, count] : contingency) {
    const auto row = static_cast<std::size_t>(cell / n_b);
    const auto column = static_cast<std::size_t>(cell % n_b);
    sum_squares += static_cast<Int128>(count) * count;
    rows_dot += static_cast<Int128>(count) * column_sums[column];
    columns_dot += static_cast<Int128>(count) * row_sums[row];
  }
  const Int128 tp = sum_squares - n;
  const Int128 fp = rows_dot - sum_squares;
  const Int128 fn = columns_dot - sum_squares;
  const Int128 tn = n * n - fp - fn - sum_squares;
  if (fn == 0 && fp == 0) return 1.0;
  // As Python: 2.0 * int gives a float, divided by the int denominator converted to float.
  const double numerator = 2.0 * static_cast<double>(tp * tn - fn * fp);
  const double denominator = static_cast<double>((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
  return numerator / denominator;
}

}  // namespace

Eigen::VectorXd silhouette_samples(const Eigen::Ref<const Eigen::MatrixXd>& x,
                                   std::span<const int> labels) {
  constexpr std::string_view kCaller = "silhouette_score";
  const auto n = static_cast<std::size_t>(x.rows());
  if (labels.size() != n) {
    throw DataError(
        fmt::format("{}: X has {} rows but labels has {} values", kCaller, n, labels.size()));
  }
  if (n == 0) throw DataError(fmt::format("{}: X is empty", kCaller));
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      if (!std::isfinite(x(i, j))) {
        throw DataError(
            fmt::format("{}: X has a NaN or infinite value at row {}, column {}", kCaller, i, j));
      }
    }
  }
  int n_labels = 0;
  const std::vector<int> codes = dense_labels(labels, n_labels);
  if (n_labels < 2 || static_cast<std::size_t>(n_labels) > n - 1) {
    throw DataError(fmt::format(
        "{}: number of labels is {}; valid values are 2 to n_samples - 1 = {} (inclusive)", kCaller,
        n_labels, n - 1));
  }
  std::vector<double> frequencies(static_cast<std::size_t>(n_labels), 0.0);
  for (int code : codes)
    frequencies[static_cast<std::size_t>(code)] += 1.0;
  const Eigen::VectorXd norms = x.rowwise().squaredNorm();
  Eigen::VectorXd result(x.rows());
  // Rows in chunks: each chunk's distances to all rows, ||x||^2 - 2 x.y + ||y||^2 clipped at 0
  // with a zero diagonal, as scikit-learn's euclidean_distances.
  constexpr Eigen::Index kChunk = 256;
  const auto n_chunks = static_cast<std::size_t>((x.rows() + kChunk - 1) / kChunk);
  loom::detail::parallel_for(n_chunks, 1, [&](std::size_t begin, std::size_t end) {
    Eigen::MatrixXd distances;
    std::vector<double> cluster_sums(static_cast<std::size_t>(n_labels));
    for (std::size_t chunk = begin; chunk < end; ++chunk) {
      const auto first = static_cast<Eigen::Index>(chunk) * kChunk;
      const Eigen::Index rows = std::min(kChunk, x.rows() - first);
      distances.noalias() = -2.0 * (x.middleRows(first, rows) * x.transpose());
      for (Eigen::Index i = 0; i < rows; ++i) {
        std::fill(cluster_sums.begin(), cluster_sums.end(), 0.0);
        for (Eigen::Index j = 0; j < x.rows(); ++j) {
          double squared = distances(i, j) + norms(first + i) + norms(j);
          if (j == first + i) squared = 0.0;
          cluster_sums[static_cast<std::size_t>(codes[static_cast<std::size_t>(j)])] +=
              std::sqrt(std::max(squared, 0.0));
        }
        const auto own = static_cast<std::size_t>(codes[static_cast<std::size_t>(first + i)]);
        const double own_size = frequencies[own];
        double nearest = std::numeric_limits<double>::infinity();
        for (std::size_t c = 0; c < cluster_sums.size(); ++c) {
          if (c != own) nearest = std::min(nearest, cluster_sums[c] / frequencies[c]);
        }
        double value = 0.0;
        if (own_size > 1.0) {
          const double intra = cluster_sums[own] / (own_size - 1.0);
          value = (nearest - intra) / std::max(intra, nearest);
          if (std::isnan(value)) value = 0.0;
        }
        result(first + i) = value;
      }
    }
  });
  return result;
}

double silhouette_score(const Eigen::Ref<const Eigen::MatrixXd>& x, std::span<const int> labels) {
  return silhouette_samples(x, labels).mean();
}

double adjusted_rand_score(std::span<const int> labels_true, std::span<const int> labels_pred) {
  check_pair(labels_true.size(), labels_pred.size(), "adjusted_rand_score");
  int n_true = 0, n_pred = 0;
  const auto a = dense_labels(labels_true, n_true);
  const auto b = dense_labels(labels_pred, n_pred);
  return adjusted_rand_from_codes(a, n_true, b, n_pred);
}

double adjusted_rand_score(std::span<const std::string> labels_true,
                           std::span<const std::string> labels_pred) {
  check_pair(labels_true.size(), labels_pred.size(), "adjusted_rand_score");
  int n_true = 0, n_pred = 0;
  const auto a = dense_labels(labels_true, n_true);
  const auto b = dense_labels(labels_pred, n_pred);
  return adjusted_rand_from_codes(a, n_true, b, n_pred);
}

}  // namespace loom::metrics
