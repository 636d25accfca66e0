// Times loom::clean::SimpleImputer (strategy "mean") fit + transform against scikit-learn's
// SimpleImputer fit_transform on the same matrix.
//
//   loom_bench_simple_imputer [--rows N]
//
// Generates an N (default 1,000,000) x 20 matrix of doubles with 10% of the cells NaN once,
// and hands it to simple_imputer_peer.py through a temporary .npy. Prints two lines,
// "name  loom_s  peer_s  ratio" (best of 5 rounds that alternate loom and the peer):
//   simple_imputer_matrix   loom on a FeatureMatrix, scikit-learn on a numpy array
//   simple_imputer_dataset  loom on a Dataset of numeric columns, scikit-learn on a pandas
//                           DataFrame (both return a copy of every column)
// The input table is built before timing.
#include <fmt/format.h>

#include <Eigen/Core>
#include <limits>
#include <string>
#include <vector>

#include "benchmark_harness.hpp"
#include "loom/clean/simple_imputer.hpp"

namespace {

constexpr int kRounds = 5;
constexpr Eigen::Index kColumns = 20;

Eigen::MatrixXd generate(Eigen::Index rows) {
  loom::bench::SplitMix random{11};
  Eigen::MatrixXd x(rows, kColumns);
  for (Eigen::Index j = 0; j < kColumns; ++j) {
    const double mean = (random.uniform() - 0.5) * 200.0;
    const double spread = 0.1 + random.uniform() * 50.0;
    for (Eigen::Index i = 0; i < rows; ++i) {
      x(i, j) = random.below(10) == 0 ? std::numeric_limits<double>::quiet_NaN()
                                      : mean + spread * random.normal();
    }
  }
  return x;
}

double first_statistic(const loom::clean::SimpleImputer& imputer) {
  return imputer.statistics().front().get<double>();
}

}  // namespace

int main(int argc, char** argv) {
  Eigen::Index rows = 1000000;
  for (int index = 1; index + 1 < argc; index += 2) {
    if (std::string(argv[index]) == "--rows") rows = std::stol(argv[index + 1]);
  }
  Eigen::MatrixXd values = generate(rows);
  const loom::bench::TempFile file("simple_imputer.npy");
  loom::bench::write_npy(file.string(), values);

  std::vector<std::string> names;
  for (Eigen::Index j = 0; j < kColumns; ++j)
    names.push_back("x" + std::to_string(j));
  std::vector<loom::Column> columns;
  for (Eigen::Index j = 0; j < kColumns; ++j) {
    const auto column = values.col(j);
    columns.push_back(loom::Column::numeric(names[static_cast<std::size_t>(j)],
                                            std::vector<double>(column.begin(), column.end())));
  }
  const loom::Table matrix_table = loom::FeatureMatrix(std::move(values), names);
  const loom::Table dataset_table = loom::Dataset(std::move(columns));

  loom::clean::SimpleImputer imputer;  // strategy "mean"
  loom::Table from_matrix, from_dataset;
  const auto comparison =
      loom::bench::alternate(kRounds,
                             [&] {
                               loom::bench::Times times;
                               times["simple_imputer_matrix"] = loom::bench::time_once([&] {
                                 imputer.fit(matrix_table);
                                 from_matrix = imputer.transform(matrix_table);
                               });
                               times["simple_imputer_dataset"] = loom::bench::time_once([&] {
                                 imputer.fit(dataset_table);
                                 from_dataset = imputer.transform(dataset_table);
                               });
                               return times;
                             },
                             "clean/simple_imputer_peer.py", {file.string()});
  fmt::print(stderr,
             "simple_imputer: {} x {}, statistics_[0] {:.17g}, matrix[0, 0] {:.17g}, dataset "
             "column 0 row 0 {:.17g}\n",
             rows, kColumns, first_statistic(imputer), from_matrix.matrix().dense()(0, 0),
             from_dataset.dataset().column(0).numeric_values()[0]);
  loom::bench::print_result("simple_imputer_matrix", comparison);
  loom::bench::print_result("simple_imputer_dataset", comparison);
  return 0;
}
