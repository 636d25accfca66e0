// Times loom::tuning::GridSearchCV against scikit-learn's GridSearchCV: the same grid
// (model.C in {0.01, 0.1, 1, 10} x model.fit_intercept in {true, false}) over the same
// pipeline (StandardScaler, LogisticRegression) and the same folds (StratifiedKFold(5)),
// no refit, one thread each; then loom on 2 threads against loom on 1.
//
//   loom_bench_grid_search [--rows N]
//
// Generates N (default 20,000) x 10 standard normal features and labels from a logistic model
// once, and hands them to grid_search_peer.py through temporary .npy files. Prints
// "grid_search_cv  loom_s  peer_s  ratio" and "grid_search_cv_2_threads  loom2_s  loom1_s
// ratio" (best of 3 rounds; the second ratio is the speed-up of 2 threads over 1).
#include <fmt/format.h>

#include <Eigen/Core>
#include <cmath>
#include <string>
#include <vector>

#include "benchmark_harness.hpp"
#include "loom/tuning/search.hpp"

namespace {

constexpr int kRounds = 3;
constexpr Eigen::Index kColumns = 10;

}  // namespace

int main(int argc, char** argv) {
  Eigen::Index rows = 20000;
  for (int index = 1; index + 1 < argc; index += 2) {
    if (std::string(argv[index]) == "--rows") rows = std::stol(argv[index + 1]);
  }
  loom::bench::SplitMix random{41};
  Eigen::MatrixXd x(rows, kColumns);
  Eigen::MatrixXd y(rows, 1);
  for (Eigen::Index i = 0; i < rows; ++i) {
    double score = 0.2;
    for (Eigen::Index j = 0; j < kColumns; ++j) {
      x(i, j) = random.normal() * (1.0 + static_cast<double>(j));
      score += x(i, j) * (j % 2 == 0 ? 0.3 : -0.2) / (1.0 + static_cast<double>(j));
    }
    y(i, 0) = random.uniform() < 1.0 / (1.0 + std::exp(-score)) ? 1.0 : 0.0;
  }
  const loom::bench::TempFile x_file("grid_search_x.npy");
  const loom::bench::TempFile y_file("grid_search_y.npy");
  loom::bench::write_npy(x_file.string(), x);
  loom::bench::write_npy(y_file.string(), y);

  std::vector<loom::Column> columns;
  for (Eigen::Index j = 0; j < kColumns; ++j) {
    const Eigen::VectorXd column = x.col(j);
    columns.push_back(loom::Column::numeric("x" + std::to_string(j),
                                            {column.data(), column.data() + column.size()}));
  }
  const loom::Dataset features(std::move(columns));
  const loom::Column labels =
      loom::Column::numeric("y", std::vector<double>(y.data(), y.data() + y.size()));
  const auto pipeline = loom::pipeline::Pipeline::from_spec(
      {{"steps",
        {{{"name", "scaler"}, {"type", "StandardScaler"}},
         {{"name", "model"}, {"type", "LogisticRegression"}}}}});
  const nlohmann::json grid = {{"model.C", {0.01, 0.1, 1.0, 10.0}},
                               {"model.fit_intercept", {true, false}}};
  const auto folds = loom::tuning::default_folds(pipeline, labels, 5);
  auto search = [&](int n_jobs) {
    loom::tuning::SearchOptions options;
    options.refit = false;
    options.n_jobs = n_jobs;
    return loom::tuning::GridSearchCV(pipeline, grid, options).fit(features, labels, folds);
  };
  double best_score = 0.0;
  double two_threads = INFINITY;
  const auto comparison = loom::bench::alternate(
      kRounds,
      [&] {
        loom::bench::Times times;
        times["grid_search_cv"] =
            loom::bench::time_once([&] { best_score = search(1).best_score(); });
        two_threads = std::min(two_threads, loom::bench::time_once([&] { search(2); }));
        return times;
      },
      "tuning/grid_search_peer.py", {x_file.string(), y_file.string()});
  fmt::print(stderr, "grid_search_cv: {} x {}, 8 candidates x 5 folds, loom best_score_ {:.6f}\n",
             rows, kColumns, best_score);
  loom::bench::print_result("grid_search_cv", comparison);
  loom::bench::print_result("grid_search_cv_2_threads", two_threads,
                            loom::bench::time_of(comparison.loom, "grid_search_cv"));
  return 0;
}
