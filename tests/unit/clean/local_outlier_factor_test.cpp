// LocalOutlierFactor against scikit-learn 1.2 (tests/reference/make_clean_outliers.py): the
// negative outlier factors to 1e-9 where no distances tie, labels on >= 95% of rows of the
// real wine subset, and scikit-learn's novelty score for new rows.
#include "loom/clean/local_outlier_factor.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "fixtures.hpp"

namespace {

const nlohmann::json& outlier_fixture() {
  static const nlohmann::json fixture = loom::test::load_fixture("clean_outliers/outliers.json");
  return fixture;
}

Eigen::MatrixXd dataset(const nlohmann::json& name) {
  return loom::test::to_matrix(outlier_fixture()["datasets"][name.get<std::string>()]);
}

Eigen::VectorXd vector_of(const nlohmann::json& values) {
  const auto v = loom::test::to_vector(values);
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

}  // namespace

TEST_CASE("LocalOutlierFactor matches scikit-learn's negative_outlier_factor_ and labels",
          "[clean][outliers][lof]") {
  const auto& cases = outlier_fixture()["cases"];
  for (const auto& test_case : cases) {
    if (test_case["method"] != "LocalOutlierFactor") continue;
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      loom::clean::LocalOutlierFactor lof;
      lof.set_params(test_case["params"]);
      const Eigen::MatrixXd x = dataset(test_case["X"]);
      const Eigen::VectorXi labels = lof.fit_predict(x);
      const Eigen::VectorXd expected = vector_of(test_case["scores"]);
      Eigen::VectorXi expected_labels(labels.size());
      for (Eigen::Index i = 0; i < labels.size(); ++i)
        expected_labels(i) = test_case["labels"][static_cast<std::size_t>(i)].get<int>();
      const double agreement =
          static_cast<double>((labels.array() == expected_labels.array()).count()) /
          static_cast<double>(labels.size());
      if (test_case["X"] == "synthetic") {
        // Continuous data without distance ties: the same neighbours, so the same numbers.
        CHECK(loom::test::all_close(lof.negative_outlier_factor(), expected, 1e-9));
        CHECK(loom::test::close(lof.offset(), test_case["offset"].get<double>(), 1e-9));
        CHECK(labels == expected_labels);
      } else {
        // The wine data repeats rows: neighbours tied at the k-th distance may differ.
        CHECK(agreement >= 0.95);
        const Eigen::ArrayXd difference = (lof.negative_outlier_factor() - expected).array().abs();
        CHECK((difference < 1e-9).count() >= static_cast<Eigen::Index>(0.9 * x.rows()));
      }
    }
  }
}

TEST_CASE("LocalOutlierFactor scores new rows as scikit-learn's novelty mode",
          "[clean][outliers][lof]") {
  Eigen::MatrixXd x(6, 1);
  x << 0, 1, 2, 3, 4, 20;
  loom::clean::LocalOutlierFactor lof({.n_neighbors = 2});
  const Eigen::VectorXi labels = lof.fit_predict(x);
  CHECK(labels(5) == -1);
  CHECK(lof.n_neighbors() == 2);
  // Scoring the training rows as new rows counts each row among its own neighbours, so a
  // point's score on itself differs from negative_outlier_factor_ but stays finite.
  Eigen::MatrixXd queries(2, 1);
  queries << 2.5, 50;
  const Eigen::VectorXd scores = lof.score_samples(queries);
  CHECK(scores(0) > -1.5);
  CHECK(scores(1) < -1.5);
  CHECK(lof.predict(queries) == Eigen::Vector2i(1, -1));
}

TEST_CASE("LocalOutlierFactor caps n_neighbors and rejects too few rows",
          "[clean][outliers][lof][errors]") {
  Eigen::MatrixXd x(4, 2);
  x << 0, 0, 1, 0, 0, 1, 1, 1;
  loom::clean::LocalOutlierFactor lof;
  lof.fit(x);
  CHECK(lof.n_neighbors() == 3);
  CHECK(lof.negative_outlier_factor().isApprox(-Eigen::VectorXd::Ones(4), 1e-9));
  loom::clean::LocalOutlierFactor single;
  CHECK_LOOM_THROWS(single.fit(Eigen::MatrixXd::Zero(1, 2)), loom::DataError,
                    "LocalOutlierFactor: fit needs at least 2 rows");
  loom::clean::LocalOutlierFactor bad({.n_neighbors = 0});
  CHECK_LOOM_THROWS(bad.fit(x), loom::ParameterError, "n_neighbors = 0 must be >= 1");
  loom::clean::LocalOutlierFactor contamination({.contamination = "high"});
  CHECK_LOOM_THROWS(contamination.fit(x), loom::ParameterError,
                    "parameter contamination = \"high\" must be \"auto\" or a number in (0, 0.5]");
}
