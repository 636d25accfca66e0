#include "loom/core/registry.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "loom/features/standard_scaler.hpp"
#include "loom/models/linear/logistic_regression.hpp"

using loom::Json;
using loom::Registry;

TEST_CASE("The global registry knows every built-in step", "[core][registry]") {
  const Registry& registry = Registry::global();
  for (const char* name :
       {"ColumnTransformer", "LogisticRegression", "Pipeline", "SimpleImputer", "StandardScaler"}) {
    INFO(name);
    CHECK(registry.contains(name));
  }
  CHECK_FALSE(registry.contains("standardscaler"));
  const auto names = registry.type_names();
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(names.size() >= 5);
}

TEST_CASE("The registry builds a named step with its parameters", "[core][registry]") {
  const auto step =
      Registry::global().create("LogisticRegression", {{"C", 0.25}, {"max_iter", 7}}, "model");
  REQUIRE(step);
  CHECK(step->name() == "model");
  CHECK(step->type_name() == "LogisticRegression");
  CHECK(step->kind() == loom::StepKind::predictor);
  const auto& model = dynamic_cast<const loom::models::LogisticRegression&>(*step);
  CHECK(model.params().C == 0.25);
  CHECK(model.params().max_iter == 7);
  CHECK(model.params().tol == 1e-4);  // the others keep their defaults
  // null params mean defaults.
  CHECK(Registry::global().create("StandardScaler", nullptr, "s")->get_params() ==
        Json{{"with_mean", true}, {"with_std", true}});
}

TEST_CASE("make_step reads a step spec", "[core][registry]") {
  const auto scaler = loom::make_step(Json::parse(
      R"({"name": "scaler", "type": "StandardScaler", "params": {"with_std": false}})"));
  CHECK(scaler->name() == "scaler");
  CHECK(scaler->get_param("with_std") == false);
  // Without a name the step is named after its type; without params it has the defaults.
  const auto unnamed = loom::make_step({{"type", "SimpleImputer"}});
  CHECK(unnamed->name() == "SimpleImputer");
  CHECK(unnamed->get_param("strategy") == "mean");
}

TEST_CASE("The registry names what is wrong with a spec", "[core][registry][errors]") {
  CHECK_LOOM_THROWS(Registry::global().create("RandomForest", Json::object(), "forest"),
                    loom::ParameterError,
                    "step \"forest\": unknown step type \"RandomForest\" (known types: "
                    "ADASYN, AdaBoostClassifier,");
  CHECK_LOOM_THROWS(Registry::global().create("RandomForest", Json::object(), "forest"),
                    loom::ParameterError, "RandomForestClassifier, RandomForestRegressor,");
  CHECK_LOOM_THROWS(Registry::global().create("StandardScaler", Json::array({1}), "s"),
                    loom::ParseError, "step \"s\": \"params\" must be a JSON object, found [1]");
  CHECK_LOOM_THROWS(loom::make_step(Json("StandardScaler")), loom::ParseError,
                    "a step must be a JSON object with \"type\"");
  CHECK_LOOM_THROWS(loom::make_step({{"name", "x"}, {"type", 3}}), loom::ParseError,
                    "step \"x\": missing string field \"type\"");
  // Parameter errors name the step being built.
  CHECK_LOOM_THROWS(loom::make_step(Json::parse(R"({"name": "m", "type": "LogisticRegression",
                                      "params": {"C": "high"}})")),
                    loom::ParameterError,
                    "LogisticRegression \"m\": parameter C = \"high\" must be a number");
  CHECK_LOOM_THROWS(loom::make_step(Json::parse(R"({"name": "m", "type": "StandardScaler",
                                                    "params": {"center": true}})")),
                    loom::ParameterError,
                    "StandardScaler \"m\": unknown parameter \"center\" (parameters: with_mean, "
                    "with_std)");
}

TEST_CASE("A separate registry holds its own step types", "[core][registry]") {
  Registry registry;
  CHECK(registry.type_names().empty());
  registry.add<loom::features::StandardScaler>();
  registry.add("Scaler", [] { return std::make_unique<loom::features::StandardScaler>(); });
  CHECK(registry.type_names() == std::vector<std::string>{"Scaler", "StandardScaler"});
  CHECK(registry.create("Scaler", {{"with_mean", false}}, "alias")->get_param("with_mean") ==
        false);
  CHECK_LOOM_THROWS(registry.create("LogisticRegression", Json::object(), "m"),
                    loom::ParameterError, "(known types: Scaler, StandardScaler)");
}
