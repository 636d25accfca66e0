#include "loom/metrics/regression.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "check_throws.hpp"
#include "loom/core/error.hpp"
#include "metrics_fixture.hpp"

namespace metrics = loom::metrics;

TEST_CASE("regression metrics match scikit-learn", "[metrics][regression]") {
  for (const std::string fixture : {"core/metrics.json", "metrics/regression.json"}) {
    for (const auto& item : loom::test::fixture_cases(fixture)) {
      if (item.contains("labels")) continue;
      INFO(item["name"].get<std::string>());
      const auto y_true = loom::test::to_vector(item["y_true"]);
      const auto y_pred = loom::test::to_vector(item["y_pred"]);
      const auto& values = item["values"];
      CHECK_METRIC(metrics::r2_score(y_true, y_pred), values["r2"]);
      CHECK_METRIC(metrics::mean_absolute_error(y_true, y_pred), values["mean_absolute_error"]);
      CHECK_METRIC(metrics::mean_squared_error(y_true, y_pred), values["mean_squared_error"]);
      CHECK_METRIC(metrics::root_mean_squared_error(y_true, y_pred),
                   values["root_mean_squared_error"]);
      CHECK_METRIC(metrics::median_absolute_error(y_true, y_pred), values["median_absolute_error"]);
      CHECK_METRIC(metrics::explained_variance_score(y_true, y_pred), values["explained_variance"]);
    }
  }
}

TEST_CASE("regression metrics reject bad inputs naming the culprit", "[metrics][regression]") {
  const std::vector<double> three{1.0, 2.0, 3.0};
  const std::vector<double> two{1.0, 2.0};
  const std::vector<double> none;
  const std::vector<double> with_nan{1.0, 2.0, std::numeric_limits<double>::quiet_NaN()};
  const std::vector<double> with_infinity{std::numeric_limits<double>::infinity(), 2.0, 3.0};
  CHECK_LOOM_THROWS(metrics::r2_score(three, two), loom::DataError,
                    "r2_score: y_true has 3 values but y_pred has 2");
  CHECK_LOOM_THROWS(metrics::mean_absolute_error(none, none), loom::DataError,
                    "mean_absolute_error: y_true is empty");
  CHECK_LOOM_THROWS(metrics::mean_squared_error(three, with_nan), loom::DataError,
                    "mean_squared_error: y_pred[2] is NaN");
  CHECK_LOOM_THROWS(metrics::median_absolute_error(with_nan, three), loom::DataError,
                    "median_absolute_error: y_true[2] is NaN");
  CHECK_LOOM_THROWS(metrics::explained_variance_score(with_infinity, three), loom::DataError,
                    "y_true[0] is infinite");
  CHECK_LOOM_THROWS(metrics::root_mean_squared_error(two, three), loom::DataError,
                    "root_mean_squared_error: y_true has 2 values");
}
