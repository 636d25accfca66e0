// Times loom::features::FeatureHasher (input_type "dict", 2**20 columns) against
// scikit-learn's FeatureHasher.transform on the same rows.
//
//   loom_bench_feature_hasher [--rows N]
//
// Generates N (default 1,000,000) rows of three categorical columns (20, 1,000 and 50,000
// levels) and two numeric columns once, writes them as CSV for feature_hasher_peer.py (which
// builds its list of dicts before timing), and prints "feature_hasher  loom_s  peer_s  ratio".
#include <fmt/format.h>

#include <fstream>
#include <string>

#include "benchmark_harness.hpp"
#include "loom/features/feature_hasher.hpp"

int main(int argc, char** argv) {
  std::size_t rows = 1000000;
  for (int index = 1; index + 1 < argc; index += 2) {
    if (std::string(argv[index]) == "--rows") rows = std::stoul(argv[index + 1]);
  }
  loom::bench::SplitMix random{11};
  const std::size_t levels[3] = {20, 1000, 50000};
  std::vector<std::vector<std::optional<std::string>>> categorical(3);
  std::vector<double> amount(rows), count(rows);
  const loom::bench::TempFile file("feature_hasher.csv");
  {
    std::ofstream out(file.string());
    out << "city,product,user,amount,count\n";
    for (std::size_t i = 0; i < rows; ++i) {
      for (int c = 0; c < 3; ++c) {
        categorical[c].emplace_back("v" + std::to_string(random.below(levels[c])));
        out << *categorical[c].back() << ',';
      }
      amount[i] = std::round(random.uniform() * 1e4) / 100.0;
      count[i] = static_cast<double>(random.below(5));
      out << fmt::format("{},{}\n", amount[i], count[i]);
    }
  }
  const loom::Dataset data({loom::Column::categorical_from_values("city", categorical[0]),
                            loom::Column::categorical_from_values("product", categorical[1]),
                            loom::Column::categorical_from_values("user", categorical[2]),
                            loom::Column::numeric("amount", amount),
                            loom::Column::numeric("count", count)});
  loom::features::FeatureHasher hasher;
  loom::Table hashed;
  const auto comparison = loom::bench::alternate(
      3,
      [&] {
        return loom::bench::Times{
            {"feature_hasher", loom::bench::time_once([&] { hashed = hasher.transform(data); })}};
      },
      "features/feature_hasher_peer.py", {file.string()});
  fmt::print(stderr, "feature_hasher: {} rows, {} stored values\n", rows,
             hashed.matrix().sparse().nonZeros());
  loom::bench::print_result("feature_hasher", comparison);
  return 0;
}
