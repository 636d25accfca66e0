#include "loom/metrics/log_loss.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "check_throws.hpp"
#include "loom/core/error.hpp"
#include "metrics_fixture.hpp"

namespace metrics = loom::metrics;

TEST_CASE("binary log_loss matches scikit-learn", "[metrics][log_loss]") {
  for (const std::string fixture : {"core/metrics.json", "metrics/classification.json"}) {
    for (const auto& item : loom::test::cases_with(fixture, "labels")) {
      if (item["y_score"].is_null()) continue;
      INFO(item["name"].get<std::string>());
      const auto y_true = loom::test::to_labels(item["y_true"]);
      const auto labels = loom::test::to_labels(item["labels"]);
      const auto positive = loom::test::to_vector(item["y_score"]);
      Eigen::MatrixXd probabilities(static_cast<Eigen::Index>(positive.size()), 2);
      for (std::size_t row = 0; row < positive.size(); ++row) {
        probabilities(static_cast<Eigen::Index>(row), 0) = 1.0 - positive[row];
        probabilities(static_cast<Eigen::Index>(row), 1) = positive[row];
      }
      CHECK_METRIC(metrics::log_loss(y_true, positive), item["values"]["log_loss"]);
      CHECK_METRIC(metrics::log_loss(y_true, positive, labels), item["values"]["log_loss"]);
      CHECK_METRIC(metrics::log_loss(y_true, probabilities, labels), item["values"]["log_loss"]);
    }
  }
}

TEST_CASE("multiclass log_loss clips and renormalises as scikit-learn", "[metrics][log_loss]") {
  for (const auto& item : loom::test::cases_with("metrics/classification.json", "labels")) {
    if (item["probabilities"].is_null()) continue;
    INFO(item["name"].get<std::string>());
    const auto y_true = loom::test::to_labels(item["y_true"]);
    const auto labels = loom::test::to_labels(item["labels"]);
    const Eigen::MatrixXd probabilities = loom::test::to_matrix(item["probabilities"]);
    CHECK_METRIC(metrics::log_loss(y_true, probabilities, labels),
                 item["values"]["log_loss_multiclass"]);
    CHECK_METRIC(metrics::log_loss(y_true, probabilities), item["values"]["log_loss_multiclass"]);
  }
}

TEST_CASE("log_loss rejects bad inputs", "[metrics][log_loss]") {
  const std::vector<std::string> y_true{"a", "b", "a"};
  const std::vector<std::string> one_label{"a", "a", "a"};
  const std::vector<std::string> classes{"a", "b"};
  const std::vector<std::string> repeated{"a", "a"};
  const std::vector<std::string> other_classes{"a", "c"};
  const std::vector<double> positive{0.2, 0.7, 0.4};
  Eigen::MatrixXd three_columns = Eigen::MatrixXd::Constant(3, 3, 1.0 / 3.0);
  CHECK_LOOM_THROWS(metrics::log_loss(one_label, positive), loom::DataError,
                    "y_true contains only one label (\"a\")");
  CHECK_LOOM_THROWS(metrics::log_loss(y_true, positive, repeated), loom::ParameterError,
                    "class \"a\" is listed twice");
  CHECK_LOOM_THROWS(metrics::log_loss(y_true, positive, other_classes), loom::DataError,
                    "y_true[1] = \"b\" is not one of the 2 classes");
  CHECK_LOOM_THROWS(metrics::log_loss(y_true, three_columns, classes), loom::DataError,
                    "probabilities have 3 columns but there are 2 classes");
  const std::vector<double> with_nan{0.2, std::numeric_limits<double>::quiet_NaN(), 0.4};
  CHECK_LOOM_THROWS(metrics::log_loss(y_true, with_nan), loom::DataError,
                    "log_loss: positive_probability[1] is NaN");
  const std::vector<double> too_short{0.2};
  CHECK_LOOM_THROWS(metrics::log_loss(y_true, too_short), loom::DataError,
                    "y_true has 3 values but positive_probability has 1");
}
