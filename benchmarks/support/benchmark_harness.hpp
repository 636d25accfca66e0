#pragma once
// What loom's benchmarks share: a seeded generator for their data, a temp file in .npy
// format through which the Python peer gets the same data, timing, running the peer script
// with Debian's /usr/bin/python3 (or $LOOM_PYTHON) and reading its times, rounds that
// alternate loom and the peer (so that both see the same load on a shared machine), and the
// result line "name  loom_s  peer_s  ratio" (ratio = peer_s / loom_s) that run.sh collects.
#include <unistd.h>

#include <Eigen/Core>
#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace loom::bench {

// SplitMix64: small, fast and the same stream on every platform (unlike std:: distributions).
struct SplitMix {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t bound) { return next() % bound; }
  // Uniform in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Standard normal (Box-Muller; one value per call).
  double normal() {
    const double u = 1.0 - uniform();  // (0, 1]: log stays finite
    return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * uniform());
  }
};

inline double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The seconds one call of run() takes.
template <class Run>
double time_once(Run&& run) {
  const auto start = std::chrono::steady_clock::now();
  run();
  return seconds_since(start);
}

// The shortest of `repeats` runs of run(), in seconds.
template <class Run>
double best_of(int repeats, Run&& run) {
  double best = std::numeric_limits<double>::infinity();
  for (int repeat = 0; repeat < repeats; ++repeat)
    best = std::min(best, time_once(run));
  return best;
}

// A file in the temp folder for the peer's copy of the data, removed when this goes out of
// scope. The name carries the process id, so concurrent runs do not collide.
class TempFile {
 public:
  explicit TempFile(std::string_view name)
      : path_(std::filesystem::temp_directory_path() /
              ("loom_bench_" + std::to_string(getpid()) + "_" + std::string(name))) {}
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  std::string string() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// Writes a matrix as numpy's .npy (format 1.0, little-endian float64, C order: numpy.load
// gives the usual row-major array of shape (rows, columns)).
inline void write_npy(const std::string& path, const Eigen::MatrixXd& matrix) {
  std::string header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" +
                       std::to_string(matrix.rows()) + ", " + std::to_string(matrix.cols()) +
                       "), }";
  // Magic (6) + version (2) + length (2) + header + '\n' is padded to a multiple of 64.
  header.append(63 - (10 + header.size()) % 64, ' ');
  header += '\n';
  std::ofstream out(path, std::ios::binary);
  out.write("\x93NUMPY\x01\x00", 8);
  const char length[2] = {static_cast<char>(header.size() & 0xff),
                          static_cast<char>(header.size() >> 8)};
  out.write(length, 2);
  out.write(header.data(), static_cast<std::streamsize>(header.size()));
  const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rows = matrix;
  static_assert(std::endian::native == std::endian::little, "write_npy writes <f8 natively");
  out.write(reinterpret_cast<const char*>(rows.data()),
            static_cast<std::streamsize>(rows.size() * sizeof(double)));
  if (!out) {
    std::cerr << "cannot write " << path << "\n";
    std::exit(1);
  }
}

// Seconds by benchmark name. A peer prints one line per benchmark, "name seconds", or a
// single bare number, which is stored under the empty name.
using Times = std::map<std::string, double>;

// Runs benchmarks/<script> (a path relative to LOOM_BENCHMARKS_DIR) with the given arguments.
// OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are unset for the peer: set on some machines, they
// slow numpy down and would make the comparison unfair. An empty map when the peer fails.
inline Times run_peer(const std::string& script, const std::vector<std::string>& arguments) {
  const char* python = std::getenv("LOOM_PYTHON");
  std::string command = "env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE " +
                        std::string(python ? python : "/usr/bin/python3") + " \"" +
                        LOOM_BENCHMARKS_DIR + "/" + script + "\"";
  for (const auto& argument : arguments)
    command += " \"" + argument + "\"";
  Times times;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return times;
  std::string output;
  char buffer[256];
  while (std::fgets(buffer, sizeof(buffer), pipe) != nullptr)
    output += buffer;
  if (pclose(pipe) != 0) {
    std::cerr << "the Python peer failed (" << command << ")\n";
    return {};
  }
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string first, second;
    if (!(fields >> first)) continue;
    if (fields >> second) {
      times[first] = std::strtod(second.c_str(), nullptr);
    } else {
      times[""] = std::strtod(first.c_str(), nullptr);
    }
  }
  return times;
}

// Keeps in best the shorter time of each name.
inline void keep_best(Times& best, const Times& round) {
  for (const auto& [name, seconds] : round) {
    const auto found = best.find(name);
    if (found == best.end() || seconds < found->second) best[name] = seconds;
  }
}

struct Comparison {
  Times loom, peer;  // best of the rounds
};

// `rounds` rounds of loom_round() (one timed run of each of loom's benchmarks, returned as
// Times), each followed by one run of the peer with "1" (its repeat count) appended to its
// arguments. Alternating keeps a change of load on a shared machine from favouring either.
template <class LoomRound>
Comparison alternate(int rounds, LoomRound&& loom_round, const std::string& script,
                     std::vector<std::string> arguments) {
  arguments.emplace_back("1");
  Comparison best;
  for (int round = 0; round < rounds; ++round) {
    const Times loom = loom_round();
    const Times peer = run_peer(script, arguments);
    keep_best(best.loom, loom);
    keep_best(best.peer, peer);
    for (const auto& [name, seconds] : loom) {
      const auto found = peer.find(name);
      std::cerr << "round " << round + 1 << ": " << name << ": loom " << seconds << " s, peer "
                << (found == peer.end() ? std::numeric_limits<double>::quiet_NaN() : found->second)
                << " s\n";
    }
  }
  return best;
}

// The time for `name`, NaN when there is none.
inline double time_of(const Times& times, const std::string& name) {
  const auto found = times.find(name);
  return found == times.end() ? std::numeric_limits<double>::quiet_NaN() : found->second;
}

// The result line run.sh collects.
inline void print_result(const std::string& name, double loom_seconds, double peer_seconds) {
  std::printf("%s  %.4f  %.4f  %.2f\n", name.c_str(), loom_seconds, peer_seconds,
              peer_seconds / loom_seconds);
  std::fflush(stdout);
}

// The result line of `name` from a comparison.
inline void print_result(const std::string& name, const Comparison& comparison) {
  print_result(name, time_of(comparison.loom, name), time_of(comparison.peer, name));
}

}  // namespace loom::bench
