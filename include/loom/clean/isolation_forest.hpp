#pragma once
// Isolation forest: random trees grown on subsamples, each split on a random feature at a
// uniform threshold between the node's min and max, until max depth ceil(log2(max_samples)).
// Score = -2^(-E[h(x)] / c(max_samples)), h = leaf depth + c(leaf size), c(n) the average
// path length of an unsuccessful BST search, as scikit-learn. offset_ = -0.5 for
// contamination "auto", else the contamination percentile of the training scores.
// scikit-learn: sklearn.ensemble.IsolationForest (labels agree on >= 95% of rows; the random
// numbers differ). Throws as OutlierDetector.
#include <optional>
#include <vector>

#include "loom/clean/outlier_detector.hpp"

namespace loom::clean {

struct IsolationForestParams {
  int n_estimators = 100;
  Json max_samples = "auto";    // "auto" = min(256, n) | int >= 1 | float in (0, 1]
  Json contamination = "auto";  // "auto" | float in (0, 0.5]
  double max_features = 1.0;    // share of the features each tree sees, in (0, 1]
  bool bootstrap = false;
  std::optional<int> random_state = std::nullopt;  // null: seeded from std::random_device
  static const ParamTable<IsolationForestParams>& table();
};

class IsolationForest : public DetectorWithParams<IsolationForest, IsolationForestParams> {
 public:
  static constexpr std::string_view kTypeName = "IsolationForest";
  using DetectorWithParams::DetectorWithParams;

  // The subsample size each tree was grown on (scikit-learn's max_samples_).
  Eigen::Index max_samples() const { return max_samples_; }

  // One tree, nodes in depth-first order; a leaf has feature -1.
  struct Tree {
    std::vector<int> feature;
    std::vector<double> threshold;
    std::vector<int> left;
    std::vector<int> right;
    std::vector<Eigen::Index> n_samples;
    std::vector<int> features;  // the columns this tree sees (all unless max_features < 1)
  };
  const std::vector<Tree>& trees() const { return trees_; }

 protected:
  void fit_checked(const Eigen::MatrixXd& x) override;
  Eigen::VectorXd score_checked(const Eigen::MatrixXd& x) const override;

 private:
  std::vector<Tree> trees_;
  Eigen::Index max_samples_ = 0;
};

// c(n): the average path length of an unsuccessful search in a binary search tree of n
// points (0 for n <= 1, 1 for n = 2), as scikit-learn's _average_path_length.
double average_path_length(double n);

}  // namespace loom::clean
