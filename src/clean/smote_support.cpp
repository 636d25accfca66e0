#include "smote_support.hpp"

#include <fmt/format.h>

#include "loom/core/error.hpp"

namespace loom::clean::detail {

Eigen::MatrixXd take_rows(const Eigen::MatrixXd& values, const std::vector<std::size_t>& rows) {
  Eigen::MatrixXd taken(static_cast<Eigen::Index>(rows.size()), values.cols());
  for (Eigen::Index j = 0; j < values.cols(); ++j) {
    for (std::size_t i = 0; i < rows.size(); ++i)
      taken(static_cast<Eigen::Index>(i), j) = values(static_cast<Eigen::Index>(rows[i]), j);
  }
  return taken;
}

IndexMatrix neighbours_after_self(const NearestNeighbors& index, const Eigen::MatrixXd& queries,
                                  Eigen::Index k, std::string_view caller,
                                  std::string_view parameter, std::string_view class_label) {
  if (k + 1 > index.n_points()) {
    throw DataError(
        fmt::format("{}: {} = {} needs at least {} rows to search, but class \"{}\" offers {}",
                    caller, parameter, k, k + 1, class_label, index.n_points()));
  }
  const NeighborsResult found = index.kneighbors(queries, k + 1);
  return found.indices.rightCols(k);
}

SmoteDraws draw_samples(RandomState& random, Eigen::Index n_base_rows, Eigen::Index k,
                        std::size_t n_samples, double step_size) {
  SmoteDraws draws;
  draws.rows.reserve(n_samples);
  draws.columns.reserve(n_samples);
  draws.steps.reserve(n_samples);
  for (std::int64_t pick : random.randint_many(n_base_rows * k, n_samples)) {
    draws.rows.push_back(pick / k);
    draws.columns.push_back(pick % k);
  }
  for (std::size_t i = 0; i < n_samples; ++i)
    draws.steps.push_back(step_size * random.random_sample());
  return draws;
}

Eigen::MatrixXd interpolate(const Eigen::MatrixXd& base, const Eigen::MatrixXd& nn_data,
                            const IndexMatrix& neighbours, const SmoteDraws& draws) {
  const auto n = static_cast<Eigen::Index>(draws.rows.size());
  Eigen::MatrixXd result(n, base.cols());
  for (Eigen::Index j = 0; j < base.cols(); ++j) {
    for (Eigen::Index i = 0; i < n; ++i) {
      const auto s = static_cast<std::size_t>(i);
      const double from = base(draws.rows[s], j);
      const double to = nn_data(neighbours(draws.rows[s], draws.columns[s]), j);
      result(i, j) = from + draws.steps[s] * (to - from);
    }
  }
  return result;
}

Eigen::MatrixXd stack_rows(const std::vector<Eigen::MatrixXd>& blocks, Eigen::Index n_columns) {
  Eigen::Index n_rows = 0;
  for (const auto& block : blocks)
    n_rows += block.rows();
  Eigen::MatrixXd stacked(n_rows, n_columns);
  Eigen::Index at = 0;
  for (const auto& block : blocks) {
    stacked.middleRows(at, block.rows()) = block;
    at += block.rows();
  }
  return stacked;
}

namespace {
double pairwise_sum(const double* values, std::size_t n) {
  if (n < 8) {
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i)
      sum += values[i];
    return sum;
  }
  if (n <= 128) {
    double partial[8];
    for (std::size_t j = 0; j < 8; ++j)
      partial[j] = values[j];
    std::size_t i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (std::size_t j = 0; j < 8; ++j)
        partial[j] += values[i + j];
    }
    double sum = ((partial[0] + partial[1]) + (partial[2] + partial[3])) +
                 ((partial[4] + partial[5]) + (partial[6] + partial[7]));
    for (; i < n; ++i)
      sum += values[i];
    return sum;
  }
  std::size_t half = n / 2;
  half -= half % 8;
  return pairwise_sum(values, half) + pairwise_sum(values + half, n - half);
}
}  // namespace

double numpy_sum(const std::vector<double>& values) {
  return 0.0 + pairwise_sum(values.data(), values.size());
}

}  // namespace loom::clean::detail
