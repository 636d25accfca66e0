// Times loom::models::LogisticRegression (lbfgs, C = 1, default tol) fit and predict_proba
// against scikit-learn's LogisticRegression on the same data.
//
//   loom_bench_logistic_regression [--rows N]
//
// Generates an N (default 100,000) x 20 matrix of standard normal features and two label
// vectors drawn from a logistic model (2 classes) and a multinomial one (3 classes) once, and
// hands them to logistic_regression_peer.py through temporary .npy files. Prints four lines,
// "name  loom_s  peer_s  ratio" (best of 5 rounds that alternate loom and the peer):
// logistic_regression_fit_binary, _predict_proba_binary, _fit_3class and
// _predict_proba_3class (on the training rows). Tables and label columns are built before
// timing.
#include <fmt/format.h>

#include <Eigen/Core>
#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include "benchmark_harness.hpp"
#include "loom/models/linear/logistic_regression.hpp"

namespace {

constexpr int kRounds = 5;
constexpr Eigen::Index kColumns = 20;

struct Data {
  Eigen::MatrixXd x;
  Eigen::MatrixXd y_binary, y_3class;  // one column of class indices
};

// Labels drawn from the model's probabilities, so that the classes overlap and the optimum
// is finite.
Data generate(Eigen::Index rows) {
  loom::bench::SplitMix random{23};
  Data data{Eigen::MatrixXd(rows, kColumns), Eigen::MatrixXd(rows, 1), Eigen::MatrixXd(rows, 1)};
  for (Eigen::Index i = 0; i < rows; ++i) {
    for (Eigen::Index j = 0; j < kColumns; ++j)
      data.x(i, j) = random.normal();
  }
  Eigen::MatrixXd weights(4, kColumns);  // row 0: binary model; rows 1-3: the three classes
  for (Eigen::Index k = 0; k < weights.rows(); ++k) {
    for (Eigen::Index j = 0; j < kColumns; ++j)
      weights(k, j) = 0.4 * random.normal();
  }
  const Eigen::MatrixXd scores = data.x * weights.transpose();
  for (Eigen::Index i = 0; i < rows; ++i) {
    const double positive = 1.0 / (1.0 + std::exp(-(scores(i, 0) + 0.3)));
    data.y_binary(i, 0) = random.uniform() < positive ? 1.0 : 0.0;
    const Eigen::Array3d exps = scores.row(i).tail<3>().array().exp().transpose();
    const double draw = random.uniform() * exps.sum();
    data.y_3class(i, 0) = draw < exps(0) ? 0.0 : (draw < exps(0) + exps(1) ? 1.0 : 2.0);
  }
  return data;
}

loom::Column labels(const Eigen::MatrixXd& values) {
  return loom::Column::numeric("y",
                               std::vector<double>(values.data(), values.data() + values.size()));
}

}  // namespace

int main(int argc, char** argv) {
  Eigen::Index rows = 100000;
  for (int index = 1; index + 1 < argc; index += 2) {
    if (std::string(argv[index]) == "--rows") rows = std::stol(argv[index + 1]);
  }
  Data data = generate(rows);
  const loom::bench::TempFile x_file("logistic_regression_x.npy");
  const loom::bench::TempFile binary_file("logistic_regression_y2.npy");
  const loom::bench::TempFile multi_file("logistic_regression_y3.npy");
  loom::bench::write_npy(x_file.string(), data.x);
  loom::bench::write_npy(binary_file.string(), data.y_binary);
  loom::bench::write_npy(multi_file.string(), data.y_3class);

  std::vector<std::string> names;
  for (Eigen::Index j = 0; j < kColumns; ++j)
    names.push_back("x" + std::to_string(j));
  const loom::Table table = loom::FeatureMatrix(std::move(data.x), names);
  const loom::Column y_binary = labels(data.y_binary);
  const loom::Column y_3class = labels(data.y_3class);

  loom::models::LogisticRegression binary, multinomial;  // lbfgs, C = 1, tol = 1e-4
  Eigen::MatrixXd binary_probability, multinomial_probability;
  const auto comparison = loom::bench::alternate(
      kRounds,
      [&] {
        loom::bench::Times times;
        times["logistic_regression_fit_binary"] =
            loom::bench::time_once([&] { binary.fit(table, &y_binary); });
        times["logistic_regression_predict_proba_binary"] =
            loom::bench::time_once([&] { binary_probability = binary.predict_proba(table); });
        times["logistic_regression_fit_3class"] =
            loom::bench::time_once([&] { multinomial.fit(table, &y_3class); });
        times["logistic_regression_predict_proba_3class"] = loom::bench::time_once(
            [&] { multinomial_probability = multinomial.predict_proba(table); });
        return times;
      },
      "models/logistic_regression_peer.py",
      {x_file.string(), binary_file.string(), multi_file.string()});
  for (const auto& [suffix, model, probability] :
       {std::tuple{"binary", &binary, &binary_probability},
        std::tuple{"3class", &multinomial, &multinomial_probability}}) {
    fmt::print(stderr,
               "logistic_regression {}: {} x {}, n_iter_ {}, coef_[0, :3] {:.6f} {:.6f} {:.6f}, "
               "intercept_[0] {:.6f}, predict_proba[0, 0] {:.6f}\n",
               suffix, rows, kColumns, model->n_iter(), model->coef()(0, 0), model->coef()(0, 1),
               model->coef()(0, 2), model->intercept()(0), (*probability)(0, 0));
  }
  for (const char* name :
       {"logistic_regression_fit_binary", "logistic_regression_predict_proba_binary",
        "logistic_regression_fit_3class", "logistic_regression_predict_proba_3class"}) {
    loom::bench::print_result(name, comparison);
  }
  return 0;
}
