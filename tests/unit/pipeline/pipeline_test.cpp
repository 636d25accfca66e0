#include "loom/pipeline/pipeline.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "loom/clean/simple_imputer.hpp"
#include "loom/core/registry.hpp"
#include "loom/features/standard_scaler.hpp"
#include "loom/models/linear/logistic_regression.hpp"
#include "loom/pipeline/column_transformer.hpp"
#include "pipeline_test_support.hpp"

using loom::Column;
using loom::Dataset;
using loom::FeatureMatrix;
using loom::Json;
using loom::clean::SimpleImputer;
using loom::features::StandardScaler;
using loom::models::LogisticRegression;
using loom::pipeline::Pipeline;

namespace {

FeatureMatrix numeric_features() {
  Eigen::MatrixXd x(8, 2);
  x << 1.0, 20.0, 2.0, 18.0, 3.0, 25.0, 4.0, 21.0, 5.0, 30.0, 6.0, 24.0, 7.0, 35.0, 8.0, 29.0;
  return FeatureMatrix(x, {"a", "b"});
}

Column numeric_labels() {
  return Column::numeric("y", {0, 0, 0, 1, 0, 1, 1, 1});
}

std::vector<std::string> as_strings(const Column& column) {
  std::vector<std::string> values;
  for (std::size_t row = 0; row < column.size(); ++row)
    values.push_back(column.value_string(row));
  return values;
}

std::vector<std::string> as_strings(const nlohmann::json& values) {
  std::vector<std::string> result;
  for (const auto& value : values)
    result.push_back(loom::format_number(value.get<double>()));
  return result;
}

}  // namespace

TEST_CASE("Pipeline built in C++ chains its steps exactly", "[pipeline]") {
  Pipeline pipeline;
  pipeline.add<StandardScaler>("scaler").add<LogisticRegression>("model", {.C = 0.5});
  REQUIRE(pipeline.size() == 2);
  CHECK(pipeline.step(0).name() == "scaler");
  CHECK(pipeline.step("model").type_name() == "LogisticRegression");
  CHECK(pipeline.predictor() == &pipeline.step(1));
  CHECK_FALSE(pipeline.is_fitted());

  const FeatureMatrix x = numeric_features();
  const Column y = numeric_labels();
  pipeline.fit(x, &y);
  CHECK(pipeline.is_fitted());

  // The same steps run by hand give bitwise the same answers.
  StandardScaler scaler;
  LogisticRegression model({.C = 0.5});
  const loom::Table scaled = scaler.fit_transform(x, &y);
  model.fit(scaled, &y);
  CHECK(pipeline.predict_proba(x) == model.predict_proba(scaled));
  CHECK(as_strings(pipeline.predict(x)) == as_strings(model.predict(scaled)));
  CHECK(pipeline.transform_features(x).matrix().dense() == scaled.matrix().dense());
  CHECK(pipeline.feature_names_out() == std::vector<std::string>{"a", "b"});
  CHECK(as_strings(static_cast<const LogisticRegression&>(pipeline.step("model")).classes()) ==
        std::vector<std::string>{"0", "1"});
}

TEST_CASE("Pipeline of transformers only transforms", "[pipeline]") {
  Pipeline pipeline;
  pipeline.add<SimpleImputer>("imputer", {.strategy = "median"}).add<StandardScaler>("scaler");
  const Dataset table = loom::test::small_mixed_table().select({"age", "height"});
  const loom::Table output = pipeline.fit_transform(table, nullptr);
  CHECK(pipeline.predictor() == nullptr);
  CHECK(output.column_names() == std::vector<std::string>{"age", "height"});
  CHECK(pipeline.transform(table).matrix().dense() == output.matrix().dense());
  // Median-imputed then standardised: every column has mean 0.
  CHECK(output.matrix().dense().colwise().mean().cwiseAbs().maxCoeff() < 1e-12);
  CHECK_LOOM_THROWS(pipeline.predict(table), loom::Error, "predict needs a predictor");
}

TEST_CASE("Pipeline from a JSON spec matches scikit-learn", "[pipeline]") {
  const auto fixture = loom::test::load_fixture("pipeline/column_transformer.json");
  for (const auto& test_case : fixture["cases"]) {
    if (test_case["kind"] != "pipeline") continue;
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      const Dataset table = loom::test::table_from_json(test_case["table"]);
      const Dataset new_table = loom::test::table_from_json(test_case["new_table"]);
      const Column y = loom::test::numeric_target(test_case["target"]);
      Pipeline pipeline = Pipeline::from_spec(test_case["spec"]);
      pipeline.fit(table, &y);
      CHECK(pipeline.feature_names_out() ==
            test_case["feature_names_out"].get<std::vector<std::string>>());
      CHECK(as_strings(pipeline.predictor()->classes()) == as_strings(test_case["classes"]));
      // scikit-learn's lbfgs stops short of the optimum loom's solver reaches: ~1e-4.
      CHECK(loom::test::all_close(pipeline.predict_proba(table),
                                  loom::test::to_matrix(test_case["predict_proba"]), 1e-4));
      CHECK(loom::test::all_close(pipeline.predict_proba(new_table),
                                  loom::test::to_matrix(test_case["predict_proba_new"]), 1e-4));
      CHECK(as_strings(pipeline.predict(table)) == as_strings(test_case["predict"]));
      CHECK(as_strings(pipeline.predict(new_table)) == as_strings(test_case["predict_new"]));
    }
  }
}

TEST_CASE("Pipeline spec round-trips and copies are independent", "[pipeline][params]") {
  const Pipeline pipeline = Pipeline::from_spec(loom::test::small_pipeline_spec());
  REQUIRE(pipeline.size() == 2);
  CHECK(pipeline.step(0).type_name() == "ColumnTransformer");
  CHECK(Pipeline::from_spec(pipeline.spec()).spec() == pipeline.spec());
  CHECK(pipeline.spec()["steps"][1] ==
        Json::parse(R"({"name": "model", "type": "LogisticRegression", "params": {
          "C": 0.5, "penalty": "l2", "fit_intercept": true, "max_iter": 100, "tol": 0.0001,
          "class_weight": null, "solver": "lbfgs", "l1_ratio": null, "intercept_scaling": 1.0}})"));

  Pipeline copy = pipeline;
  copy.set_param("model.C", 2.0);
  copy.set_param("prep.num.scaler.with_mean", false);
  CHECK(pipeline.get_param("model.C") == 0.5);
  CHECK(pipeline.get_param("prep.num.scaler.with_mean") == true);
  CHECK(copy.get_param("model.C") == 2.0);

  const Dataset table = loom::test::small_mixed_table();
  const Column y = loom::test::small_mixed_target();
  Pipeline fitted = pipeline;
  fitted.fit(table, &y);
  const Pipeline fitted_copy = fitted;
  CHECK(fitted_copy.is_fitted());
  CHECK(fitted_copy.predict_proba(table) == fitted.predict_proba(table));
}

TEST_CASE("Pipeline gets and sets parameters by dotted path", "[pipeline][params]") {
  Pipeline pipeline = Pipeline::from_spec(loom::test::small_pipeline_spec());
  CHECK(pipeline.get_param("model.C") == 0.5);
  CHECK(pipeline.get_param("prep.remainder") == "drop");
  CHECK(pipeline.get_param("prep.num.imputer.strategy") == "median");
  CHECK(pipeline.get_param("prep.num.scaler.with_mean") == true);

  pipeline.set_param("model.C", 3);
  pipeline.set_param("prep.num.scaler.with_mean", false);
  pipeline.set_param("prep.num.imputer.strategy", "mean");
  CHECK(pipeline.get_param("model.C") == 3.0);
  CHECK(static_cast<const LogisticRegression&>(pipeline.step("model")).params().C == 3.0);
  CHECK(pipeline.get_param("prep.num.scaler.with_mean") == false);
  CHECK(pipeline.get_param("prep.num.imputer.strategy") == "mean");

  pipeline.set_params({{"model.max_iter", 50}, {"model.class_weight", "balanced"}});
  CHECK(pipeline.get_param("model.max_iter") == 50);
  CHECK(pipeline.get_param("model.class_weight") == "balanced");
  pipeline.set_param("model.class_weight", nullptr);
  CHECK(pipeline.get_param("model.class_weight").is_null());

  CHECK_LOOM_THROWS(pipeline.get_param("C"), loom::ParameterError, "must be a path step.param");
  CHECK_LOOM_THROWS(pipeline.set_param("modle.C", 1.0), loom::ParameterError,
                    "no step named \"modle\" (steps: prep, model)");
  CHECK_LOOM_THROWS(pipeline.set_param("model.gamma", 1.0), loom::ParameterError,
                    "LogisticRegression \"model\": unknown parameter \"gamma\" (parameters: C, "
                    "penalty, fit_intercept, max_iter, tol, class_weight, solver, l1_ratio, "
                    "intercept_scaling)");
  CHECK_LOOM_THROWS(pipeline.set_param("model.C", "big"), loom::ParameterError,
                    "LogisticRegression \"model\": parameter C = \"big\" must be a number");
  CHECK_LOOM_THROWS(pipeline.set_param("model.max_iter", 2.5), loom::ParameterError,
                    "parameter max_iter = 2.5 must be an integer");
  CHECK_LOOM_THROWS(pipeline.set_param("prep.num.scaler.with_std", "no"), loom::ParameterError,
                    "StandardScaler \"scaler\": parameter with_std = \"no\" must be a boolean");
}

TEST_CASE("Pipeline flat_params lists every leaf parameter by path", "[pipeline][params]") {
  const Pipeline pipeline = Pipeline::from_spec(loom::test::small_pipeline_spec());
  const Json flat = pipeline.flat_params();
  CHECK(flat["model.C"] == 0.5);
  CHECK(flat["model.penalty"] == "l2");
  CHECK(flat["prep.remainder"] == "drop");
  CHECK(flat["prep.verbose_feature_names_out"] == true);
  CHECK(flat["prep.num.imputer.strategy"] == "median");
  CHECK(flat["prep.num.scaler.with_mean"] == true);
  CHECK(flat["prep.num.scaler.with_std"] == true);
  // Every key is a path get_param understands, giving the same value, and no value is a
  // nested spec.
  for (const auto& [path, value] : flat.items()) {
    INFO(path);
    CHECK(pipeline.get_param(path) == value);
    CHECK_FALSE(value.is_object());
    CHECK_FALSE(path.find("transformers") != std::string::npos);
    CHECK_FALSE(path.find("steps") != std::string::npos);
  }
  // A nested pipeline as a step is flattened as well.
  Pipeline outer;
  outer.add("inner", std::make_unique<Pipeline>(Pipeline().add<StandardScaler>("scaler")));
  outer.add<LogisticRegression>("model");
  CHECK(outer.flat_params()["inner.scaler.with_std"] == true);
  CHECK(outer.flat_params()["model.tol"] == 1e-4);
}

TEST_CASE("Pipeline validation names the step and the parameter", "[pipeline][errors]") {
  const Dataset table = loom::test::small_mixed_table();
  const Column y = loom::test::small_mixed_target();

  SECTION("a value out of range, at fit") {
    Json spec = loom::test::small_pipeline_spec();
    spec["steps"][1]["params"]["C"] = -1.0;
    Pipeline pipeline = Pipeline::from_spec(spec);
    CHECK_LOOM_THROWS(pipeline.fit(table, &y), loom::ParameterError,
                      "LogisticRegression \"model\": parameter C = -1.0 must be > 0");
    CHECK_FALSE(pipeline.is_fitted());
  }
  SECTION("a value out of range in a nested step") {
    Pipeline pipeline = Pipeline::from_spec(loom::test::small_pipeline_spec());
    pipeline.set_param("prep.num.imputer.strategy", "average");
    CHECK_LOOM_THROWS(pipeline.fit(table, &y), loom::ParameterError,
                      "SimpleImputer \"imputer\": parameter strategy = \"average\" must be one of "
                      "\"mean\", \"median\", \"most_frequent\", \"constant\"");
  }
  SECTION("an unknown step type lists the known ones") {
    Json spec = loom::test::small_pipeline_spec();
    spec["steps"][1]["type"] = "RandomForest";
    CHECK_LOOM_THROWS(Pipeline::from_spec(spec), loom::ParameterError,
                      "step \"model\": unknown step type \"RandomForest\" (known types: "
                      "ADASYN, AdaBoostClassifier,");
  }
  SECTION("an unknown step type nested in a ColumnTransformer") {
    Json spec = loom::test::small_pipeline_spec();
    spec["steps"][0]["params"]["transformers"][0]["params"]["steps"][1]["type"] = "MinMaxScalar";
    CHECK_LOOM_THROWS(Pipeline::from_spec(spec), loom::ParameterError,
                      "step \"scaler\": unknown step type \"MinMaxScalar\"");
  }
  SECTION("a parameter error while building names the step") {
    Json spec = loom::test::small_pipeline_spec();
    spec["steps"][1]["params"]["C"] = "strong";
    CHECK_LOOM_THROWS(Pipeline::from_spec(spec), loom::ParameterError,
                      "LogisticRegression \"model\": parameter C = \"strong\" must be a number");
    spec["steps"][1]["params"] = {{"alpha", 1}};
    CHECK_LOOM_THROWS(Pipeline::from_spec(spec), loom::ParameterError,
                      "LogisticRegression \"model\": unknown parameter \"alpha\"");
  }
  SECTION("a predictor that is not last") {
    Pipeline pipeline;
    pipeline.add<LogisticRegression>("model").add<StandardScaler>("scaler");
    CHECK_LOOM_THROWS(pipeline.fit(numeric_features(), &y), loom::ParameterError,
                      "predictor LogisticRegression \"model\" must be the last step");
    const Json spec = Json::parse(R"({"steps": [{"name": "model", "type": "LogisticRegression"},
                                                {"name": "scaler", "type": "StandardScaler"}]})");
    Pipeline from_json = Pipeline::from_spec(spec);
    CHECK_LOOM_THROWS(from_json.validate_params(), loom::ParameterError, "must be the last step");
  }
  SECTION("malformed specs") {
    CHECK_LOOM_THROWS(Pipeline::from_spec(Json::array()), loom::ParseError, "\"steps\" list");
    CHECK_LOOM_THROWS(Pipeline::from_spec({{"steps", 3}}), loom::ParseError,
                      "\"steps\" must be a list");
    CHECK_LOOM_THROWS(Pipeline::from_spec(Json::parse(R"({"steps": [{"name": "a"}]})")),
                      loom::ParseError, "step \"a\": missing string field \"type\"");
    CHECK_LOOM_THROWS(
        Pipeline::from_spec(Json::parse(R"({"steps": [{"type": "StandardScaler"}, 5]})")),
        loom::ParseError, "a step must be a JSON object");
    CHECK_LOOM_THROWS(
        Pipeline::from_spec(Json::parse(R"({"steps": [{"type": "StandardScaler", "params": 5}]})")),
        loom::ParseError, "\"params\" must be a JSON object");
  }
  SECTION("duplicate and malformed step names") {
    Pipeline pipeline;
    pipeline.add<StandardScaler>("scaler");
    CHECK_LOOM_THROWS(pipeline.add<StandardScaler>("scaler"), loom::ParameterError,
                      "duplicate step name \"scaler\"");
    CHECK_LOOM_THROWS(pipeline.add<StandardScaler>("a.b"), loom::ParameterError,
                      "must be non-empty and contain no '.'");
    CHECK_LOOM_THROWS(pipeline.add<StandardScaler>(""), loom::ParameterError, "non-empty");
    CHECK(pipeline.size() == 1);
  }
  SECTION("a failed set of steps keeps the previous ones") {
    Pipeline pipeline = Pipeline::from_spec(loom::test::small_pipeline_spec());
    CHECK_THROWS_AS(pipeline.set_param("steps", Json::parse(R"([{"type": "StandardScaler"},
                                                                {"type": "Nope"}])")),
                    loom::ParameterError);
    CHECK(pipeline.size() == 2);
    CHECK(pipeline.get_param("model.C") == 0.5);
  }
  SECTION("an empty pipeline, and calls before fit") {
    Pipeline empty;
    CHECK_LOOM_THROWS(empty.fit(table, &y), loom::ParameterError, "the pipeline has no steps");
    Pipeline pipeline = Pipeline::from_spec(loom::test::small_pipeline_spec());
    CHECK_LOOM_THROWS(pipeline.predict(table), loom::NotFittedError,
                      "Pipeline: transform_features called before fit");
    CHECK_LOOM_THROWS(pipeline.transform(table), loom::Error,
                      "transform is not available when the last step is a predictor");
  }
  SECTION("errors from inside a step keep their message") {
    Pipeline pipeline = Pipeline::from_spec(loom::test::small_pipeline_spec());
    pipeline.fit(table, &y);
    CHECK_LOOM_THROWS(pipeline.predict(table.drop({"age"})), loom::SchemaError,
                      "column \"age\" used by transformer \"num\" is missing");
    // Without its categorical drop, the model receives text and says which column.
    pipeline.set_param("prep.remainder", "passthrough");
    pipeline.set_param("prep.transformers", Json::parse(R"([
      {"name": "num", "type": "SimpleImputer", "columns": {"dtype": "numeric"}}])"));
    CHECK_LOOM_THROWS(pipeline.fit(table, &y), loom::DataError,
                      "LogisticRegression \"model\": column \"remainder__city\" is categorical");
  }
}

TEST_CASE("Pipeline reports fitting progress", "[pipeline][progress]") {
  Pipeline pipeline = Pipeline::from_spec(loom::test::small_pipeline_spec());
  pipeline.set_name("demo");
  std::vector<std::pair<std::string, std::pair<std::size_t, std::size_t>>> events;
  pipeline.set_progress_all([&](const loom::ProgressEvent& event) {
    events.push_back({std::string(event.stage), {event.done, event.total}});
  });
  const Dataset table = loom::test::small_mixed_table();
  const Column y = loom::test::small_mixed_target();
  pipeline.fit(table, &y);

  REQUIRE_FALSE(events.empty());
  std::set<std::string> stages;
  for (const auto& [stage, progress] : events) {
    INFO(stage << " " << progress.first << "/" << progress.second);
    stages.insert(stage);
    CHECK(progress.second > 0);
    CHECK(progress.first <= progress.second);
  }
  CHECK(stages.count("demo") == 1);
  CHECK(stages.count("LogisticRegression") == 1);
  // The pipeline's own events: one per step as it starts, then done == total at the end.
  std::vector<std::pair<std::size_t, std::size_t>> own;
  for (const auto& [stage, progress] : events) {
    if (stage == "demo") own.push_back(progress);
  }
  CHECK(own == std::vector<std::pair<std::size_t, std::size_t>>{{0, 2}, {1, 2}, {2, 2}});
  CHECK(events.back().first == "demo");

  // No callback: fitting still works and nothing is reported.
  events.clear();
  Pipeline quiet = Pipeline::from_spec(loom::test::small_pipeline_spec());
  quiet.fit(table, &y);
  CHECK(events.empty());
}
