#pragma once
// Helpers of the clustering tests: tables from fixture matrices, and label comparison up to
// renumbering.
#include <map>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "loom/core/feature_matrix.hpp"
#include "loom/core/table.hpp"

namespace loom::test {

inline FeatureMatrix cluster_table(const Eigen::MatrixXd& x) {
  std::vector<std::string> names;
  for (Eigen::Index j = 0; j < x.cols(); ++j)
    names.push_back("x" + std::to_string(j));
  return FeatureMatrix(x, names);
}

inline std::vector<int> to_ints(const nlohmann::json& values) {
  std::vector<int> result;
  for (const auto& value : values)
    result.push_back(value.get<int>());
  return result;
}

// True when a one-to-one renaming of a's labels gives b (noise -1 must stay -1).
inline bool same_up_to_renumbering(const std::vector<int>& a, const std::vector<int>& b) {
  if (a.size() != b.size()) return false;
  std::map<int, int> forward, backward;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if ((a[i] == -1) != (b[i] == -1)) return false;
    const auto [f, new_f] = forward.emplace(a[i], b[i]);
    const auto [g, new_g] = backward.emplace(b[i], a[i]);
    if (f->second != b[i] || g->second != a[i]) return false;
  }
  return true;
}

inline double mean(const std::vector<double>& values) {
  double sum = 0.0;
  for (double value : values)
    sum += value;
  return sum / static_cast<double>(values.size());
}

}  // namespace loom::test
