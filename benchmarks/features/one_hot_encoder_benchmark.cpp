// Times loom::features::OneHotEncoder fit + transform (sparse output) against scikit-learn's
// OneHotEncoder fit_transform on the same categorical data.
//
//   loom_bench_one_hot_encoder [--rows N]
//
// Generates N (default 1,000,000) rows x 5 categorical columns (3, 7, 12, 50 and 200
// categories named "c0", "c1", ..., drawn with skewed frequencies) once. loom gets them as
// categorical columns (codes into a dictionary, as its CSV reader produces); the peer gets the
// codes through a temporary .npy and turns them into a pandas DataFrame of strings before
// timing (what pandas.read_csv produces). Prints "one_hot_encoder  loom_s  peer_s  ratio"
// (ratio = peer / loom, best of 5 alternating rounds).
#include <fmt/format.h>

#include <Eigen/Core>
#include <string>

#include "benchmark_harness.hpp"
#include "loom/features/one_hot_encoder.hpp"

namespace {

constexpr int kRounds = 5;
const int kCardinalities[] = {3, 7, 12, 50, 200};

}  // namespace

int main(int argc, char** argv) {
  Eigen::Index rows = 1000000;
  for (int index = 1; index + 1 < argc; index += 2) {
    if (std::string(argv[index]) == "--rows") rows = std::stol(argv[index + 1]);
  }
  loom::bench::SplitMix random{11};
  Eigen::MatrixXd codes(rows, 5);
  std::vector<loom::Column> columns;
  for (int j = 0; j < 5; ++j) {
    const int cardinality = kCardinalities[j];
    std::vector<std::string> categories;
    for (int k = 0; k < cardinality; ++k)
      categories.push_back("c" + std::to_string(k));
    std::sort(categories.begin(), categories.end());
    std::vector<std::int32_t> column(static_cast<std::size_t>(rows));
    for (Eigen::Index i = 0; i < rows; ++i) {
      // Skewed: the square of a uniform favours small codes.
      const double u = random.uniform();
      const auto code = static_cast<std::int32_t>(u * u * cardinality);
      column[static_cast<std::size_t>(i)] = code;
      codes(i, j) = std::stod(categories[static_cast<std::size_t>(code)].substr(1));
    }
    columns.push_back(
        loom::Column::categorical("x" + std::to_string(j), std::move(column), categories));
  }
  const loom::bench::TempFile file("one_hot_encoder.npy");
  loom::bench::write_npy(file.string(), codes);
  const loom::Table table = loom::Dataset(std::move(columns));

  loom::features::OneHotEncoder encoder;
  loom::Table encoded;
  const auto comparison = loom::bench::alternate(
      kRounds,
      [&] {
        return loom::bench::Times{{"one_hot_encoder", loom::bench::time_once([&] {
                                     encoder.fit(table);
                                     encoded = encoder.transform(table);
                                   })}};
      },
      "features/one_hot_encoder_peer.py", {file.string()});
  fmt::print(stderr, "one_hot_encoder: {} x 5 -> {} columns, {} stored values\n", rows,
             encoded.n_columns(), encoded.matrix().sparse().nonZeros());
  loom::bench::print_result("one_hot_encoder", comparison);
  return 0;
}
