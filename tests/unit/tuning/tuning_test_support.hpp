#pragma once
// Shared pieces of the tuning tests: the cv.json data as a Dataset, and a test-only least-squares
// regressor ("TestLinearRegression", scikit-learn's LinearRegression) registered so pipeline
// specs can name it (the library's regressors live on other branches).
#include <Eigen/QR>

#include "fixtures.hpp"
#include "loom/core/registry.hpp"
#include "loom/core/step.hpp"
#include "loom/pipeline/pipeline.hpp"

namespace loom::test {

struct TestLinearRegressionParams {
  bool fit_intercept = true;
  static const ParamTable<TestLinearRegressionParams>& table() {
    static const ParamTable<TestLinearRegressionParams> fields{
        param("fit_intercept", &TestLinearRegressionParams::fit_intercept)};
    return fields;
  }
};

class TestLinearRegression
    : public StepWithParams<TestLinearRegression, Predictor, TestLinearRegressionParams> {
 public:
  static constexpr std::string_view kTypeName = "TestLinearRegression";
  using StepWithParams::StepWithParams;

  void fit(const Table& x, const Column* y) override {
    const Eigen::MatrixXd features = x.to_dense(describe());
    const Eigen::VectorXd target = y->as_eigen();
    Eigen::RowVectorXd x_mean = Eigen::RowVectorXd::Zero(features.cols());
    double y_mean = 0.0;
    if (params_.fit_intercept) {
      x_mean = features.colwise().mean();
      y_mean = target.mean();
    }
    const Eigen::MatrixXd centred = features.rowwise() - x_mean;
    coef_ = centred.colPivHouseholderQr().solve((target.array() - y_mean).matrix());
    intercept_ = y_mean - x_mean.dot(coef_);
    fitted_ = true;
  }
  Column predict(const Table& x) const override {
    require_fitted("predict");
    const Eigen::VectorXd values = (x.to_dense(describe()) * coef_).array() + intercept_;
    return Column::numeric("prediction", {values.data(), values.data() + values.size()});
  }
  bool is_classifier() const override { return false; }
  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override { return Json::object(); }
  void load_fitted_state(const Json&) override {}

 private:
  Eigen::VectorXd coef_;
  double intercept_ = 0.0;
  bool fitted_ = false;
};

inline void register_test_steps() {
  Registry::global().add<TestLinearRegression>();
}

struct CvData {
  Dataset x;
  Column multiclass;
  Column binary;
  Column regression;
};

inline CvData load_cv_data() {
  const nlohmann::json fixture = load_fixture("tuning/cv.json");
  const nlohmann::json& data = fixture["cases"][0];
  const Eigen::MatrixXd matrix = to_matrix(data["X"]);
  std::vector<Column> columns;
  for (Eigen::Index j = 0; j < matrix.cols(); ++j) {
    const Eigen::VectorXd column = matrix.col(j);
    columns.push_back(
        Column::numeric("x" + std::to_string(j), {column.data(), column.data() + column.size()}));
  }
  auto labels = [&](const char* key) {
    std::vector<std::optional<std::string>> values;
    for (const auto& value : data[key])
      values.emplace_back(value.get<std::string>());
    return Column::categorical_from_values(key, values);
  };
  return {Dataset(std::move(columns)), labels("multiclass"), labels("binary"),
          Column::numeric("regression", data["regression"].get<std::vector<double>>())};
}

}  // namespace loom::test
