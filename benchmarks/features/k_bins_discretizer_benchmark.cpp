// Times loom::features::KBinsDiscretizer fit + transform (quantile bins, sparse one-hot
// output, scikit-learn's defaults) against scikit-learn's KBinsDiscretizer fit_transform.
//
//   loom_bench_k_bins_discretizer [--rows N]
//
// Generates an N (default 1,000,000) x 20 matrix of doubles (normal columns with their own
// mean and spread) once and hands it to k_bins_discretizer_peer.py through a temporary .npy.
// Prints "k_bins_discretizer  loom_s  peer_s  ratio" (ratio = peer / loom, best of 5 rounds
// that alternate loom and the peer).
#include <fmt/format.h>

#include <Eigen/Core>
#include <string>

#include "benchmark_harness.hpp"
#include "loom/features/k_bins_discretizer.hpp"

namespace {

constexpr int kRounds = 5;
constexpr Eigen::Index kColumns = 20;

}  // namespace

int main(int argc, char** argv) {
  Eigen::Index rows = 1000000;
  for (int index = 1; index + 1 < argc; index += 2) {
    if (std::string(argv[index]) == "--rows") rows = std::stol(argv[index + 1]);
  }
  loom::bench::SplitMix random{13};
  Eigen::MatrixXd x(rows, kColumns);
  for (Eigen::Index j = 0; j < kColumns; ++j) {
    const double mean = (random.uniform() - 0.5) * 200.0;
    const double spread = 0.1 + random.uniform() * 50.0;
    for (Eigen::Index i = 0; i < rows; ++i)
      x(i, j) = mean + spread * random.normal();
  }
  const loom::bench::TempFile file("k_bins_discretizer.npy");
  loom::bench::write_npy(file.string(), x);
  std::vector<std::string> names;
  for (Eigen::Index j = 0; j < kColumns; ++j)
    names.push_back("x" + std::to_string(j));
  const loom::Table table = loom::FeatureMatrix(std::move(x), names);

  loom::features::KBinsDiscretizer discretizer;
  loom::Table binned;
  const auto comparison = loom::bench::alternate(
      kRounds,
      [&] {
        return loom::bench::Times{{"k_bins_discretizer", loom::bench::time_once([&] {
                                     discretizer.fit(table);
                                     binned = discretizer.transform(table);
                                   })}};
      },
      "features/k_bins_discretizer_peer.py", {file.string()});
  fmt::print(stderr, "k_bins_discretizer: {} x {}, bin_edges[0][1] {:.17g}\n", rows, kColumns,
             discretizer.bin_edges()[0][1]);
  loom::bench::print_result("k_bins_discretizer", comparison);
  return 0;
}
