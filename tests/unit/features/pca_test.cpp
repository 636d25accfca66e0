#include "loom/features/pca.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "check_throws.hpp"
#include "extraction_support.hpp"
#include "loom/features/truncated_svd.hpp"

using loom::FeatureMatrix;
using loom::features::PCA;
using loom::features::TruncatedSVD;

namespace {

std::vector<std::string> names_for(Eigen::Index n) {
  std::vector<std::string> names;
  for (Eigen::Index j = 0; j < n; ++j)
    names.push_back("x" + std::to_string(j));
  return names;
}

// scikit-learn 1.2 picks signs from U: compare each row up to sign, and check loom's own
// convention (largest |entry| positive).
bool rows_match_up_to_sign(const Eigen::MatrixXd& actual, const Eigen::MatrixXd& expected,
                           double tolerance, Eigen::VectorXd* signs = nullptr) {
  if (actual.rows() != expected.rows() || actual.cols() != expected.cols()) return false;
  if (signs) signs->resize(actual.rows());
  for (Eigen::Index i = 0; i < actual.rows(); ++i) {
    const double sign = actual.row(i).dot(expected.row(i)) < 0 ? -1.0 : 1.0;
    if (signs) (*signs)(i) = sign;
    if (!loom::test::all_close(actual.row(i), sign * expected.row(i), tolerance)) return false;
    Eigen::Index largest = 0;
    actual.row(i).cwiseAbs().maxCoeff(&largest);
    if (actual(i, largest) < 0) return false;
  }
  return true;
}

bool vector_close(const Eigen::VectorXd& actual, const nlohmann::json& expected, double tolerance) {
  return loom::test::all_close(
      actual,
      Eigen::Map<const Eigen::VectorXd>(loom::test::to_vector(expected).data(),
                                        static_cast<Eigen::Index>(expected.size())),
      tolerance);
}

}  // namespace

TEST_CASE("PCA matches scikit-learn up to sign", "[features][pca]") {
  const auto fixture = loom::test::load_fixture("features_extraction/pca.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      const bool randomized = test_case["name"] == "randomized";
      const double tolerance = randomized ? 1e-6 : 1e-9;
      const Eigen::MatrixXd x = loom::test::to_matrix(test_case["X"]);
      const auto names = names_for(x.cols());
      PCA pca;
      pca.set_params(test_case["params"]);
      pca.fit(FeatureMatrix(x, names));
      CHECK(pca.n_components() == test_case["n_components"].get<Eigen::Index>());
      Eigen::VectorXd signs;
      CHECK(rows_match_up_to_sign(pca.components(), loom::test::to_matrix(test_case["components"]),
                                  tolerance, &signs));
      CHECK(vector_close(pca.mean(), test_case["mean"], 1e-12));
      CHECK(vector_close(pca.explained_variance(), test_case["explained_variance"], tolerance));
      CHECK(vector_close(pca.explained_variance_ratio(), test_case["explained_variance_ratio"],
                         tolerance));
      CHECK(vector_close(pca.singular_values(), test_case["singular_values"], tolerance));
      CHECK(loom::test::close(pca.noise_variance(), test_case["noise_variance"].get<double>(),
                              tolerance));
      const Eigen::MatrixXd x_new = loom::test::to_matrix(test_case["X_new"]);
      const Eigen::MatrixXd scores = pca.transform(FeatureMatrix(x_new, names)).matrix().dense();
      const Eigen::MatrixXd expected_scores = loom::test::to_matrix(test_case["transformed_new"]);
      if (signs.size() == scores.cols()) {
        CHECK(loom::test::all_close(scores, expected_scores * signs.asDiagonal(), tolerance));
      }
      CHECK(loom::test::all_close(pca.inverse_transform(scores),
                                  loom::test::to_matrix(test_case["inverse"]), tolerance));
      CHECK(pca.feature_names_out().front() == "pca0");
      PCA restored(pca.params());
      restored.load_fitted_state(pca.fitted_state());
      CHECK(restored.transform(FeatureMatrix(x_new, names)).matrix().dense() == scores);
    }
  }
}

TEST_CASE("PCA chooses its solver as scikit-learn 1.2", "[features][pca]") {
  // A decaying spectrum, where the randomized solver converges.
  Eigen::VectorXd scales(20);
  for (Eigen::Index j = 0; j < 20; ++j)
    scales(j) = std::pow(0.6, static_cast<double>(j));
  const Eigen::MatrixXd x = Eigen::MatrixXd::Random(600, 20) * scales.asDiagonal();
  PCA full;
  full.fit(FeatureMatrix(x, names_for(20)));
  CHECK(full.fit_svd_solver() == "full");
  PCA randomized({.n_components = 3, .random_state = 1});
  randomized.fit(FeatureMatrix(x, names_for(20)));
  CHECK(randomized.fit_svd_solver() == "randomized");
  // The randomized result agrees with the exact one on the top components.
  PCA exact({.n_components = 3, .svd_solver = "full"});
  exact.fit(FeatureMatrix(x, names_for(20)));
  CHECK(loom::test::all_close(randomized.explained_variance(), exact.explained_variance(), 1e-3));
}

TEST_CASE("PCA names its problems", "[features][pca][errors]") {
  PCA pca({.n_components = 5});
  pca.set_name("pca");
  Eigen::MatrixXd x = Eigen::MatrixXd::Random(4, 3);
  CHECK_LOOM_THROWS(pca.fit(FeatureMatrix(x, names_for(3))), loom::ParameterError,
                    "n_components = 5");
  CHECK_LOOM_THROWS(pca.transform(FeatureMatrix(x, names_for(3))), loom::NotFittedError,
                    "PCA \"pca\"");
  PCA sparse;
  CHECK_LOOM_THROWS(sparse.fit(FeatureMatrix(loom::SparseMatrix(x.sparseView()), names_for(3))),
                    loom::DataError, "TruncatedSVD");
  PCA one_row;
  CHECK_LOOM_THROWS(one_row.fit(FeatureMatrix(Eigen::MatrixXd::Ones(1, 3), names_for(3))),
                    loom::DataError, "at least 2 rows");
  PCA missing;
  x(1, 1) = std::numeric_limits<double>::quiet_NaN();
  CHECK_LOOM_THROWS(missing.fit(FeatureMatrix(x, names_for(3))), loom::DataError, "x1");
  PCA fraction({.n_components = 1.5});
  CHECK_LOOM_THROWS(fraction.fit(FeatureMatrix(Eigen::MatrixXd::Random(4, 3), names_for(3))),
                    loom::ParameterError, "n_components");
}

TEST_CASE("TruncatedSVD matches scikit-learn on sparse and dense input",
          "[features][truncated_svd]") {
  const auto fixture = loom::test::load_fixture("features_extraction/truncated_svd.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      const Eigen::MatrixXd x = loom::test::to_matrix(test_case["X"]);
      const auto names = names_for(x.cols());
      const loom::Table input =
          test_case["sparse"].get<bool>()
              ? loom::Table(FeatureMatrix(loom::SparseMatrix(x.sparseView()), names))
              : loom::Table(FeatureMatrix(x, names));
      TruncatedSVD svd({.n_components = 3, .random_state = 0});
      const loom::Table output = svd.fit_transform(input, nullptr);
      Eigen::VectorXd signs;
      CHECK(rows_match_up_to_sign(svd.components(), loom::test::to_matrix(test_case["components"]),
                                  1e-6, &signs));
      CHECK(vector_close(svd.explained_variance(), test_case["explained_variance"], 1e-6));
      CHECK(vector_close(svd.explained_variance_ratio(), test_case["explained_variance_ratio"],
                         1e-6));
      CHECK(vector_close(svd.singular_values(), test_case["singular_values"], 1e-6));
      CHECK(loom::test::all_close(
          output.matrix().dense(),
          loom::test::to_matrix(test_case["transformed"]) * signs.asDiagonal(), 1e-6));
      CHECK(svd.feature_names_out() ==
            std::vector<std::string>{"truncatedsvd0", "truncatedsvd1", "truncatedsvd2"});
      TruncatedSVD restored;
      restored.load_fitted_state(svd.fitted_state());
      CHECK(restored.transform(input).matrix().dense() == output.matrix().dense());
    }
  }
  TruncatedSVD too_many({.n_components = 20});
  CHECK_LOOM_THROWS(too_many.fit(FeatureMatrix(Eigen::MatrixXd::Random(5, 4), names_for(4))),
                    loom::ParameterError, "n_components = 20");
}
