#include "loom/metrics/confusion_matrix.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "loom/core/error.hpp"
#include "metrics_fixture.hpp"

using loom::metrics::confusion_matrix;
using loom::metrics::CountMatrix;

namespace {
CountMatrix counts_from(const nlohmann::json& rows) {
  CountMatrix counts(static_cast<Eigen::Index>(rows.size()),
                     static_cast<Eigen::Index>(rows.size()));
  for (std::size_t row = 0; row < rows.size(); ++row) {
    for (std::size_t column = 0; column < rows[row].size(); ++column)
      counts(static_cast<Eigen::Index>(row), static_cast<Eigen::Index>(column)) =
          rows[row][column].get<std::int64_t>();
  }
  return counts;
}
}  // namespace

TEST_CASE("confusion_matrix matches scikit-learn on the fixtures", "[metrics][confusion_matrix]") {
  for (const std::string fixture : {"core/metrics.json", "metrics/classification.json"}) {
    for (const auto& item : loom::test::cases_with(fixture, "labels")) {
      INFO(item["name"].get<std::string>());
      const auto y_true = loom::test::to_labels(item["y_true"]);
      const auto y_pred = loom::test::to_labels(item["y_pred"]);
      const auto matrix = confusion_matrix(y_true, y_pred);
      CHECK(matrix.labels == loom::test::to_labels(item["labels"]));
      CHECK(matrix.counts == counts_from(item["values"]["confusion_matrix"]));
      CHECK(matrix.total() == static_cast<std::int64_t>(y_true.size()));
    }
  }
}

TEST_CASE("confusion_matrix sorts numeric labels by value", "[metrics][confusion_matrix]") {
  const std::vector<std::string> y_true{"10", "2", "10", "1"};
  const std::vector<std::string> y_pred{"2", "2", "10", "1"};
  const auto matrix = confusion_matrix(y_true, y_pred);
  CHECK(matrix.labels == std::vector<std::string>{"1", "2", "10"});
  CHECK(matrix.counts(2, 1) == 1);  // a true "10" predicted "2"
  CHECK(matrix.index_of("10") == 2);
  CHECK(matrix.index_of("3") == -1);
}

TEST_CASE("confusion_matrix keeps a given label order and drops other labels",
          "[metrics][confusion_matrix]") {
  const std::vector<std::string> y_true{"a", "b", "c", "a"};
  const std::vector<std::string> y_pred{"b", "b", "a", "c"};
  const std::vector<std::string> labels{"b", "a"};
  const auto matrix = confusion_matrix(y_true, y_pred, labels);
  CHECK(matrix.labels == labels);
  CountMatrix expected(2, 2);
  expected << 1, 0, 1, 0;  // rows b, a; the "c" samples are left out
  CHECK(matrix.counts == expected);
}

TEST_CASE("confusion_matrix counts integer codes", "[metrics][confusion_matrix]") {
  const std::vector<std::int32_t> true_codes{0, 1, 2, 2};
  const std::vector<std::int32_t> pred_codes{0, 2, 2, 1};
  const auto matrix = confusion_matrix(true_codes, pred_codes, {"x", "y", "z"});
  CHECK(matrix.counts(1, 2) == 1);
  CHECK(matrix.counts(2, 2) == 1);
  CHECK(matrix.counts(2, 1) == 1);
  CHECK(matrix.counts.trace() == 2);
}

TEST_CASE("confusion_matrix rejects bad inputs naming them", "[metrics][confusion_matrix]") {
  const std::vector<std::string> three{"a", "b", "a"};
  const std::vector<std::string> two{"a", "b"};
  const std::vector<std::string> none;
  CHECK_LOOM_THROWS(confusion_matrix(three, two), loom::DataError,
                    "confusion_matrix: y_true has 3 values but y_pred has 2");
  CHECK_LOOM_THROWS(confusion_matrix(none, none), loom::DataError, "y_true is empty");
  const std::vector<std::string> repeated{"a", "a"};
  CHECK_LOOM_THROWS(confusion_matrix(two, two, repeated), loom::ParameterError,
                    "label \"a\" is listed twice");
  const std::vector<std::string> absent{"z"};
  CHECK_LOOM_THROWS(confusion_matrix(two, two, absent), loom::DataError,
                    "none of the 1 given labels occurs in y_true");
  const std::vector<std::int32_t> codes{0, 3};
  CHECK_LOOM_THROWS(confusion_matrix(codes, codes, {"x", "y"}), loom::DataError,
                    "true_codes[1] = 3 is not a code of the 2 labels");
}
