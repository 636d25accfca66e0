// Times loom::io::read_csv against pandas.read_csv on the same file.
//
//   loom_bench_csv_read [--rows N] [FILE]
//
// Without FILE, writes a mixed CSV of N rows (default 1,000,000) x 20 columns into the temp
// folder once (12 numeric columns with 1% missing, 6 categorical with 50 categories, an
// id-like string column and a short free-text column) and reuses it on later runs. Prints
// one line on stdout: "csv_read  loom_s  peer_s  ratio" (ratio = peer / loom, best of 3).
// Runs of loom and of pandas alternate, so that both see the same load on a shared machine.
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <string>

#include "../support/benchmark_harness.hpp"
#include "loom/io/csv.hpp"

namespace {

constexpr int kRepeats = 3;

using loom::bench::SplitMix;

void append_number(std::string& line, double value, int precision) {
  char digits[64];
  const auto result =
      std::to_chars(digits, digits + sizeof(digits), value, std::chars_format::fixed, precision);
  line.append(digits, result.ptr);
}

void generate(const std::string& path, std::size_t rows) {
  static const std::array<const char*, 16> words = {
      "red",  "green", "blue",  "quick", "brown", "fox",   "jumps", "over",
      "lazy", "dog",   "river", "stone", "light", "cloud", "north", "quiet"};
  SplitMix random{42};
  std::ofstream out(path, std::ios::binary);
  std::string line;
  for (int column = 0; column < 12; ++column)
    line += "num" + std::to_string(column) + ",";
  for (int column = 0; column < 6; ++column)
    line += "cat" + std::to_string(column) + ",";
  line += "id,comment\n";
  out << line;
  for (std::size_t row = 0; row < rows; ++row) {
    line.clear();
    for (int column = 0; column < 12; ++column) {
      if (random.below(100) != 0) {
        if (column < 4) {
          line += std::to_string(random.below(100000));
        } else {
          append_number(line, (random.uniform() - 0.3) * 1000.0, column % 2 ? 3 : 6);
        }
      }
      line += ',';
    }
    for (int column = 0; column < 6; ++column) {
      line += "level_";
      line += std::to_string(random.below(50));
      line += ',';
    }
    line += "ID";
    line += std::to_string(random.below(100000000));
    line += ',';
    const std::size_t n_words = 3 + random.below(4);
    for (std::size_t word = 0; word < n_words; ++word) {
      if (word > 0) line += ' ';
      line += words[random.below(words.size())];
    }
    line += '\n';
    out << line;
  }
}

// One timed pandas.read_csv, in seconds (NaN when the peer fails).
double run_peer(const std::string& file) {
  return loom::bench::time_of(loom::bench::run_peer("io/csv_read_peer.py", {file, "1"}), "");
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t rows = 1000000;
  std::string file;
  for (int index = 1; index < argc; ++index) {
    const std::string argument = argv[index];
    if (argument == "--rows" && index + 1 < argc) {
      rows = std::stoul(argv[++index]);
    } else {
      file = argument;
    }
  }
  if (file.empty()) {
    const auto folder = std::filesystem::temp_directory_path() / "loom-bench-csv-read";
    std::filesystem::create_directories(folder);
    file = (folder / ("mixed_v1_" + std::to_string(rows) + "x20.csv")).string();
    if (!std::filesystem::exists(file)) {
      std::cerr << "csv_read: writing " << file << "\n";
      generate(file + ".partial", rows);
      std::filesystem::rename(file + ".partial", file);
    }
  }

  double best = std::numeric_limits<double>::infinity();
  double peer = std::numeric_limits<double>::infinity();
  for (int repeat = 0; repeat < kRepeats; ++repeat) {
    const auto start = std::chrono::steady_clock::now();
    const loom::Dataset data = loom::io::read_csv(file);
    const double loom_seconds = loom::bench::seconds_since(start);
    best = std::min(best, loom_seconds);
    if (repeat == 0)
      std::cerr << "csv_read: " << data.n_rows() << " rows\n" << data.schema_string();
    const double peer_seconds = run_peer(file);
    peer = std::min(peer, peer_seconds);
    std::cerr << "csv_read: run " << repeat + 1 << ": loom " << loom_seconds << " s, pandas "
              << peer_seconds << " s\n";
  }
  if (std::isinf(peer)) peer = std::numeric_limits<double>::quiet_NaN();  // the peer failed
  std::printf("csv_read  %.4f  %.4f  %.2f\n", best, peer, peer / best);
  return 0;
}
