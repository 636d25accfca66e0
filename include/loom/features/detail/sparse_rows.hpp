#pragma once
// Building row-major sparse matrices row by row (per thread, then concatenated) and
// normalising their rows as sklearn.preprocessing.normalize does. Internal to loom::features.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "loom/core/feature_matrix.hpp"

namespace loom::features::detail {

using StorageIndex = SparseMatrix::StorageIndex;

// CSR arrays for a block of consecutive rows.
struct CsrRows {
  std::vector<std::int64_t> row_ends;  // nonzeros stored after each row
  std::vector<StorageIndex> indices;
  std::vector<double> values;

  // Appends a row from (column, value) entries in any order: sorted by column, duplicates
  // summed (a sum of zero stays stored, as scipy's sum_duplicates keeps it).
  void add_row(std::vector<std::pair<StorageIndex, double>>& entries) {
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t k = 0; k < entries.size();) {
      const StorageIndex column = entries[k].first;
      double sum = 0.0;
      for (; k < entries.size() && entries[k].first == column; ++k)
        sum += entries[k].second;
      indices.push_back(column);
      values.push_back(sum);
    }
    row_ends.push_back(static_cast<std::int64_t>(indices.size()));
  }
};

// The blocks' rows one after another, as one sparse matrix of n_columns columns.
inline SparseMatrix concatenate_rows(const std::vector<CsrRows>& blocks, Eigen::Index n_columns) {
  std::int64_t n_rows = 0, n_nonzeros = 0;
  for (const auto& block : blocks) {
    n_rows += static_cast<std::int64_t>(block.row_ends.size());
    n_nonzeros += static_cast<std::int64_t>(block.indices.size());
  }
  SparseMatrix matrix(static_cast<Eigen::Index>(n_rows), n_columns);
  matrix.resizeNonZeros(static_cast<Eigen::Index>(n_nonzeros));
  StorageIndex* outer = matrix.outerIndexPtr();
  StorageIndex* inner = matrix.innerIndexPtr();
  double* values = matrix.valuePtr();
  std::int64_t row = 0, offset = 0;
  outer[0] = 0;
  for (const auto& block : blocks) {
    for (const std::int64_t end : block.row_ends)
      outer[++row] = static_cast<StorageIndex>(offset + end);
    std::copy(block.indices.begin(), block.indices.end(), inner + offset);
    std::copy(block.values.begin(), block.values.end(), values + offset);
    offset += static_cast<std::int64_t>(block.indices.size());
  }
  return matrix;
}

// Divides each row by its l1 or l2 norm ("l1" / "l2"; "" leaves rows as they are); rows of
// norm 0 stay unchanged, as sklearn.preprocessing.normalize.
inline void normalize_rows(SparseMatrix& matrix, std::string_view norm) {
  if (norm.empty()) return;
  const bool l1 = norm == "l1";
  for (Eigen::Index row = 0; row < matrix.outerSize(); ++row) {
    double total = 0.0;
    for (SparseMatrix::InnerIterator it(matrix, row); it; ++it)
      total += l1 ? std::abs(it.value()) : it.value() * it.value();
    if (!l1) total = std::sqrt(total);
    if (total == 0.0) continue;
    for (SparseMatrix::InnerIterator it(matrix, row); it; ++it)
      it.valueRef() /= total;
  }
}

// "prefix0", "prefix1", ...: the names of outputs without input-derived names.
inline std::vector<std::string> numbered_names(std::string_view prefix, std::int64_t count) {
  std::vector<std::string> names;
  names.reserve(static_cast<std::size_t>(count));
  std::string name(prefix);
  for (std::int64_t i = 0; i < count; ++i) {
    name.resize(prefix.size());
    name += std::to_string(i);
    names.push_back(name);
  }
  return names;
}

}  // namespace loom::features::detail
