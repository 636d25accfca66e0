// Times loom::features::StandardScaler fit + transform against scikit-learn's StandardScaler
// fit_transform on the same matrix.
//
//   loom_bench_standard_scaler [--rows N]
//
// Generates an N (default 1,000,000) x 20 matrix of doubles (each column normal with its own
// mean and spread) once, and hands it to standard_scaler_peer.py through a temporary .npy.
// Prints "standard_scaler  loom_s  peer_s  ratio" (ratio = peer / loom, best of 5 rounds that
// alternate loom and the peer); the wrapping FeatureMatrix is built before timing.
#include <fmt/format.h>

#include <Eigen/Core>
#include <string>

#include "benchmark_harness.hpp"
#include "loom/features/standard_scaler.hpp"

namespace {

constexpr int kRounds = 5;
constexpr Eigen::Index kColumns = 20;

Eigen::MatrixXd generate(Eigen::Index rows) {
  loom::bench::SplitMix random{7};
  Eigen::MatrixXd x(rows, kColumns);
  for (Eigen::Index j = 0; j < kColumns; ++j) {
    const double mean = (random.uniform() - 0.5) * 200.0;
    const double spread = 0.1 + random.uniform() * 50.0;
    for (Eigen::Index i = 0; i < rows; ++i)
      x(i, j) = mean + spread * random.normal();
  }
  return x;
}

}  // namespace

int main(int argc, char** argv) {
  Eigen::Index rows = 1000000;
  for (int index = 1; index + 1 < argc; index += 2) {
    if (std::string(argv[index]) == "--rows") rows = std::stol(argv[index + 1]);
  }
  Eigen::MatrixXd x = generate(rows);
  const loom::bench::TempFile file("standard_scaler.npy");
  loom::bench::write_npy(file.string(), x);

  std::vector<std::string> names;
  for (Eigen::Index j = 0; j < kColumns; ++j)
    names.push_back("x" + std::to_string(j));
  const loom::Table table = loom::FeatureMatrix(std::move(x), names);

  loom::features::StandardScaler scaler;
  loom::Table scaled;
  const auto comparison = loom::bench::alternate(
      kRounds,
      [&] {
        return loom::bench::Times{{"standard_scaler", loom::bench::time_once([&] {
                                     scaler.fit(table);
                                     scaled = scaler.transform(table);
                                   })}};
      },
      "features/standard_scaler_peer.py", {file.string()});
  fmt::print(stderr,
             "standard_scaler: {} x {}, mean_[0] {:.17g}, scale_[0] {:.17g}, "
             "transformed[0, 0] {:.17g}\n",
             rows, kColumns, scaler.mean()(0), scaler.scale()(0), scaled.matrix().dense()(0, 0));
  loom::bench::print_result("standard_scaler", comparison);
  return 0;
}
