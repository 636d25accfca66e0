// Error analysis and fairness summaries on small hand-counted examples.
#include <catch2/catch.hpp>
#include <cmath>

#include "check_throws.hpp"
#include "loom/core/error.hpp"
#include "loom/tuning/error_analysis.hpp"
#include "loom/tuning/fairness.hpp"

using namespace loom;
using namespace loom::tuning;

TEST_CASE("top_confusions counts wrong pairs, most frequent first", "[tuning][error_analysis]") {
  const std::vector<std::string> y_true = {"a", "a", "a", "b", "b", "c", "c", "c", "a"};
  const std::vector<std::string> y_pred = {"b", "b", "a", "a", "b", "a", "b", "a", "c"};
  const auto confusions = top_confusions(y_true, y_pred, 3);
  REQUIRE(confusions.size() == 3);
  CHECK(confusions[0].true_label == "a");
  CHECK(confusions[0].predicted_label == "b");
  CHECK(confusions[0].count == 2);
  CHECK(confusions[1].true_label == "c");
  CHECK(confusions[1].predicted_label == "a");
  CHECK(confusions[1].count == 2);
  CHECK(confusions[2].true_label == "a");
  CHECK(confusions[2].predicted_label == "c");
  CHECK(confusions[2].count == 1);
  CHECK_LOOM_THROWS(top_confusions(y_true, std::vector<std::string>{"a"}), DataError,
                    "y_true has 9 values but y_pred 1");
}

TEST_CASE("error_rate_by_slice finds where errors concentrate", "[tuning][error_analysis]") {
  const std::vector<std::string> y_true = {"1", "1", "0", "0", "1", "0"};
  const std::vector<std::string> y_pred = {"1", "0", "0", "1", "0", "0"};
  const auto city = Column::categorical_from_values(
      "city", {std::string("paris"), std::string("rome"), std::string("paris"), std::string("rome"),
               std::nullopt, std::string("paris")});
  const auto by_city = error_rate_by_slice(city, y_true, y_pred);
  REQUIRE(by_city.size() == 3);
  CHECK(by_city[0].slice == "paris");
  CHECK(by_city[0].count == 3);
  CHECK(by_city[0].errors == 0);
  CHECK(by_city[1].slice == "rome");
  CHECK(by_city[1].error_rate == 1.0);
  CHECK(by_city[2].slice == "missing");
  CHECK(by_city[2].errors == 1);
  const auto age = Column::numeric("age", {10, 20, 30, 40, std::nan(""), 50});
  const auto by_age = error_rate_by_slice(age, y_true, y_pred, 2);
  REQUIRE(by_age.size() == 3);
  CHECK(by_age[0].slice == "[10, 30)");
  CHECK(by_age[0].count == 2);
  CHECK(by_age[0].error_rate == 0.5);
  CHECK(by_age[1].slice == "[30, 50]");
  CHECK(by_age[1].count == 3);
  CHECK(by_age[1].errors == 1);
  CHECK(by_age[2].slice == "missing");
  CHECK_LOOM_THROWS(error_rate_by_slice(age, y_true, y_pred, 0), ParameterError, "n_bins = 0");
  CHECK_LOOM_THROWS(error_rate_by_slice(Column::numeric("short", {1.0}), y_true, y_pred), DataError,
                    "column \"short\" has 1 rows");
}

TEST_CASE("fairness_report gives per-group rates and parity gaps", "[tuning][fairness]") {
  // Group m: 4 rows, truth 1 1 0 0, predicted 1 0 1 0 -> selection 0.5, TPR 0.5, FPR 0.5.
  // Group f: 4 rows, truth 1 1 0 0, predicted 1 1 0 0 -> selection 0.5, TPR 1, FPR 0.
  // Group x: 2 rows, truth 0 0, predicted 1 1 -> selection 1, TPR undefined, FPR 1.
  const std::vector<std::string> y_true = {"1", "1", "0", "0", "1", "1", "0", "0", "0", "0"};
  const std::vector<std::string> y_pred = {"1", "0", "1", "0", "1", "1", "0", "0", "1", "1"};
  const std::vector<std::string> group = {"m", "m", "m", "m", "f", "f", "f", "f", "x", "x"};
  const auto report = fairness_report(y_true, y_pred, group);
  REQUIRE(report.groups.size() == 3);
  CHECK(report.groups[0].group == "f");
  CHECK(report.groups[0].true_positive_rate == 1.0);
  CHECK(report.groups[0].false_positive_rate == 0.0);
  CHECK(report.groups[1].group == "m");
  CHECK(report.groups[1].selection_rate == 0.5);
  CHECK(std::isnan(report.groups[2].true_positive_rate));
  CHECK(report.groups[2].selection_rate == 1.0);
  CHECK(report.groups[2].false_positive_rate == 1.0);
  CHECK(report.demographic_parity_difference == 0.5);
  CHECK(report.demographic_parity_ratio == 0.5);
  CHECK(report.equalized_odds_difference == 1.0);  // FPR spread 0 .. 1
  const std::vector<std::string> three = {"a", "b", "c"};
  CHECK_LOOM_THROWS(fairness_report(three, three, three), DataError, "needs binary labels");
  CHECK_LOOM_THROWS(fairness_report(y_true, y_pred, three), DataError, "groups 3");
}
