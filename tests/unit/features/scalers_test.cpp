// MinMaxScaler, MaxAbsScaler, RobustScaler, Normalizer and Binarizer against scikit-learn.
#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "loom/core/registry.hpp"
#include "loom/features/binarizer.hpp"
#include "loom/features/max_abs_scaler.hpp"
#include "loom/features/min_max_scaler.hpp"
#include "loom/features/normalizer.hpp"
#include "loom/features/robust_scaler.hpp"

using loom::FeatureMatrix;

namespace {
const std::vector<std::string> kNames{"a", "b", "c", "d", "e"};

FeatureMatrix input(const nlohmann::json& rows, bool sparse) {
  const Eigen::MatrixXd values = loom::test::to_matrix(rows);
  if (sparse) return FeatureMatrix(loom::SparseMatrix(values.sparseView()), kNames);
  return FeatureMatrix(values, kNames);
}

bool matches(const Eigen::VectorXd& actual, const nlohmann::json& expected) {
  if (expected.is_null()) return actual.size() == 0;
  const auto values = loom::test::to_vector(expected);
  if (actual.size() != static_cast<Eigen::Index>(values.size())) return false;
  for (std::size_t j = 0; j < values.size(); ++j) {
    if (!loom::test::close(actual(static_cast<Eigen::Index>(j)), values[j], 1e-12)) return false;
  }
  return true;
}
}  // namespace

TEST_CASE("Scalers, Normalizer and Binarizer match scikit-learn on the fixtures",
          "[features][scalers]") {
  const auto fixture = loom::test::load_fixture("features_encoding/scalers.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      const bool sparse = test_case["sparse"].get<bool>();
      auto step = loom::make_step(
          {{"name", "s"}, {"type", test_case["type"]}, {"params", test_case["params"]}});
      auto& transformer = dynamic_cast<loom::Transformer&>(*step);
      const loom::Table output = transformer.fit_transform(input(test_case["X"], sparse), nullptr);
      CHECK(output.is_sparse() == test_case["transformed_sparse"].get<bool>());
      CHECK(output.column_names() == kNames);
      CHECK(loom::test::all_close(output.matrix().to_dense(),
                                  loom::test::to_matrix(test_case["transformed"]), 1e-9));
      const loom::Table output_new = transformer.transform(input(test_case["X_new"], sparse));
      CHECK(loom::test::all_close(output_new.matrix().to_dense(),
                                  loom::test::to_matrix(test_case["transformed_new"]), 1e-9));
      if (auto* scaler = dynamic_cast<loom::features::MinMaxScaler*>(step.get())) {
        CHECK(matches(scaler->data_min(), test_case["data_min_"]));
        CHECK(matches(scaler->data_max(), test_case["data_max_"]));
        CHECK(matches(scaler->scale(), test_case["scale_"]));
        CHECK(matches(scaler->min(), test_case["min_"]));
      }
      if (auto* scaler = dynamic_cast<loom::features::MaxAbsScaler*>(step.get())) {
        CHECK(matches(scaler->max_abs(), test_case["max_abs_"]));
        CHECK(matches(scaler->scale(), test_case["scale_"]));
      }
      if (auto* scaler = dynamic_cast<loom::features::RobustScaler*>(step.get())) {
        CHECK(matches(scaler->center(), test_case["center_"]));
        CHECK(matches(scaler->scale(), test_case["scale_"]));
      }
      auto restored = loom::make_step(
          {{"name", "s"}, {"type", test_case["type"]}, {"params", test_case["params"]}});
      restored->load_fitted_state(nlohmann::json::parse(step->fitted_state().dump()));
      CHECK(loom::test::all_close(dynamic_cast<loom::Transformer&>(*restored)
                                      .transform(input(test_case["X_new"], sparse))
                                      .matrix()
                                      .to_dense(),
                                  output_new.matrix().to_dense(), 0.0));
    }
  }
}

TEST_CASE("MinMaxScaler inverts its scaling", "[features][scalers]") {
  Eigen::MatrixXd x(3, 2);
  x << 1, -2, 4, 0, 7, 9;
  loom::features::MinMaxScaler scaler({.feature_range = {-1.0, 1.0}});
  const Eigen::MatrixXd scaled =
      scaler.fit_transform(FeatureMatrix(x, {"p", "q"}), nullptr).matrix().dense();
  CHECK(scaled.minCoeff() == -1.0);
  CHECK(scaled.maxCoeff() == 1.0);
  CHECK(scaler.inverse_transform(scaled).isApprox(x, 1e-12));
}

TEST_CASE("Scalers name the problem in bad input and parameters", "[features][scalers][errors]") {
  Eigen::MatrixXd dense(2, 2);
  dense << 1, 0, 0, std::nan("");
  const FeatureMatrix with_nan(dense, {"p", "q"});
  const FeatureMatrix sparse(loom::SparseMatrix(Eigen::MatrixXd::Identity(2, 2).sparseView()),
                             {"p", "q"});
  const loom::Dataset text({loom::Column::categorical_from_values("city", {"a", "b"})});

  loom::features::MinMaxScaler min_max({.feature_range = {1.0, 0.0}});
  min_max.set_name("mm");
  CHECK_LOOM_THROWS(min_max.fit(with_nan), loom::ParameterError,
                    "MinMaxScaler \"mm\": parameter feature_range");
  loom::features::MinMaxScaler min_max_ok;
  CHECK_LOOM_THROWS(min_max_ok.fit(sparse), loom::DataError, "sparse");
  CHECK_LOOM_THROWS(min_max_ok.fit(text), loom::DataError, "\"city\"");
  CHECK_LOOM_THROWS(min_max_ok.transform(with_nan), loom::NotFittedError, "MinMaxScaler");

  loom::features::RobustScaler robust;
  CHECK_LOOM_THROWS(robust.fit(sparse), loom::DataError, "with_centering=false");
  loom::features::RobustScaler bad_range({.quantile_range = {80.0, 20.0}});
  CHECK_LOOM_THROWS(bad_range.fit(with_nan), loom::ParameterError, "quantile_range");

  loom::features::MaxAbsScaler max_abs;
  max_abs.fit(with_nan);
  CHECK_LOOM_THROWS(max_abs.transform(FeatureMatrix(dense, {"p", "x"})), loom::SchemaError,
                    "missing: \"q\"");

  loom::features::Normalizer normalizer;
  CHECK_LOOM_THROWS(normalizer.fit(with_nan), loom::DataError, "column \"q\" has a missing value");
  loom::features::Normalizer bad_norm({.norm = "l3"});
  CHECK_LOOM_THROWS(bad_norm.fit(sparse), loom::ParameterError, "norm");

  loom::features::Binarizer binarizer({.threshold = -1.0});
  binarizer.set_name("bin");
  binarizer.fit(sparse);
  CHECK_LOOM_THROWS(binarizer.transform(sparse), loom::DataError,
                    "Binarizer \"bin\": cannot binarize sparse input with threshold = -1");
  CHECK_LOOM_THROWS(binarizer.fit(text), loom::DataError, "\"city\"");
}
