#include "loom/features/arithmetic_features.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "check_throws.hpp"
#include "loom/core/registry.hpp"

using loom::Column;
using loom::Dataset;
using loom::features::ArithmeticFeatures;

namespace {
Dataset people() {
  return Dataset({Column::numeric("weight", {70, 82.5, 0}),
                  Column::numeric("height", {1.75, 1.8, 0}),
                  Column::categorical_from_values("city", {"a", "b", "c"}),
                  Column::numeric("income.k", {30, std::nan(""), 12})});
}
}  // namespace

TEST_CASE("ArithmeticFeatures evaluates expressions over columns", "[features][arithmetic]") {
  auto step = loom::make_step(
      {{"name", "arith"},
       {"type", "ArithmeticFeatures"},
       {"params",
        {{"features",
          {{{"name", "bmi"}, {"expression", "weight / height^2"}},
           {{"name", "score"}, {"expression", "-(weight - 2 * height) + sqrt(abs(`income.k`))"}},
           {{"name", "log_weight"}, {"expression", "log1p(weight) - log(exp(1))"}},
           {{"name", "ratio"}, {"expression", "square(height) / (weight - 70)"}}}}}}});
  auto& arithmetic = dynamic_cast<ArithmeticFeatures&>(*step);
  const Dataset output = arithmetic.fit_transform(people(), nullptr).dataset();
  CHECK(output.column_names() == std::vector<std::string>{"weight", "height", "city", "income.k",
                                                          "bmi", "score", "log_weight", "ratio"});
  const auto bmi = output.column("bmi").numeric_values();
  CHECK(bmi[0] == Approx(70 / (1.75 * 1.75)).epsilon(1e-15));
  CHECK(std::isnan(bmi[2]));  // 0 / 0
  const auto score = output.column("score").numeric_values();
  CHECK(score[0] == Approx(-(70 - 3.5) + std::sqrt(30.0)).epsilon(1e-15));
  CHECK(std::isnan(score[1]));  // NaN propagates
  CHECK(output.column("log_weight").numeric_values()[1] ==
        Approx(std::log1p(82.5) - 1.0).epsilon(1e-15));
  const auto ratio = output.column("ratio").numeric_values();
  CHECK(std::isinf(ratio[0]));  // x / 0 = inf, as numpy
  CHECK(ratio[1] == Approx(1.8 * 1.8 / 12.5).epsilon(1e-15));

  ArithmeticFeatures only_new(
      {.features = {{{"name", "twice"}, {"expression", "2*weight"}}}, .keep_input = false});
  const loom::Table alone = only_new.fit_transform(people(), nullptr);
  CHECK(alone.column_names() == std::vector<std::string>{"twice"});
  ArithmeticFeatures restored(only_new.params());
  restored.load_fitted_state(only_new.fitted_state());
  CHECK(restored.transform(people()).dataset().column("twice").numeric_values()[1] == 165.0);
}

TEST_CASE("ArithmeticFeatures names bad expressions and columns",
          "[features][arithmetic][errors]") {
  auto fit_with = [](const std::string& expression) {
    ArithmeticFeatures arithmetic({.features = {{{"name", "f"}, {"expression", expression}}}});
    arithmetic.set_name("arith");
    arithmetic.fit(people());
    return arithmetic.transform(people());
  };
  CHECK_LOOM_THROWS(fit_with("weight +"), loom::ParameterError,
                    "ArithmeticFeatures \"arith\": expression \"weight +\": unexpected end");
  CHECK_LOOM_THROWS(fit_with("(weight"), loom::ParameterError, "expected ')'");
  CHECK_LOOM_THROWS(fit_with("median(weight)"), loom::ParameterError,
                    "unknown function \"median\"");
  CHECK_LOOM_THROWS(fit_with("weight $ 2"), loom::ParameterError, "unexpected '$' at position 7");
  CHECK_LOOM_THROWS(fit_with("mass / height"), loom::SchemaError, "column \"mass\"");
  CHECK_LOOM_THROWS(fit_with("city * 2"), loom::DataError, "column \"city\", which is categorical");
  ArithmeticFeatures empty;
  CHECK_LOOM_THROWS(empty.fit(people()), loom::ParameterError, "features");
}
