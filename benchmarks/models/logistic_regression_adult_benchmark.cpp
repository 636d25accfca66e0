// Times loom::models::LogisticRegression (lbfgs semantics, C = 1) fit and predict_proba on
// the Adult census table against scikit-learn's LogisticRegression on the same matrix.
//
//   loom_bench_logistic_regression_adult [--data PATH/adult_train.csv] [--rows N]
//
// Numeric-only variant: the six numeric columns (age, fnlwgt, education_num, capital_gain,
// capital_loss, hours_per_week), standardised, as OneHotEncoder is not on this branch yet
// (the categorical columns are left out). The target is income (">50K" positive). Prints
// "name  loom_s  peer_s  ratio" for logistic_regression_adult_fit and _predict_proba (best of
// 5 rounds alternating loom and the peer). Skipped (exit 0) when the data file is absent.
#include <fmt/format.h>

#include <Eigen/Core>
#include <filesystem>
#include <string>
#include <vector>

#include "benchmark_harness.hpp"
#include "loom/io/csv.hpp"
#include "loom/models/linear/logistic_regression.hpp"

int main(int argc, char** argv) {
  std::string path = std::string(LOOM_BENCHMARKS_DIR) + "/../../shared/data/adult_train.csv";
  Eigen::Index max_rows = 0;
  for (int index = 1; index + 1 < argc; index += 2) {
    if (std::string(argv[index]) == "--data") path = argv[index + 1];
    if (std::string(argv[index]) == "--rows") max_rows = std::stol(argv[index + 1]);
  }
  if (!std::filesystem::exists(path)) {
    fmt::print(stderr, "{} not found: logistic_regression_adult skipped\n", path);
    return 0;
  }
  loom::io::CsvOptions options;
  options.trim = true;
  const loom::Dataset data = loom::io::read_csv(path, options);
  const std::vector<std::string> numeric = {"age",          "fnlwgt",       "education_num",
                                            "capital_gain", "capital_loss", "hours_per_week"};
  Eigen::Index rows = static_cast<Eigen::Index>(data.n_rows());
  if (max_rows > 0) rows = std::min(rows, max_rows);
  Eigen::MatrixXd x(rows, static_cast<Eigen::Index>(numeric.size()));
  for (std::size_t j = 0; j < numeric.size(); ++j) {
    const auto values = data.column(numeric[j]).numeric_values();
    for (Eigen::Index i = 0; i < rows; ++i)
      x(i, static_cast<Eigen::Index>(j)) = values[static_cast<std::size_t>(i)];
  }
  const Eigen::RowVectorXd mean = x.colwise().mean();
  x.rowwise() -= mean;
  const Eigen::RowVectorXd scale =
      (x.array().square().colwise().sum() / static_cast<double>(rows)).sqrt();
  x.array().rowwise() /= scale.array();
  const loom::Column& income = data.column("income");
  Eigen::MatrixXd y(rows, 1);
  for (Eigen::Index i = 0; i < rows; ++i)
    y(i, 0) = income.value_string(static_cast<std::size_t>(i)).find(">50K") == 0 ? 1.0 : 0.0;

  const loom::bench::TempFile x_file("lr_adult_x.npy");
  const loom::bench::TempFile y_file("lr_adult_y.npy");
  loom::bench::write_npy(x_file.string(), x);
  loom::bench::write_npy(y_file.string(), y);
  const loom::Table table = loom::FeatureMatrix(std::move(x), numeric);
  const loom::Column labels =
      loom::Column::numeric("income", std::vector<double>(y.data(), y.data() + y.size()));
  loom::models::LogisticRegression model;
  Eigen::MatrixXd probability;
  const auto comparison = loom::bench::alternate(
      5,
      [&] {
        loom::bench::Times times;
        times["logistic_regression_adult_fit"] =
            loom::bench::time_once([&] { model.fit(table, &labels); });
        times["logistic_regression_adult_predict_proba"] =
            loom::bench::time_once([&] { probability = model.predict_proba(table); });
        return times;
      },
      "models/logistic_regression_adult_peer.py", {x_file.string(), y_file.string()});
  fmt::print(stderr, "logistic_regression_adult: {} x {}, coef_[0, :3] {:.6f} {:.6f} {:.6f}\n",
             rows, numeric.size(), model.coef()(0, 0), model.coef()(0, 1), model.coef()(0, 2));
  loom::bench::print_result("logistic_regression_adult_fit", comparison);
  loom::bench::print_result("logistic_regression_adult_predict_proba", comparison);
  return 0;
}
