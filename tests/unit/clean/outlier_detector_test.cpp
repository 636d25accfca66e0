// Outlier detectors against numpy / scikit-learn fixtures (tests/reference/make_clean_outliers.py):
// zscore, iqr and PCAReconstruction to 1e-9, IsolationForest labels on >= 95% of rows.
#include "loom/clean/outlier_detector.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "loom/clean/iqr_detector.hpp"
#include "loom/clean/isolation_forest.hpp"
#include "loom/clean/pca_reconstruction.hpp"
#include "loom/clean/zscore_detector.hpp"

using loom::clean::make_outlier_detector;
using loom::clean::OutlierDetector;

namespace {

const nlohmann::json& outlier_fixture() {
  static const nlohmann::json fixture = loom::test::load_fixture("clean_outliers/outliers.json");
  return fixture;
}

// A case's input: a matrix written inline, or the name of one of the fixture's datasets.
Eigen::MatrixXd input(const nlohmann::json& test_case, const std::string& key) {
  const auto& value = test_case[key];
  if (value.is_string())
    return loom::test::to_matrix(outlier_fixture()["datasets"][value.get<std::string>()]);
  return loom::test::to_matrix(value);
}

std::vector<nlohmann::json> cases_of(const std::string& method) {
  std::vector<nlohmann::json> found;
  for (const auto& test_case : outlier_fixture()["cases"]) {
    if (test_case["method"] == method) found.push_back(test_case);
  }
  REQUIRE(!found.empty());
  return found;
}

Eigen::VectorXi labels_of(const nlohmann::json& values) {
  Eigen::VectorXi labels(static_cast<Eigen::Index>(values.size()));
  for (std::size_t i = 0; i < values.size(); ++i)
    labels(static_cast<Eigen::Index>(i)) = values[i].get<int>();
  return labels;
}

Eigen::VectorXd vector_of(const nlohmann::json& values) {
  const auto v = loom::test::to_vector(values);
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

bool vectors_close(const Eigen::VectorXd& a, const Eigen::VectorXd& b, double tolerance) {
  return loom::test::all_close(a, b, tolerance);
}

double agreement(const Eigen::VectorXi& a, const Eigen::VectorXi& b) {
  REQUIRE(a.size() == b.size());
  return static_cast<double>((a.array() == b.array()).count()) / static_cast<double>(a.size());
}

// The deterministic detectors: scores, offsets and labels as the fixture, on training and
// new rows.
void check_deterministic(const std::string& method, double tolerance) {
  for (const auto& test_case : cases_of(method)) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      auto detector = make_outlier_detector(method);
      detector->set_params(test_case["params"]);
      const Eigen::MatrixXd x = input(test_case, "X");
      const Eigen::VectorXi labels = detector->fit_predict(x);
      CHECK(vectors_close(detector->training_scores(), vector_of(test_case["scores"]), tolerance));
      CHECK(loom::test::close(detector->offset(), test_case["offset"].get<double>(), tolerance));
      CHECK(labels == labels_of(test_case["labels"]));
      const Eigen::MatrixXd x_new = input(test_case, "X_new");
      CHECK(vectors_close(detector->score_samples(x_new), vector_of(test_case["scores_new"]),
                          tolerance));
      CHECK(detector->predict(x_new) == labels_of(test_case["labels_new"]));
      CHECK(vectors_close(
          detector->decision_function(x_new),
          (vector_of(test_case["scores_new"]).array() - detector->offset()).matrix(), tolerance));
    }
  }
}

}  // namespace

TEST_CASE("zscore flags rows whose largest |z| (ddof 0) passes the threshold, as numpy",
          "[clean][outliers][zscore]") {
  check_deterministic("zscore", 1e-9);
  const auto test_case = cases_of("zscore").front();
  loom::clean::ZScoreDetector detector;
  detector.fit(input(test_case, "X"));
  CHECK(vectors_close(detector.mean(), vector_of(test_case["mean"]), 1e-12));
  CHECK(vectors_close(detector.scale(), vector_of(test_case["std"]), 1e-12));
}

TEST_CASE("zscore gives a constant column z = 0", "[clean][outliers][zscore]") {
  Eigen::MatrixXd x(4, 2);
  x << 1, 5, 1, 5, 1, 5, 1, 50;
  loom::clean::ZScoreDetector detector({.threshold = 1.5});
  const Eigen::VectorXi labels = detector.fit_predict(x);
  CHECK(labels == Eigen::Vector4i(1, 1, 1, -1));
  CHECK(detector.training_scores()(3) == Approx(-std::sqrt(3.0)));
}

TEST_CASE("iqr flags rows outside Tukey fences, as numpy percentiles", "[clean][outliers][iqr]") {
  check_deterministic("iqr", 1e-9);
  const auto test_case = cases_of("iqr").front();
  loom::clean::IqrDetector detector;
  detector.fit(input(test_case, "X"));
  CHECK(vectors_close(detector.lower(), vector_of(test_case["lower"]), 1e-12));
  CHECK(vectors_close(detector.upper(), vector_of(test_case["upper"]), 1e-12));
}

TEST_CASE("PCAReconstruction scores minus the squared reconstruction error of sklearn's PCA",
          "[clean][outliers][pca_reconstruction]") {
  check_deterministic("PCAReconstruction", 1e-8);
  for (const auto& test_case : cases_of("PCAReconstruction")) {
    loom::clean::PCAReconstruction detector;
    detector.set_params(test_case["params"]);
    detector.fit(input(test_case, "X"));
    CHECK(detector.n_components() == test_case["n_components_"].get<Eigen::Index>());
  }
}

TEST_CASE("IsolationForest labels agree with scikit-learn on at least 95% of rows",
          "[clean][outliers][isolation_forest]") {
  for (const auto& test_case : cases_of("IsolationForest")) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      loom::clean::IsolationForest forest;
      forest.set_params(test_case["params"]);
      const Eigen::MatrixXd x = input(test_case, "X");
      const Eigen::VectorXi labels = forest.fit_predict(x);
      CHECK(forest.max_samples() == std::min<Eigen::Index>(256, x.rows()));
      CHECK(forest.trees().size() == 100u);
      CHECK(agreement(labels, labels_of(test_case["labels"])) >= 0.95);
      // Scores: the same scale and ranking as scikit-learn's, up to the forests' randomness.
      const Eigen::VectorXd expected = vector_of(test_case["scores"]);
      const Eigen::VectorXd& actual = forest.training_scores();
      CHECK((actual - expected).cwiseAbs().mean() < 0.02);
      const double correlation =
          ((actual.array() - actual.mean()) * (expected.array() - expected.mean())).sum() /
          std::sqrt((actual.array() - actual.mean()).square().sum() *
                    (expected.array() - expected.mean()).square().sum());
      CHECK(correlation > 0.95);
      if (test_case["params"]["contamination"].is_number()) {
        CHECK((labels.array() == -1).count() ==
              (labels_of(test_case["labels"]).array() == -1).count());
        CHECK(forest.offset() == Approx(test_case["offset"].get<double>()).margin(0.02));
      } else {
        CHECK(forest.offset() == -0.5);
      }
    }
  }
}

TEST_CASE("IsolationForest is reproducible with random_state and varies without it",
          "[clean][outliers][isolation_forest]") {
  const Eigen::MatrixXd x = input(cases_of("IsolationForest").front(), "X");
  loom::clean::IsolationForest first({.random_state = 7});
  loom::clean::IsolationForest second({.random_state = 7});
  first.fit(x);
  second.fit(x);
  CHECK(first.training_scores() == second.training_scores());
  loom::clean::IsolationForest other({.random_state = 8});
  other.fit(x);
  CHECK(first.training_scores() != other.training_scores());
  // Scores of new rows use the same trees.
  CHECK(first.score_samples(x) == first.training_scores());
}

TEST_CASE("IsolationForest path lengths follow scikit-learn's c(n)",
          "[clean][outliers][isolation_forest]") {
  CHECK(loom::clean::average_path_length(1) == 0.0);
  CHECK(loom::clean::average_path_length(2) == 1.0);
  // 2 (ln 255 + gamma) - 2 * 255 / 256, as sklearn's _average_path_length([256]).
  CHECK(loom::clean::average_path_length(256) == Approx(10.244770920119917).epsilon(1e-14));
}

TEST_CASE("IsolationForest honours max_samples, max_features and bootstrap",
          "[clean][outliers][isolation_forest]") {
  const Eigen::MatrixXd x = input(cases_of("IsolationForest").front(), "X");
  loom::clean::IsolationForest forest({.n_estimators = 10,
                                       .max_samples = 0.5,
                                       .max_features = 0.5,
                                       .bootstrap = true,
                                       .random_state = 0});
  forest.fit(x);
  CHECK(forest.max_samples() == x.rows() / 2);
  for (const auto& tree : forest.trees()) {
    CHECK(tree.n_samples.front() == x.rows() / 2);
    CHECK(tree.features.size() == static_cast<std::size_t>(x.cols() / 2));
  }
  loom::clean::IsolationForest capped({.max_samples = 100000, .random_state = 0});
  capped.fit(x);
  CHECK(capped.max_samples() == x.rows());
}

TEST_CASE("Outlier detectors name the culprit of bad input and parameters",
          "[clean][outliers][errors]") {
  Eigen::MatrixXd x = Eigen::MatrixXd::Random(20, 2);
  SECTION("a NaN names its column and row") {
    x(4, 1) = std::nan("");
    for (const auto& method : loom::clean::outlier_detector_methods()) {
      auto detector = make_outlier_detector(method);
      CHECK_LOOM_THROWS(detector->fit(x, {"height", "weight"}), loom::DataError,
                        "column \"weight\" has a missing value (NaN) at row 4");
    }
  }
  SECTION("empty input") {
    CHECK_LOOM_THROWS(make_outlier_detector("zscore")->fit(Eigen::MatrixXd(0, 2)), loom::DataError,
                      "at least one row");
  }
  SECTION("an unknown method lists the known ones") {
    CHECK_LOOM_THROWS(make_outlier_detector("OneClassSVM"), loom::ParameterError,
                      "unknown outlier detection method \"OneClassSVM\" (methods: IsolationForest");
  }
  SECTION("out-of-range parameters") {
    loom::clean::ZScoreDetector zscore({.threshold = -1});
    CHECK_LOOM_THROWS(zscore.fit(x), loom::ParameterError, "zscore: parameter threshold = -1.0");
    loom::clean::IqrDetector iqr({.k = -0.5});
    CHECK_LOOM_THROWS(iqr.fit(x), loom::ParameterError, "parameter k = -0.5 must be >= 0");
    loom::clean::IsolationForest forest({.contamination = 0.7});
    CHECK_LOOM_THROWS(
        forest.fit(x), loom::ParameterError,
        "IsolationForest: parameter contamination = 0.7 must be \"auto\" or a number");
    loom::clean::IsolationForest samples({.max_samples = "all"});
    CHECK_LOOM_THROWS(samples.fit(x), loom::ParameterError, "parameter max_samples = \"all\"");
    loom::clean::PCAReconstruction pca({.n_components = 3});
    CHECK_LOOM_THROWS(pca.fit(x), loom::ParameterError,
                      "n_components = 3 must be <= min(n_rows, n_columns) = 2");
    loom::clean::PCAReconstruction share({.n_components = 1.5});
    CHECK_LOOM_THROWS(share.fit(x), loom::ParameterError, "parameter n_components = 1.5");
  }
  SECTION("unknown parameters and wrong types") {
    auto detector = make_outlier_detector("IsolationForest");
    CHECK_LOOM_THROWS(detector->set_param("n_trees", 5), loom::ParameterError,
                      "IsolationForest: unknown parameter \"n_trees\"");
    CHECK_LOOM_THROWS(detector->set_param("n_estimators", "many"), loom::ParameterError,
                      "n_estimators = \"many\" must be an integer");
    CHECK_LOOM_THROWS(detector->set_params(nlohmann::json::array()), loom::ParameterError,
                      "params must be a JSON object");
  }
  SECTION("use before fit and a column count that differs from fit") {
    auto detector = make_outlier_detector("iqr");
    CHECK_LOOM_THROWS(detector->training_scores(), loom::NotFittedError, "iqr: training_scores");
    CHECK_LOOM_THROWS(detector->predict(x), loom::NotFittedError, "before fit");
    detector->fit(x);
    CHECK_LOOM_THROWS(detector->predict(Eigen::MatrixXd::Zero(3, 5)), loom::DataError,
                      "input has 5 columns, fitted on 2");
  }
}
