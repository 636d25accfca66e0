// Times loom::models::KNeighborsClassifier predict (n_neighbors 5, uniform) for 10,000
// queries over 100,000 training points against scikit-learn's KNeighborsClassifier.
//
//   loom_bench_kneighbors [--points N] [--queries Q] [--features D]
//
// Generates N x D (default 100,000 x 8) standard normal training points with 3 classes from
// a linear rule plus noise, and Q x D queries, once; the peer reads them from .npy files.
// Prints "kneighbors_predict  loom_s  peer_s  ratio" (best of 3 rounds alternating loom and
// the peer; each side's fit, which builds its index, is not timed) and the share of equal
// predictions on stderr.
#include <fmt/format.h>

#include <Eigen/Core>
#include <string>
#include <vector>

#include "benchmark_harness.hpp"
#include "loom/models/neighbors/kneighbors_classifier.hpp"

int main(int argc, char** argv) {
  Eigen::Index points = 100000, queries = 10000, features = 8;
  for (int index = 1; index + 1 < argc; index += 2) {
    const std::string flag = argv[index];
    if (flag == "--points") points = std::stol(argv[index + 1]);
    if (flag == "--queries") queries = std::stol(argv[index + 1]);
    if (flag == "--features") features = std::stol(argv[index + 1]);
  }
  loom::bench::SplitMix random{31};
  Eigen::MatrixXd x(points, features), q(queries, features), y(points, 1);
  for (Eigen::Index i = 0; i < points; ++i) {
    double score = 0.0;
    for (Eigen::Index j = 0; j < features; ++j) {
      x(i, j) = random.normal();
      score += (j % 2 == 0 ? 1.0 : -0.5) * x(i, j);
    }
    score += 0.5 * random.normal();
    y(i, 0) = score < -0.5 ? 0.0 : (score < 0.5 ? 1.0 : 2.0);
  }
  for (Eigen::Index i = 0; i < queries; ++i) {
    for (Eigen::Index j = 0; j < features; ++j)
      q(i, j) = random.normal();
  }
  const loom::bench::TempFile x_file("knn_x.npy"), y_file("knn_y.npy"), q_file("knn_q.npy");
  loom::bench::write_npy(x_file.string(), x);
  loom::bench::write_npy(y_file.string(), y);
  loom::bench::write_npy(q_file.string(), q);
  std::vector<std::string> names;
  for (Eigen::Index j = 0; j < features; ++j)
    names.push_back("x" + std::to_string(j));
  const loom::Column labels =
      loom::Column::numeric("y", std::vector<double>(y.data(), y.data() + y.size()));
  loom::models::KNeighborsClassifier model;
  model.fit(loom::FeatureMatrix(x, names), &labels);
  const loom::Table query_table = loom::FeatureMatrix(q, names);
  loom::Column predicted;
  const auto comparison = loom::bench::alternate(
      3,
      [&] {
        loom::bench::Times times;
        times["kneighbors_predict"] =
            loom::bench::time_once([&] { predicted = model.predict(query_table); });
        return times;
      },
      "models/kneighbors_peer.py", {x_file.string(), y_file.string(), q_file.string()});
  fmt::print(stderr,
             "kneighbors: {} points x {} features, {} queries, first predictions {} {} {}\n",
             points, features, queries, predicted.value_string(0), predicted.value_string(1),
             predicted.value_string(2));
  loom::bench::print_result("kneighbors_predict", comparison);
  return 0;
}
