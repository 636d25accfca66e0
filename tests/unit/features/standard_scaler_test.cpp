#include "loom/features/standard_scaler.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "fixtures.hpp"

using loom::FeatureMatrix;
using loom::features::StandardScaler;

namespace {
std::vector<std::string> names_for(Eigen::Index n) {
  std::vector<std::string> names;
  for (Eigen::Index j = 0; j < n; ++j)
    names.push_back("x" + std::to_string(j));
  return names;
}

bool matches_optional(const Eigen::VectorXd& actual, const nlohmann::json& expected) {
  if (expected.is_null()) return actual.size() == 0;
  const auto values = loom::test::to_vector(expected);
  if (actual.size() != static_cast<Eigen::Index>(values.size())) return false;
  for (std::size_t j = 0; j < values.size(); ++j) {
    if (!loom::test::close(actual(static_cast<Eigen::Index>(j)), values[j], 1e-9)) return false;
  }
  return true;
}
}  // namespace

TEST_CASE("StandardScaler matches scikit-learn on the fixtures", "[features][standard_scaler]") {
  const auto fixture = loom::test::load_fixture("core/standard_scaler.json");
  for (const auto& test_case : fixture["cases"]) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      const Eigen::MatrixXd x = loom::test::to_matrix(test_case["X"]);
      StandardScaler scaler({.with_mean = test_case["params"]["with_mean"].get<bool>(),
                             .with_std = test_case["params"]["with_std"].get<bool>()});
      const auto names = names_for(x.cols());
      scaler.fit(FeatureMatrix(x, names));
      CHECK(matches_optional(scaler.mean(), test_case["mean"]));
      CHECK(matches_optional(scaler.var(), test_case["var"]));
      CHECK(matches_optional(scaler.scale(), test_case["scale"]));
      CHECK(matches_optional(scaler.n_samples_seen(), test_case["n_samples_seen"]));
      // A constant column becomes rounding noise around 0: compare with an absolute margin.
      const Eigen::MatrixXd transformed =
          scaler.transform(FeatureMatrix(x, names)).matrix().dense();
      CHECK(loom::test::all_close(transformed, loom::test::to_matrix(test_case["transformed"]),
                                  1e-9));
      const Eigen::MatrixXd x_new = loom::test::to_matrix(test_case["X_new"]);
      const Eigen::MatrixXd transformed_new =
          scaler.transform(FeatureMatrix(x_new, names)).matrix().dense();
      CHECK(loom::test::all_close(transformed_new,
                                  loom::test::to_matrix(test_case["transformed_new"]), 1e-9));
      CHECK(scaler.feature_names_out() == names);
    }
  }
}

TEST_CASE("StandardScaler scales sparse input without centering", "[features][standard_scaler]") {
  Eigen::MatrixXd dense(4, 2);
  dense << 0, 1, 2, 0, 0, 3, 4, 0;
  const std::vector<std::string> names{"a", "b"};
  StandardScaler sparse_scaler({.with_mean = false});
  sparse_scaler.fit(FeatureMatrix(loom::SparseMatrix(dense.sparseView()), names));
  StandardScaler dense_scaler({.with_mean = false});
  dense_scaler.fit(FeatureMatrix(dense, names));
  CHECK(sparse_scaler.scale().isApprox(dense_scaler.scale(), 1e-12));
  const auto output =
      sparse_scaler.transform(FeatureMatrix(loom::SparseMatrix(dense.sparseView()), names));
  REQUIRE(output.is_sparse());
  CHECK(Eigen::MatrixXd(output.matrix().sparse())
            .isApprox(dense_scaler.transform(FeatureMatrix(dense, names)).matrix().dense(), 1e-12));
  StandardScaler centering;
  CHECK_LOOM_THROWS(centering.fit(FeatureMatrix(loom::SparseMatrix(dense.sparseView()), names)),
                    loom::DataError, "with_mean=false");
}

TEST_CASE("StandardScaler names the problem in bad input", "[features][standard_scaler][errors]") {
  StandardScaler scaler;
  scaler.set_name("scaler");
  const loom::Dataset mixed({loom::Column::numeric("age", {1, 2}),
                             loom::Column::categorical_from_values("city", {"a", "b"})});
  CHECK_LOOM_THROWS(scaler.fit(mixed), loom::DataError, "\"city\"");
  CHECK_LOOM_THROWS(scaler.transform(mixed), loom::NotFittedError, "StandardScaler \"scaler\"");
  scaler.fit(loom::Dataset(
      {loom::Column::numeric("age", {1, 2}), loom::Column::numeric("income", {3, 4})}));
  CHECK_LOOM_THROWS(scaler.transform(loom::Dataset({loom::Column::numeric("age", {1})})),
                    loom::SchemaError, "missing: \"income\"");
  CHECK_LOOM_THROWS(scaler.fit(loom::Dataset({loom::Column::numeric("age", {})})), loom::DataError,
                    "0 rows");
}

TEST_CASE("StandardScaler restores its fitted state exactly", "[features][standard_scaler]") {
  Eigen::MatrixXd x(3, 2);
  x << 1, 2, 3, 5, 8, 13;
  StandardScaler scaler;
  scaler.fit(FeatureMatrix(x, {"a", "b"}));
  StandardScaler restored;
  restored.load_fitted_state(scaler.fitted_state());
  CHECK(restored.transform(FeatureMatrix(x, {"a", "b"})).matrix().dense() ==
        scaler.transform(FeatureMatrix(x, {"a", "b"})).matrix().dense());
  CHECK(
      restored.inverse_transform(restored.transform(FeatureMatrix(x, {"a", "b"})).matrix().dense())
          .isApprox(x, 1e-12));
}
