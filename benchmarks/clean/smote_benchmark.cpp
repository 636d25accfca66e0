// Times loom::clean::SMOTE fit_resample against imbalanced-learn's SMOTE on the same data.
//
//   loom_bench_smote [--rows N] [--rounds R]
//
// Generates an N (default 100,000) x 20 matrix of doubles with a binary label, 5% of the rows
// in the minority class (shifted in the first features), once, and hands it to
// smote_peer.py through a temporary .npy (the label as a 21st column). Both sides run
// SMOTE(k_neighbors=5, random_state=0), which over-samples the minority class to the
// majority's size; loom works on a FeatureMatrix, imblearn on a numpy array. Prints
// "smote  loom_s  peer_s  ratio" (best of R rounds, default 3, alternating loom and the peer),
// and on stderr the sum of the new rows of both sides: the same draws give the same sum.
#include <fmt/format.h>

#include <Eigen/Core>
#include <string>
#include <vector>

#include "benchmark_harness.hpp"
#include "loom/clean/smote.hpp"

namespace {

constexpr Eigen::Index kColumns = 20;

Eigen::MatrixXd generate(Eigen::Index rows) {
  loom::bench::SplitMix random{5};
  Eigen::MatrixXd data(rows, kColumns + 1);
  for (Eigen::Index i = 0; i < rows; ++i) {
    const bool minority = random.below(20) == 0;
    data(i, kColumns) = minority ? 1.0 : 0.0;
    for (Eigen::Index j = 0; j < kColumns; ++j)
      data(i, j) = random.normal() + (minority && j < 5 ? 1.5 : 0.0);
  }
  return data;
}

}  // namespace

int main(int argc, char** argv) {
  Eigen::Index rows = 100000;
  int rounds = 3;
  for (int index = 1; index + 1 < argc; index += 2) {
    if (std::string(argv[index]) == "--rows") rows = std::stol(argv[index + 1]);
    if (std::string(argv[index]) == "--rounds") rounds = std::stoi(argv[index + 1]);
  }
  const Eigen::MatrixXd data = generate(rows);
  const loom::bench::TempFile file("smote.npy");
  loom::bench::write_npy(file.string(), data);

  std::vector<std::string> names;
  for (Eigen::Index j = 0; j < kColumns; ++j)
    names.push_back("x" + std::to_string(j));
  const loom::Table x = loom::FeatureMatrix(Eigen::MatrixXd(data.leftCols(kColumns)), names);
  const auto label = data.col(kColumns);
  const loom::Column y =
      loom::Column::numeric("y", std::vector<double>(label.begin(), label.end()));

  loom::clean::SMOTE smote({.random_state = 0, .k_neighbors = 5});
  loom::Table resampled;
  const auto comparison = loom::bench::alternate(rounds,
                                                 [&] {
                                                   loom::bench::Times times;
                                                   times["smote"] = loom::bench::time_once([&] {
                                                     resampled = smote.fit_resample(x, y).first;
                                                   });
                                                   return times;
                                                 },
                                                 "clean/smote_peer.py", {file.string()});
  const Eigen::MatrixXd& out = resampled.matrix().dense();
  fmt::print(stderr, "smote: {} x {} -> {} rows, sum of the new rows {:.12g}\n", rows, kColumns,
             out.rows(), out.bottomRows(out.rows() - rows).sum());
  loom::bench::print_result("smote", comparison);
  return 0;
}
