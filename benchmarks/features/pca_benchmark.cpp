// Times loom::features::PCA (10 components; svd_solver "auto" picks randomized, as in
// scikit-learn 1.2) fit + transform against scikit-learn's PCA fit_transform.
//
//   loom_bench_pca [--rows N]
//
// Generates an N (default 100,000) x 200 matrix (a rank-20 signal plus noise) once, hands it
// to pca_peer.py through a .npy, and prints "pca  loom_s  peer_s  ratio".
#include <fmt/format.h>

#include <string>

#include "benchmark_harness.hpp"
#include "loom/features/pca.hpp"

int main(int argc, char** argv) {
  Eigen::Index rows = 100000;
  for (int index = 1; index + 1 < argc; index += 2) {
    if (std::string(argv[index]) == "--rows") rows = std::stol(argv[index + 1]);
  }
  constexpr Eigen::Index kColumns = 200, kRank = 20;
  loom::bench::SplitMix random{5};
  Eigen::MatrixXd factors(rows, kRank), loadings(kRank, kColumns);
  for (Eigen::Index i = 0; i < rows; ++i)
    for (Eigen::Index k = 0; k < kRank; ++k)
      factors(i, k) = random.normal() * std::pow(0.8, static_cast<double>(k)) * 5.0;
  for (Eigen::Index k = 0; k < kRank; ++k)
    for (Eigen::Index j = 0; j < kColumns; ++j)
      loadings(k, j) = random.normal();
  Eigen::MatrixXd x = factors * loadings;
  for (Eigen::Index j = 0; j < kColumns; ++j)
    for (Eigen::Index i = 0; i < rows; ++i)
      x(i, j) += random.normal() * 0.5;
  const loom::bench::TempFile file("pca.npy");
  loom::bench::write_npy(file.string(), x);
  std::vector<std::string> names;
  for (Eigen::Index j = 0; j < kColumns; ++j)
    names.push_back("x" + std::to_string(j));
  const loom::Table table = loom::FeatureMatrix(std::move(x), names);
  loom::features::PCA pca({.n_components = 10, .random_state = 0});
  loom::Table scores;
  const auto comparison =
      loom::bench::alternate(3,
                             [&] {
                               return loom::bench::Times{{"pca", loom::bench::time_once([&] {
                                                            pca.fit(table);
                                                            scores = pca.transform(table);
                                                          })}};
                             },
                             "features/pca_peer.py", {file.string()});
  fmt::print(stderr, "pca: {} x {}, solver {}, explained_variance_ratio_[0] {:.12g}\n", rows,
             kColumns, pca.fit_svd_solver(), pca.explained_variance_ratio()(0));
  loom::bench::print_result("pca", comparison);
  return 0;
}
