// Times loom's outlier detectors against scikit-learn on the same matrix:
//   isolation_forest   IsolationForest(n_estimators=100, random_state=0).fit_predict
//   pca_reconstruction PCA(n_components=5) fit + inverse_transform(transform(X)) error
//   local_outlier_factor LocalOutlierFactor(n_neighbors=20).fit_predict (on the first 20,000
//                      rows: its neighbour search dominates)
//
//   loom_bench_outlier_detectors [--rows N]
//
// Generates an N (default 100,000) x 10 matrix of doubles, 1% of its rows shifted far away,
// once, and hands it to outlier_detectors_peer.py through a temporary .npy. Prints
// "name  loom_s  peer_s  ratio" per detector (best of 3 rounds that alternate loom and the
// peer), and on stderr the count of rows each flags.
#include <fmt/format.h>

#include <Eigen/Core>
#include <algorithm>
#include <string>

#include "benchmark_harness.hpp"
#include "loom/clean/isolation_forest.hpp"
#include "loom/clean/local_outlier_factor.hpp"
#include "loom/clean/pca_reconstruction.hpp"

namespace {

constexpr int kRounds = 3;
constexpr Eigen::Index kColumns = 10;

Eigen::MatrixXd generate(Eigen::Index rows) {
  loom::bench::SplitMix random{5};
  Eigen::MatrixXd x(rows, kColumns);
  for (Eigen::Index i = 0; i < rows; ++i) {
    const double shift = random.below(100) == 0 ? 8.0 : 0.0;
    const double common = random.normal();
    for (Eigen::Index j = 0; j < kColumns; ++j)
      x(i, j) = shift + 0.7 * common + random.normal() * (1.0 + static_cast<double>(j) / 5.0);
  }
  return x;
}

}  // namespace

int main(int argc, char** argv) {
  Eigen::Index rows = 100000;
  for (int index = 1; index + 1 < argc; index += 2) {
    if (std::string(argv[index]) == "--rows") rows = std::stol(argv[index + 1]);
  }
  const Eigen::MatrixXd x = generate(rows);
  const loom::bench::TempFile file("outlier_detectors.npy");
  loom::bench::write_npy(file.string(), x);

  Eigen::Index forest_outliers = 0;
  Eigen::Index pca_outliers = 0;
  Eigen::Index lof_outliers = 0;
  const Eigen::MatrixXd lof_rows = x.topRows(std::min<Eigen::Index>(rows, 20000));
  const auto comparison = loom::bench::alternate(
      kRounds,
      [&] {
        loom::bench::Times times;
        times["isolation_forest"] = loom::bench::time_once([&] {
          loom::clean::IsolationForest forest({.random_state = 0});
          forest_outliers = (forest.fit_predict(x).array() == -1).count();
        });
        times["pca_reconstruction"] = loom::bench::time_once([&] {
          loom::clean::PCAReconstruction pca({.n_components = 5, .contamination = 0.01});
          pca_outliers = (pca.fit_predict(x).array() == -1).count();
        });
        times["local_outlier_factor"] = loom::bench::time_once([&] {
          loom::clean::LocalOutlierFactor lof;
          lof_outliers = (lof.fit_predict(lof_rows).array() == -1).count();
        });
        return times;
      },
      "clean/outlier_detectors_peer.py", {file.string()});
  fmt::print(stderr,
             "outlier_detectors: {} x {}, IsolationForest flags {}, PCA flags {}, LOF flags {}\n",
             rows, kColumns, forest_outliers, pca_outliers, lof_outliers);
  loom::bench::print_result("isolation_forest", comparison);
  loom::bench::print_result("pca_reconstruction", comparison);
  loom::bench::print_result("local_outlier_factor", comparison);
  return 0;
}
