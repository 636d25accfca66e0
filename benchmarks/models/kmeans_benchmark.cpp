// Times loom::models::KMeans (k = 8, k-means++, n_init = 3, Lloyd, default tol) fit against
// scikit-learn's KMeans on the same data, and predict on the training rows.
//
//   loom_bench_kmeans [--rows N]
//
// Generates an N (default 200,000) x 20 matrix: eight Gaussian blobs (unit spread, centres
// drawn with spread 0.7, so that Lloyd needs many iterations) once, and hands it to kmeans_peer.py
// through a temporary .npy file. Threads: both sides use every core unless LOOM_NUM_THREADS and
// OMP_NUM_THREADS say otherwise (set both to the same value). Prints "name  loom_s  peer_s  ratio"
// (best of 3 rounds that alternate loom and the peer) for kmeans_fit and kmeans_predict; inertia
// and iterations of both sides go to stderr.
#include <fmt/format.h>

#include <Eigen/Core>
#include <string>
#include <vector>

#include "benchmark_harness.hpp"
#include "loom/models/cluster/kmeans.hpp"

namespace {

constexpr int kRounds = 3;
constexpr Eigen::Index kColumns = 20;
constexpr int kClusters = 8;

Eigen::MatrixXd generate(Eigen::Index rows) {
  loom::bench::SplitMix random{41};
  Eigen::MatrixXd centres(kClusters, kColumns);
  for (Eigen::Index k = 0; k < kClusters; ++k) {
    for (Eigen::Index j = 0; j < kColumns; ++j)
      centres(k, j) = 0.7 * random.normal();
  }
  Eigen::MatrixXd x(rows, kColumns);
  for (Eigen::Index i = 0; i < rows; ++i) {
    const auto k = static_cast<Eigen::Index>(random.below(kClusters));
    for (Eigen::Index j = 0; j < kColumns; ++j)
      x(i, j) = centres(k, j) + random.normal();
  }
  return x;
}

}  // namespace

int main(int argc, char** argv) {
  Eigen::Index rows = 200000;
  for (int index = 1; index + 1 < argc; index += 2) {
    if (std::string(argv[index]) == "--rows") rows = std::stol(argv[index + 1]);
  }
  Eigen::MatrixXd x = generate(rows);
  const loom::bench::TempFile x_file("kmeans_x.npy");
  loom::bench::write_npy(x_file.string(), x);
  std::vector<std::string> names;
  for (Eigen::Index j = 0; j < kColumns; ++j)
    names.push_back("x" + std::to_string(j));
  const loom::Table table = loom::FeatureMatrix(std::move(x), names);

  loom::models::KMeans model({.n_clusters = kClusters, .n_init = 3, .random_state = 0});
  loom::Column labels;
  const auto comparison = loom::bench::alternate(
      kRounds,
      [&] {
        loom::bench::Times times;
        times["kmeans_fit"] = loom::bench::time_once([&] { model.fit(table, nullptr); });
        times["kmeans_predict"] = loom::bench::time_once([&] { labels = model.predict(table); });
        return times;
      },
      "models/kmeans_peer.py", {x_file.string()});
  fmt::print(stderr, "kmeans: {} x {}, k {}, inertia_ {:.6f}, n_iter_ {}\n", rows, kColumns,
             kClusters, model.inertia(), model.n_iter());
  loom::bench::print_result("kmeans_fit", comparison);
  loom::bench::print_result("kmeans_predict", comparison);
  return 0;
}
