#include "loom/features/k_bins_discretizer.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "encoding_fixtures.hpp"
#include "loom/core/registry.hpp"

using loom::FeatureMatrix;
using loom::features::KBinsDiscretizer;

namespace {
std::vector<std::string> first_names(std::size_t n) {
  const std::vector<std::string> all{"a", "b", "c", "d"};
  return {all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n)};
}
}  // namespace

TEST_CASE("KBinsDiscretizer matches scikit-learn's bin edges and encodings", "[features][k_bins]") {
  const auto fixture = loom::test::load_fixture("features_encoding/k_bins_discretizer.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      const Eigen::MatrixXd x = loom::test::to_matrix(test_case["X"]);
      const auto names = first_names(static_cast<std::size_t>(x.cols()));
      auto step = loom::make_step(
          {{"name", "bins"}, {"type", "KBinsDiscretizer"}, {"params", test_case["params"]}});
      auto& discretizer = dynamic_cast<KBinsDiscretizer&>(*step);
      const loom::Table output = discretizer.fit_transform(FeatureMatrix(x, names), nullptr);
      CHECK(discretizer.n_bins() == test_case["n_bins"].get<std::vector<int>>());
      for (std::size_t j = 0; j < names.size(); ++j) {
        const auto& expected = test_case["bin_edges"][j];
        const auto& actual = discretizer.bin_edges()[j];
        if (expected.empty()) {
          CHECK(actual == std::vector<double>{-INFINITY, INFINITY});
          continue;
        }
        REQUIRE(actual.size() == expected.size());
        for (std::size_t k = 0; k < actual.size(); ++k)
          CHECK(loom::test::close(actual[k], expected[k].get<double>(), 1e-9));
      }
      CHECK(discretizer.feature_names_out() ==
            loom::test::to_strings(test_case["feature_names_out"]));
      CHECK(output.is_sparse() == test_case["sparse"].get<bool>());
      CHECK(output.matrix().to_dense() == loom::test::to_matrix(test_case["transformed"]));
      const Eigen::MatrixXd x_new = loom::test::to_matrix(test_case["X_new"]);
      CHECK(discretizer.transform(FeatureMatrix(x_new, names)).matrix().to_dense() ==
            loom::test::to_matrix(test_case["transformed_new"]));
      KBinsDiscretizer restored(discretizer.params());
      restored.load_fitted_state(nlohmann::json::parse(discretizer.fitted_state().dump()));
      CHECK(restored.bin_edges() == discretizer.bin_edges());
      CHECK(restored.transform(FeatureMatrix(x_new, names)).matrix().to_dense() ==
            loom::test::to_matrix(test_case["transformed_new"]));
    }
  }
}

TEST_CASE("KBinsDiscretizer names the problem in bad input", "[features][k_bins][errors]") {
  Eigen::MatrixXd x(3, 2);
  x << 1, 2, std::nan(""), 3, 4, 5;
  KBinsDiscretizer discretizer;
  discretizer.set_name("bins");
  CHECK_LOOM_THROWS(discretizer.fit(FeatureMatrix(x, {"p", "q"})), loom::DataError,
                    "column \"p\" has a missing value (NaN) at row 1");
  CHECK_LOOM_THROWS(discretizer.transform(FeatureMatrix(x, {"p", "q"})), loom::NotFittedError,
                    "KBinsDiscretizer \"bins\"");
  KBinsDiscretizer kmeans({.n_bins = 4, .strategy = "kmeans"});
  CHECK_LOOM_THROWS(kmeans.fit(FeatureMatrix(Eigen::MatrixXd::Random(3, 1), {"p"})),
                    loom::DataError, "column \"p\" has 3 rows, fewer than its 4 bins");
  KBinsDiscretizer one_bin({.n_bins = 1});
  CHECK_LOOM_THROWS(one_bin.fit(FeatureMatrix(Eigen::MatrixXd::Random(3, 1), {"p"})),
                    loom::ParameterError, "n_bins");
  KBinsDiscretizer wrong_count({.n_bins = {2, 3, 4}});
  CHECK_LOOM_THROWS(wrong_count.fit(FeatureMatrix(Eigen::MatrixXd::Random(3, 2), {"p", "q"})),
                    loom::ParameterError, "n_bins has 3 values for 2 features");
  KBinsDiscretizer subsampled({.subsample = 100});
  CHECK_LOOM_THROWS(subsampled.fit(FeatureMatrix(Eigen::MatrixXd::Random(3, 1), {"p"})),
                    loom::ParameterError, "subsample");
  CHECK_LOOM_THROWS(
      KBinsDiscretizer().fit(loom::Dataset({loom::Column::categorical_from_values("c", {"a"})})),
      loom::DataError, "\"c\"");
}
