// robustness_curve: the score of a fitted pipeline as Gaussian noise grows.
#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "loom/core/error.hpp"
#include "loom/tuning/robustness.hpp"
#include "tuning_test_support.hpp"

using namespace loom;
using namespace loom::tuning;
using nlohmann::json;

TEST_CASE("robustness_curve scores the clean data first and finds the breaking level",
          "[tuning][robustness]") {
  const auto data = test::load_cv_data();
  auto pipeline = pipeline::Pipeline::from_spec(
      json{{"steps", json::array({{{"name", "scaler"}, {"type", "StandardScaler"}},
                                  {{"name", "model"}, {"type", "LogisticRegression"}}})}});
  const std::vector<double> levels = {0.0, 0.5, 2.0, 20.0};
  CHECK_LOOM_THROWS(robustness_curve(pipeline, data.x, data.multiclass, levels, "accuracy", 0.5),
                    NotFittedError, "must be fitted");
  pipeline.fit(data.x, &data.multiclass);
  const std::vector<std::string> accuracy = {"accuracy"};
  const double clean = score_fitted(pipeline, data.x, data.multiclass, accuracy)[0];
  const auto curve =
      robustness_curve(pipeline, data.x, data.multiclass, levels, "accuracy", clean - 1e-9, 7);
  REQUIRE(curve.scores.size() == 4);
  CHECK(curve.scores[0] == clean);
  CHECK(curve.scores[3] < clean);
  REQUIRE(curve.breaking_level.has_value());
  CHECK(*curve.breaking_level > 0.0);
  const auto again =
      robustness_curve(pipeline, data.x, data.multiclass, levels, "accuracy", clean - 1e-9, 7);
  CHECK(again.scores == curve.scores);
  const auto never = robustness_curve(pipeline, data.x, data.multiclass, levels, "accuracy", -1.0);
  CHECK_FALSE(never.breaking_level.has_value());
  const std::vector<double> negative = {0.0, -1.0};
  CHECK_LOOM_THROWS(robustness_curve(pipeline, data.x, data.multiclass, negative, "accuracy", 0.5),
                    ParameterError, "noise level -1");
}
