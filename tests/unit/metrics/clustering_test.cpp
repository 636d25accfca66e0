#include "loom/metrics/clustering.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "check_throws.hpp"
#include "loom/core/error.hpp"
#include "metrics_fixture.hpp"

namespace {
std::vector<int> ints(const nlohmann::json& values) {
  std::vector<int> result;
  for (const auto& value : values)
    result.push_back(value.get<int>());
  return result;
}
}  // namespace

TEST_CASE("silhouette_score matches scikit-learn to 1e-12", "[metrics][clustering]") {
  int checked = 0;
  for (const auto& test_case :
       loom::test::fixture_cases("models_cluster/clustering_metrics.json")) {
    if (test_case["kind"] != "silhouette") continue;
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      const Eigen::MatrixXd x = loom::test::to_matrix(test_case["x"]);
      const auto labels = ints(test_case["labels"]);
      const double expected = test_case["silhouette"].get<double>();
      CHECK(std::abs(loom::metrics::silhouette_score(x, labels) - expected) <= 1e-12);
    }
    ++checked;
  }
  CHECK(checked == 3);
}

TEST_CASE("silhouette_samples gives 0 to a row alone in its cluster", "[metrics][clustering]") {
  Eigen::MatrixXd x(4, 1);
  x << 0.0, 1.0, 10.0, 30.0;
  const std::vector<int> labels{0, 0, 1, -1};
  const Eigen::VectorXd samples = loom::metrics::silhouette_samples(x, labels);
  // Row 0: a = 1, b = min(10, 30) = 10 -> 0.9; rows 2 and 3 are alone.
  CHECK(samples(0) == Approx(0.9).epsilon(1e-15));
  CHECK(samples(1) == Approx((9.0 - 1.0) / 9.0).epsilon(1e-15));
  CHECK(samples(2) == 0.0);
  CHECK(samples(3) == 0.0);
}

TEST_CASE("adjusted_rand_score matches scikit-learn to 1e-12", "[metrics][clustering]") {
  int checked = 0;
  for (const auto& test_case :
       loom::test::fixture_cases("models_cluster/clustering_metrics.json")) {
    if (test_case["kind"] != "adjusted_rand") continue;
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      const auto a = ints(test_case["labels_true"]);
      const auto b = ints(test_case["labels_pred"]);
      const double expected = test_case["adjusted_rand"].get<double>();
      CHECK(std::abs(loom::metrics::adjusted_rand_score(a, b) - expected) <= 1e-12);
      std::vector<std::string> sa, sb;
      for (int v : a)
        sa.push_back("c" + std::to_string(v));
      for (int v : b)
        sb.push_back(std::to_string(v * 3));
      CHECK(std::abs(loom::metrics::adjusted_rand_score(sa, sb) - expected) <= 1e-12);
    }
    ++checked;
  }
  CHECK(checked == 7);
}

TEST_CASE("adjusted_rand_score counts pairs exactly beyond 64-bit products",
          "[metrics][clustering]") {
  // 200,000 rows: n^2 * n^2 overflows 64 bits; identical partitions still give exactly 1 and
  // a renamed copy as well.
  std::vector<int> a(200000), b(200000);
  for (std::size_t i = 0; i < a.size(); ++i) {
    a[i] = static_cast<int>(i % 7);
    b[i] = static_cast<int>((i % 7) * 11 + 3);
  }
  CHECK(loom::metrics::adjusted_rand_score(a, b) == 1.0);
  b[0] = 14;  // row 0 (class 0) moves to class 1's label: just below 1
  const double score = loom::metrics::adjusted_rand_score(a, b);
  CHECK(score < 1.0);
  CHECK(score > 0.9999);
}

TEST_CASE("clustering metrics reject bad input, naming it", "[metrics][clustering]") {
  Eigen::MatrixXd x(3, 2);
  x << 0, 1, 2, 3, 4, 5;
  const std::vector<int> one{0, 0, 0}, all{0, 1, 2}, short_labels{0, 1};
  CHECK_LOOM_THROWS(loom::metrics::silhouette_score(x, one), loom::DataError,
                    "number of labels is 1");
  CHECK_LOOM_THROWS(loom::metrics::silhouette_score(x, all), loom::DataError,
                    "number of labels is 3");
  CHECK_LOOM_THROWS(loom::metrics::silhouette_score(x, short_labels), loom::DataError,
                    "labels has 2");
  x(1, 1) = std::nan("");
  CHECK_LOOM_THROWS(loom::metrics::silhouette_score(x, std::vector<int>{0, 0, 1}), loom::DataError,
                    "row 1, column 1");
  CHECK_LOOM_THROWS(loom::metrics::adjusted_rand_score(one, short_labels), loom::DataError,
                    "labels_pred has 2");
  CHECK_LOOM_THROWS(loom::metrics::adjusted_rand_score(std::vector<int>{}, std::vector<int>{}),
                    loom::DataError, "empty");
}
