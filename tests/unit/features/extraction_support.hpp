#pragma once
// Helpers for the feature-extraction tests: sparse fixtures ({"shape", "rows", "cols",
// "values"}) compared with loom's row-major sparse output, and the text fixture's corpus.
#include <Eigen/SparseCore>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "fixtures.hpp"
#include "loom/core/dataset.hpp"
#include "loom/core/feature_matrix.hpp"

namespace loom::test {

inline SparseMatrix sparse_from_fixture(const nlohmann::json& fixture) {
  SparseMatrix matrix(fixture["shape"][0].get<Eigen::Index>(),
                      fixture["shape"][1].get<Eigen::Index>());
  std::vector<Eigen::Triplet<double>> triplets;
  for (std::size_t k = 0; k < fixture["values"].size(); ++k) {
    triplets.emplace_back(fixture["rows"][k].get<int>(), fixture["cols"][k].get<int>(),
                          fixture["values"][k].get<double>());
  }
  matrix.setFromTriplets(triplets.begin(), triplets.end());
  return matrix;
}

// Same shape and every entry within tolerance (relative, as close()); explicit zeros allowed.
inline bool sparse_close(const SparseMatrix& actual, const nlohmann::json& expected,
                         double tolerance) {
  const SparseMatrix reference = sparse_from_fixture(expected);
  if (actual.rows() != reference.rows() || actual.cols() != reference.cols()) return false;
  const SparseMatrix difference = actual - reference;
  for (Eigen::Index row = 0; row < difference.outerSize(); ++row) {
    for (SparseMatrix::InnerIterator it(difference, row); it; ++it) {
      const double scale = 1.0 + std::abs(reference.coeff(row, it.col()));
      if (std::abs(it.value()) > tolerance * scale) return false;
    }
  }
  return true;
}

inline std::vector<std::string> strings_of(const nlohmann::json& values) {
  return values.get<std::vector<std::string>>();
}

inline Dataset text_dataset(const std::string& name, const std::vector<std::string>& texts) {
  return Dataset({Column::text(name, texts, std::vector<std::uint8_t>(texts.size(), 0))});
}

inline std::vector<std::string_view> views_of(const std::vector<std::string>& texts) {
  return {texts.begin(), texts.end()};
}

}  // namespace loom::test
