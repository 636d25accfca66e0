// Times loom's binary classification metrics against scikit-learn on the same data.
//
//   loom_bench_metrics [--rows N]
//
// Generates N (default 1,000,000) binary labels, predictions and scores with a fixed seed,
// writes them to a binary file in the temp folder for the Python peer (metrics_peer.py), and
// prints one line per metric: "name  loom_s  peer_s  ratio" (ratio = peer / loom, best of 5).
// Labels reach loom as strings, its API's label type; building them is not timed.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "loom/metrics/classification.hpp"
#include "loom/metrics/confusion_matrix.hpp"
#include "loom/metrics/ranking.hpp"

namespace {

constexpr int kRepeats = 5;

struct BinaryData {
  std::vector<std::int8_t> y_true;
  std::vector<std::int8_t> y_pred;
  std::vector<double> y_score;
};

// Scores on a 1e-4 grid, so that ties occur as with real probabilities.
BinaryData generate(std::size_t n_rows) {
  std::mt19937_64 random(42);
  std::bernoulli_distribution positive(0.3);
  std::normal_distribution<double> noise(0.0, 0.25);
  BinaryData data;
  data.y_true.resize(n_rows);
  data.y_pred.resize(n_rows);
  data.y_score.resize(n_rows);
  for (std::size_t row = 0; row < n_rows; ++row) {
    const bool is_positive = positive(random);
    const double raw = 0.5 + (is_positive ? 0.15 : -0.15) + noise(random);
    const double score = std::round(std::clamp(raw, 0.0, 1.0) * 1e4) / 1e4;
    data.y_true[row] = is_positive ? 1 : 0;
    data.y_score[row] = score;
    data.y_pred[row] = score >= 0.5 ? 1 : 0;
  }
  return data;
}

// Layout read by metrics_peer.py: n as int64, y_true and y_pred as int8, y_score as float64.
void write(const std::string& path, const BinaryData& data) {
  std::ofstream out(path, std::ios::binary);
  const auto n_rows = static_cast<std::int64_t>(data.y_true.size());
  out.write(reinterpret_cast<const char*>(&n_rows), sizeof(n_rows));
  out.write(reinterpret_cast<const char*>(data.y_true.data()), n_rows);
  out.write(reinterpret_cast<const char*>(data.y_pred.data()), n_rows);
  out.write(reinterpret_cast<const char*>(data.y_score.data()),
            static_cast<std::streamsize>(n_rows * sizeof(double)));
}

std::vector<std::string> as_labels(const std::vector<std::int8_t>& values) {
  std::vector<std::string> labels;
  labels.reserve(values.size());
  for (const std::int8_t value : values)
    labels.push_back(value == 1 ? "1" : "0");
  return labels;
}

double best_time(const std::function<double()>& run) {
  double best = std::numeric_limits<double>::infinity();
  volatile double sink = 0.0;  // keeps the result alive
  for (int repeat = 0; repeat < kRepeats; ++repeat) {
    const auto start = std::chrono::steady_clock::now();
    sink = sink + run();
    best = std::min(
        best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

// Runs the peer; it prints "name seconds" lines.
std::map<std::string, double> run_peer(const std::string& file) {
  const char* python = std::getenv("LOOM_PYTHON");
  const std::string command = std::string(python ? python : "/usr/bin/python3") + " " +
                              LOOM_BENCHMARKS_DIR + "/metrics/metrics_peer.py \"" + file + "\"";
  std::map<std::string, double> times;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return times;
  std::string output;
  char buffer[256];
  while (std::fgets(buffer, sizeof(buffer), pipe) != nullptr)
    output += buffer;
  if (pclose(pipe) != 0) {
    std::cerr << "metrics: the Python peer failed (" << command << ")\n";
    return times;
  }
  std::istringstream lines(output);
  std::string name;
  double seconds = 0.0;
  while (lines >> name >> seconds)
    times[name] = seconds;
  return times;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t n_rows = 1000000;
  for (int index = 1; index + 1 < argc; index += 2) {
    if (std::string(argv[index]) == "--rows") n_rows = std::stoul(argv[index + 1]);
  }
  const BinaryData data = generate(n_rows);
  const std::string file =
      (std::filesystem::temp_directory_path() / "loom_bench_metrics.bin").string();
  write(file, data);
  const std::vector<std::string> y_true = as_labels(data.y_true);
  const std::vector<std::string> y_pred = as_labels(data.y_pred);

  std::map<std::string, double> loom_times;
  std::map<std::string, double> values;
  loom_times["roc_auc"] = best_time(
      [&] { return values["roc_auc"] = loom::metrics::roc_auc_score(y_true, data.y_score); });
  loom_times["f1"] =
      best_time([&] { return values["f1"] = loom::metrics::f1_score(y_true, y_pred); });
  loom_times["confusion_matrix"] = best_time([&] {
    return static_cast<double>(loom::metrics::confusion_matrix(y_true, y_pred).counts(1, 1));
  });
  const std::map<std::string, double> peer_times = run_peer(file);
  std::filesystem::remove(file);

  std::cerr << fmt::format("metrics: {} rows, roc_auc {:.12f}, f1 {:.12f}\n", n_rows,
                           values["roc_auc"], values["f1"]);
  for (const std::string name : {"roc_auc", "f1", "confusion_matrix"}) {
    const double loom_seconds = loom_times[name];
    const auto peer = peer_times.find(name);
    const double peer_seconds =
        peer == peer_times.end() ? std::numeric_limits<double>::quiet_NaN() : peer->second;
    std::cout << fmt::format("metrics_{}  {:.4f}  {:.4f}  {:.2f}\n", name, loom_seconds,
                             peer_seconds, peer_seconds / loom_seconds);
  }
  return 0;
}
