// Times loom's RandomForestClassifier (100 trees) and HistGradientBoostingClassifier fits
// against scikit-learn's (and xgboost's "hist" booster when Debian's python3-xgboost is
// installed) on the same data, with the same number of threads.
//
//   loom_bench_tree_ensembles [--rows N] [--trees T] [--threads K] [--rounds R]
//
// Generates an N (default 200,000) x 20 numeric classification table with
// loom::data::make_classification (10 informative columns, no missing cells) once, holds out
// the last 20% of the rows for scoring, and hands the data to tree_ensembles_peer.py through
// temporary .npy files. Prints "name  loom_s  peer_s  ratio" lines (best of R rounds, default
// 1, alternating loom and the peer): random_forest_fit, hist_gradient_boosting_fit (against
// scikit-learn) and hist_gradient_boosting_fit_vs_xgboost; test accuracy and AUC of each
// model go to stderr so that equal quality can be checked.
#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <string>
#include <thread>
#include <vector>

#include "benchmark_harness.hpp"
#include "loom/data/make_classification.hpp"
#include "loom/models/ensemble/hist_gradient_boosting.hpp"
#include "loom/models/ensemble/random_forest_classifier.hpp"

namespace {

constexpr std::size_t kColumns = 20;

double accuracy(const Eigen::MatrixXd& proba, const std::vector<double>& y) {
  double correct = 0.0;
  for (Eigen::Index i = 0; i < proba.rows(); ++i)
    correct += ((proba(i, 1) > 0.5 ? 1.0 : 0.0) == y[static_cast<std::size_t>(i)]) ? 1.0 : 0.0;
  return correct / static_cast<double>(proba.rows());
}

// Rank-based AUC of the positive-class probabilities (ties get average ranks).
double auc(const Eigen::MatrixXd& proba, const std::vector<double>& y) {
  std::vector<std::size_t> order(y.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return proba(static_cast<Eigen::Index>(a), 1) < proba(static_cast<Eigen::Index>(b), 1);
  });
  double positive_ranks = 0.0, positives = 0.0;
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j < order.size() && proba(static_cast<Eigen::Index>(order[j]), 1) ==
                                   proba(static_cast<Eigen::Index>(order[i]), 1))
      ++j;
    const double rank = (static_cast<double>(i + j) + 1.0) / 2.0;
    for (std::size_t k = i; k < j; ++k) {
      if (y[order[k]] == 1.0) {
        positive_ranks += rank;
        positives += 1.0;
      }
    }
    i = j;
  }
  const double negatives = static_cast<double>(y.size()) - positives;
  return (positive_ranks - positives * (positives + 1.0) / 2.0) / (positives * negatives);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t rows = 200000;
  int trees = 100, rounds = 1;
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (int index = 1; index + 1 < argc; index += 2) {
    const std::string flag = argv[index];
    if (flag == "--rows") rows = std::stoul(argv[index + 1]);
    if (flag == "--trees") trees = std::stoi(argv[index + 1]);
    if (flag == "--threads") threads = std::stoi(argv[index + 1]);
    if (flag == "--rounds") rounds = std::stoi(argv[index + 1]);
  }
  loom::data::MakeClassificationParams params;
  params.n_samples = rows;
  params.n_numeric = kColumns;
  params.n_informative = 10;
  params.n_categorical = 0;
  params.missing_rate = 0.0;
  params.seed = 42;
  const loom::Dataset data = loom::data::make_classification(params);
  const std::size_t n_train = rows * 4 / 5;
  Eigen::MatrixXd x(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(kColumns));
  std::vector<std::string> names;
  for (std::size_t j = 0; j < kColumns; ++j) {
    names.push_back("x" + std::to_string(j));
    const auto values = data.column(names.back()).numeric_values();
    for (std::size_t i = 0; i < rows; ++i)
      x(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = values[i];
  }
  const auto target = data.column("target").numeric_values();
  Eigen::MatrixXd y(static_cast<Eigen::Index>(rows), 1);
  for (std::size_t i = 0; i < rows; ++i)
    y(static_cast<Eigen::Index>(i), 0) = target[i];
  const loom::bench::TempFile x_file("tree_ensembles_x.npy");
  const loom::bench::TempFile y_file("tree_ensembles_y.npy");
  loom::bench::write_npy(x_file.string(), x);
  loom::bench::write_npy(y_file.string(), y);

  const auto n = static_cast<Eigen::Index>(n_train);
  const loom::Table train = loom::FeatureMatrix(Eigen::MatrixXd(x.topRows(n)), names);
  const loom::Table test = loom::FeatureMatrix(Eigen::MatrixXd(x.bottomRows(x.rows() - n)), names);
  const loom::Column y_train = loom::Column::numeric(
      "target", std::vector<double>(target.begin(), target.begin() + static_cast<long>(n_train)));
  const std::vector<double> y_test(target.begin() + static_cast<long>(n_train), target.end());

  loom::models::RandomForestClassifier forest(
      {.n_estimators = trees, .n_jobs = threads, .random_state = 0});
  loom::models::HistGradientBoostingClassifier boosting({.random_state = 0, .n_jobs = threads});
  const auto comparison = loom::bench::alternate(
      rounds,
      [&] {
        loom::bench::Times times;
        times["random_forest_fit"] = loom::bench::time_once([&] { forest.fit(train, &y_train); });
        times["hist_gradient_boosting_fit"] =
            loom::bench::time_once([&] { boosting.fit(train, &y_train); });
        return times;
      },
      "models/tree_ensembles_peer.py",
      {x_file.string(), y_file.string(), std::to_string(n_train), std::to_string(trees),
       std::to_string(threads)});
  const Eigen::MatrixXd forest_proba = forest.predict_proba(test);
  const Eigen::MatrixXd boosting_proba = boosting.predict_proba(test);
  fmt::print(stderr,
             "loom: {} x {}, {} threads; random forest accuracy {:.4f} auc {:.4f}; hist boosting "
             "accuracy {:.4f} auc {:.4f}, n_iter_ {}\n",
             rows, kColumns, threads, accuracy(forest_proba, y_test), auc(forest_proba, y_test),
             accuracy(boosting_proba, y_test), auc(boosting_proba, y_test), boosting.n_iter());
  loom::bench::print_result("random_forest_fit", comparison);
  loom::bench::print_result("hist_gradient_boosting_fit", comparison);
  const double xgboost =
      loom::bench::time_of(comparison.peer, "hist_gradient_boosting_fit_xgboost");
  if (!std::isnan(xgboost)) {
    loom::bench::print_result("hist_gradient_boosting_fit_vs_xgboost",
                              loom::bench::time_of(comparison.loom, "hist_gradient_boosting_fit"),
                              xgboost);
  }
  return 0;
}
