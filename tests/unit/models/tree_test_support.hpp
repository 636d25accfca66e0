#pragma once
// Shared by the tree, forest and boosting tests: the fixture datasets of
// tests/reference/make_models_tree.py as loom tables, and scores.
#include <Eigen/Core>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "loom/core/column.hpp"
#include "loom/core/feature_matrix.hpp"
#include "loom/core/step.hpp"

namespace loom::test {

inline std::vector<std::string> feature_names(Eigen::Index n) {
  std::vector<std::string> names;
  for (Eigen::Index j = 0; j < n; ++j)
    names.push_back("x" + std::to_string(j));
  return names;
}

inline const nlohmann::json& tree_fixture() {
  static const nlohmann::json fixture = load_fixture("models/tree_models.json");
  return fixture;
}

inline const nlohmann::json& tree_case(const std::string& name) {
  for (const auto& test_case : tree_fixture()["cases"]) {
    if (test_case["name"] == name) return test_case;
  }
  throw std::runtime_error("no fixture case " + name);
}

struct Split {
  FeatureMatrix x_train, x_test;
  Column y_train, y_test;
};

inline Split split_case(const nlohmann::json& test_case, const char* x_key = "X",
                        const char* y_key = "y") {
  const Eigen::MatrixXd x = to_matrix(test_case[x_key]);
  const std::vector<double> y = to_vector(test_case[y_key]);
  const auto names = feature_names(x.cols());
  auto rows = [&](const nlohmann::json& indices) {
    Eigen::MatrixXd part(static_cast<Eigen::Index>(indices.size()), x.cols());
    std::vector<double> labels;
    for (std::size_t i = 0; i < indices.size(); ++i) {
      part.row(static_cast<Eigen::Index>(i)) = x.row(indices[i].get<Eigen::Index>());
      labels.push_back(y[indices[i].get<std::size_t>()]);
    }
    return std::pair{FeatureMatrix(part, names), Column::numeric("y", labels)};
  };
  auto [x_train, y_train] = rows(test_case["train"]);
  auto [x_test, y_test] = rows(test_case["test"]);
  return {std::move(x_train), std::move(x_test), std::move(y_train), std::move(y_test)};
}

inline double accuracy(const Column& predicted, const Column& truth) {
  double correct = 0.0;
  for (std::size_t i = 0; i < truth.size(); ++i)
    correct += predicted.numeric_values()[i] == truth.numeric_values()[i] ? 1.0 : 0.0;
  return correct / static_cast<double>(truth.size());
}

inline double r2(const Column& predicted, const Column& truth) {
  const auto y = truth.numeric_values();
  const auto p = predicted.numeric_values();
  double mean = 0.0;
  for (double v : y)
    mean += v;
  mean /= static_cast<double>(y.size());
  double residual = 0.0, total = 0.0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    residual += (y[i] - p[i]) * (y[i] - p[i]);
    total += (y[i] - mean) * (y[i] - mean);
  }
  return 1.0 - residual / total;
}

// The test-set score of a model built by make(seed), averaged over seeds 0, 1, 2 as the
// fixture's.
template <class Make>
double mean_score(const Split& split, bool classification, Make&& make) {
  double total = 0.0;
  for (int seed = 0; seed < 3; ++seed) {
    auto model = make(seed);
    model.fit(split.x_train, &split.y_train);
    const Column predicted = model.predict(split.x_test);
    total += classification ? accuracy(predicted, split.y_test) : r2(predicted, split.y_test);
  }
  return total / 3.0;
}

}  // namespace loom::test
