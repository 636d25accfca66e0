#include "sgd_common.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "loom/core/error.hpp"
#include "loom/models/linear/detail/linear_regressor.hpp"

namespace loom::models::detail {

SgdRows SgdData::rows() const {
  SgdRows result;
  if (is_sparse) {
    result.sparse = &sparse;
  } else {
    result.dense = &dense;
  }
  return result;
}

SgdData SgdData::take(const std::vector<Eigen::Index>& indices) const {
  SgdData result;
  result.is_sparse = is_sparse;
  if (is_sparse) {
    std::vector<Eigen::Triplet<double>> triplets;
    for (std::size_t r = 0; r < indices.size(); ++r) {
      for (SparseMatrix::InnerIterator it(sparse, indices[r]); it; ++it)
        triplets.emplace_back(static_cast<Eigen::Index>(r), it.col(), it.value());
    }
    result.sparse.resize(static_cast<Eigen::Index>(indices.size()), sparse.cols());
    result.sparse.setFromTriplets(triplets.begin(), triplets.end());
  } else {
    result.dense.resize(static_cast<Eigen::Index>(indices.size()), dense.cols());
    for (std::size_t r = 0; r < indices.size(); ++r)
      result.dense.row(static_cast<Eigen::Index>(r)) = dense.row(indices[r]);
  }
  return result;
}

Eigen::VectorXd SgdData::scores(const Eigen::VectorXd& w, double intercept) const {
  Eigen::VectorXd result = is_sparse ? Eigen::VectorXd(sparse * w) : Eigen::VectorXd(dense * w);
  result.array() += intercept;
  return result;
}

SgdData sgd_data(const Table& x, std::string_view caller) {
  SgdData data;
  if (x.is_sparse()) {
    data.is_sparse = true;
    data.sparse = x.matrix().sparse();
    data.sparse.makeCompressed();
    if (Eigen::Map<const Eigen::VectorXd>(data.sparse.valuePtr(), data.sparse.nonZeros()).hasNaN())
      x.require_no_missing(caller);
  } else {
    data.dense = dense_features(x, caller);
  }
  return data;
}

std::mt19937_64 make_engine(std::optional<int> random_state, int stream) {
  if (!random_state) return std::mt19937_64(std::random_device{}());
  std::seed_seq seed{static_cast<std::uint32_t>(*random_state), static_cast<std::uint32_t>(stream)};
  return std::mt19937_64(seed);
}

std::vector<bool> validation_split(std::size_t n_rows, double fraction,
                                   const std::vector<int>* groups, std::mt19937_64& rng,
                                   std::string_view caller) {
  const auto n_validation =
      static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(n_rows)));
  if (n_validation == 0 || n_validation >= n_rows) {
    throw DataError(fmt::format(
        "{}: splitting {} rows into a training and a validation set with validation_fraction={} "
        "leaves one of them empty",
        caller, n_rows, fraction));
  }
  std::vector<bool> held_out(n_rows, false);
  if (!groups) {
    std::vector<std::size_t> order(n_rows);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::shuffle(order.begin(), order.end(), rng);
    for (std::size_t r = 0; r < n_validation; ++r)
      held_out[order[r]] = true;
    return held_out;
  }
  // Each class gets its share of the validation rows; remainders go to the largest fractions.
  std::map<int, std::vector<std::size_t>> members;
  for (std::size_t r = 0; r < n_rows; ++r)
    members[(*groups)[r]].push_back(r);
  std::vector<std::pair<double, int>> remainders;
  std::map<int, std::size_t> quota;
  std::size_t assigned = 0;
  for (const auto& [group, rows] : members) {
    const double exact = static_cast<double>(n_validation) * static_cast<double>(rows.size()) /
                         static_cast<double>(n_rows);
    quota[group] = static_cast<std::size_t>(std::floor(exact));
    assigned += quota[group];
    remainders.emplace_back(exact - std::floor(exact), group);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; assigned < n_validation && i < remainders.size(); ++i, ++assigned)
    ++quota[remainders[i].second];
  for (auto& [group, rows] : members) {
    std::shuffle(rows.begin(), rows.end(), rng);
    for (std::size_t r = 0; r < std::min(quota[group], rows.size()); ++r)
      held_out[rows[r]] = true;
  }
  return held_out;
}

}  // namespace loom::models::detail
