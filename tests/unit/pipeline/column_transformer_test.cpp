#include "loom/pipeline/column_transformer.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "loom/clean/simple_imputer.hpp"
#include "loom/core/registry.hpp"
#include "loom/features/standard_scaler.hpp"
#include "loom/models/linear/logistic_regression.hpp"
#include "loom/pipeline/pipeline.hpp"
#include "loom/pipeline/step_json.hpp"
#include "pipeline_test_support.hpp"

using loom::Column;
using loom::ColumnType;
using loom::Dataset;
using loom::Json;
using loom::clean::SimpleImputer;
using loom::features::StandardScaler;
using loom::pipeline::ColumnSelector;
using loom::pipeline::ColumnTransformer;
using loom::pipeline::Pipeline;

namespace {

ColumnSelector names(std::vector<std::string> columns) {
  ColumnSelector selector;
  selector.names = std::move(columns);
  return selector;
}

ColumnSelector of_type(ColumnType type) {
  ColumnSelector selector;
  selector.kind = ColumnSelector::Kind::dtype;
  selector.dtype = type;
  return selector;
}

ColumnTransformer from_spec(const Json& spec) {
  auto step = loom::make_step(spec);
  REQUIRE(step->type_name() == "ColumnTransformer");
  return static_cast<ColumnTransformer&>(*step);
}

// The transformers of the "names_and_dtype" fixture case, built in C++.
ColumnTransformer numeric_and_categorical() {
  Pipeline numeric;
  numeric.add<SimpleImputer>("imputer", {.strategy = "median"});
  numeric.add<StandardScaler>("scaler");
  ColumnTransformer transformer;
  transformer.set_name("prep");
  transformer.add("num", std::make_unique<Pipeline>(std::move(numeric)), names({"age", "income"}));
  transformer.add("cat",
                  std::make_unique<SimpleImputer>(
                      loom::clean::SimpleImputerParams{.strategy = "most_frequent"}),
                  of_type(ColumnType::categorical));
  return transformer;
}

}  // namespace

TEST_CASE("ColumnTransformer matches scikit-learn on a mixed table",
          "[pipeline][column_transformer]") {
  const auto fixture = loom::test::load_fixture("pipeline/column_transformer.json");
  for (const auto& test_case : fixture["cases"]) {
    if (test_case["kind"] != "transform") continue;
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      const Dataset table = loom::test::table_from_json(test_case["table"]);
      const Dataset new_table = loom::test::table_from_json(test_case["new_table"]);
      ColumnTransformer transformer = from_spec(test_case["spec"]);
      const loom::Table output = transformer.fit_transform(table, nullptr);
      const auto expected_names = test_case["feature_names_out"].get<std::vector<std::string>>();
      CHECK(transformer.feature_names_out() == expected_names);
      CHECK(output.column_names() == expected_names);
      loom::test::check_cells(output, test_case["transformed"], 1e-9);
      loom::test::check_cells(transformer.transform(new_table), test_case["transformed_new"], 1e-9);
      // fit then transform gives the same as fit_transform.
      ColumnTransformer refitted = from_spec(test_case["spec"]);
      refitted.fit(table, nullptr);
      loom::test::check_cells(refitted.transform(table), test_case["transformed"], 1e-9);
    }
  }
}

TEST_CASE("ColumnTransformer built in C++ equals the one built from JSON",
          "[pipeline][column_transformer]") {
  const auto fixture = loom::test::load_fixture("pipeline/column_transformer.json");
  const auto& test_case = fixture["cases"][0];
  REQUIRE(test_case["name"] == "names_and_dtype");
  ColumnTransformer transformer = numeric_and_categorical();
  const Dataset table = loom::test::table_from_json(test_case["table"]);
  const loom::Table output = transformer.fit_transform(table, nullptr);
  CHECK(output.column_names() ==
        std::vector<std::string>{"num__age", "num__income", "cat__city", "cat__segment"});
  loom::test::check_cells(output, test_case["transformed"], 1e-9);
  // The numeric columns stay numeric and the categorical ones categorical.
  REQUIRE(output.is_dataset());
  CHECK(output.dataset().column("num__age").type() == ColumnType::numeric);
  CHECK(output.dataset().column("cat__city").type() == ColumnType::categorical);
  // Its spec, rebuilt, has the same parameters.
  CHECK(from_spec(loom::pipeline::step_spec(transformer)).get_params() == transformer.get_params());
}

TEST_CASE("ColumnTransformer output of numeric parts converts to a dense matrix",
          "[pipeline][column_transformer]") {
  ColumnTransformer transformer = from_spec(Json::parse(R"({"type": "ColumnTransformer",
    "params": {"transformers": [
      {"name": "num", "type": "SimpleImputer", "columns": ["age", "height"]}]}})"));
  const loom::Table output = transformer.fit_transform(loom::test::small_mixed_table(), nullptr);
  CHECK(output.column_names() == std::vector<std::string>{"num__age", "num__height"});
  const Eigen::MatrixXd dense = output.to_dense("test");
  REQUIRE(dense.rows() == 12);
  // Mean imputation (SimpleImputer's default): the mean of the ten known ages.
  CHECK(dense(2, 0) == Approx(384.0 / 10.0));
  CHECK(dense(0, 0) == 25.0);
}

TEST_CASE("ColumnTransformer selects a single column given as a string",
          "[pipeline][column_transformer][selector]") {
  const Json as_string = Json::parse(R"({"type": "ColumnTransformer", "params": {
    "transformers": [{"name": "city", "type": "SimpleImputer",
                      "params": {"strategy": "most_frequent"}, "columns": "city"}]}})");
  Json as_list = as_string;
  as_list["params"]["transformers"][0]["columns"] = Json::array({"city"});
  ColumnTransformer single = from_spec(as_string);
  ColumnTransformer listed = from_spec(as_list);
  const Dataset table = loom::test::small_mixed_table();
  const loom::Table from_single = single.fit_transform(table, nullptr);
  const loom::Table from_list = listed.fit_transform(table, nullptr);
  CHECK(from_single.column_names() == std::vector<std::string>{"city__city"});
  REQUIRE(from_single.n_rows() == 12);
  // "lyon" and "paris" both appear 4 times: the tie goes to the smallest, as scikit-learn.
  CHECK(from_single.dataset().column(0).value_string(2) == "lyon");
  for (std::size_t row = 0; row < 12; ++row) {
    CHECK(from_single.dataset().column(0).value_string(row) ==
          from_list.dataset().column(0).value_string(row));
  }
  // The selector keeps its form in the spec.
  CHECK(single.get_params()["transformers"][0]["columns"] == "city");
  CHECK(listed.get_params()["transformers"][0]["columns"] == Json::array({"city"}));
}

TEST_CASE("ColumnSelector resolves names, types and patterns",
          "[pipeline][column_transformer][selector]") {
  const Dataset table = loom::test::small_mixed_table();
  using Names = std::vector<std::string>;
  CHECK(ColumnSelector::from_json(Json::array({"height", "age"}), "t").resolve(table, "t") ==
        Names{"height", "age"});
  CHECK(ColumnSelector::from_json("segment", "t").resolve(table, "t") == Names{"segment"});
  CHECK(ColumnSelector::from_json({{"dtype", "numeric"}}, "t").resolve(table, "t") ==
        Names{"age", "income", "height"});
  CHECK(ColumnSelector::from_json({{"dtype", "categorical"}}, "t").resolve(table, "t") ==
        Names{"city", "segment"});
  CHECK(ColumnSelector::from_json({{"pattern", "e$"}}, "t").resolve(table, "t") ==
        Names{"age", "income"});
  // A pattern is searched, not matched whole (re.search, as make_column_selector).
  CHECK(ColumnSelector::from_json({{"pattern", "ei"}}, "t").resolve(table, "t") == Names{"height"});
  CHECK(ColumnSelector::from_json({{"pattern", "^zzz"}}, "t").resolve(table, "t").empty());
  for (const Json& json : {Json(Json::array({"a", "b"})), Json("a"), Json({{"dtype", "text"}}),
                           Json({{"pattern", "^x"}})}) {
    CHECK(ColumnSelector::from_json(json, "t").to_json() == json);
  }
}

TEST_CASE("ColumnTransformer names unknown columns and bad selectors",
          "[pipeline][column_transformer][errors]") {
  const Dataset table = loom::test::small_mixed_table();
  ColumnTransformer unknown;
  unknown.set_name("prep");
  unknown.add("num", std::make_unique<StandardScaler>(), names({"age", "weight"}));
  CHECK_LOOM_THROWS(unknown.fit(table, nullptr), loom::SchemaError,
                    "ColumnTransformer \"prep\": unknown column \"weight\"");

  CHECK_LOOM_THROWS(ColumnSelector::from_json(42, "ColumnTransformer \"prep\""), loom::ParseError,
                    "ColumnTransformer \"prep\": \"columns\" must be a list of names");
  CHECK_LOOM_THROWS(ColumnSelector::from_json(Json::array({"a", 1}), "t"), loom::ParseError,
                    "found 1");
  CHECK_LOOM_THROWS(ColumnSelector::from_json({{"pattern", "("}}, "t"), loom::ParseError,
                    "invalid pattern \"(\"");
  CHECK_LOOM_THROWS(ColumnSelector::from_json({{"dtype", "date"}}, "t"), loom::ParameterError,
                    "unknown column type \"date\"");
  CHECK_LOOM_THROWS(
      loom::make_step(Json::parse(
          R"({"type": "ColumnTransformer", "params": {"transformers": [{"name": "n"}]}})")),
      loom::ParseError, "\"columns\"");

  // transform on data that lost a column the transformer was fitted on.
  ColumnTransformer fitted = numeric_and_categorical();
  fitted.fit(table, nullptr);
  CHECK_LOOM_THROWS(fitted.transform(table.drop({"income"})), loom::SchemaError,
                    "column \"income\" used by transformer \"num\" is missing");
}

TEST_CASE("ColumnTransformer checks its own parameters and its transformers",
          "[pipeline][column_transformer][errors]") {
  const Dataset table = loom::test::small_mixed_table();
  ColumnTransformer transformer = numeric_and_categorical();
  CHECK_LOOM_THROWS(transformer.transform(table), loom::NotFittedError,
                    "ColumnTransformer \"prep\": transform called before fit");
  transformer.set_param("remainder", "keep");
  CHECK_LOOM_THROWS(transformer.fit(table, nullptr), loom::ParameterError,
                    "parameter remainder = \"keep\" must be one of \"drop\", \"passthrough\"");
  transformer.set_param("remainder", "drop");
  CHECK_LOOM_THROWS(transformer.set_param("remainder", 1), loom::ParameterError, "remainder");
  CHECK_LOOM_THROWS(transformer.set_param("verbose_feature_names_out", "yes"), loom::ParameterError,
                    "must be a boolean");
  transformer.set_param("sparse_threshold", 2.0);
  CHECK_LOOM_THROWS(transformer.fit(table, nullptr), loom::ParameterError,
                    "sparse_threshold = 2 must be in [0, 1]");
  transformer.set_param("sparse_threshold", 0.3);
  transformer.set_param("cat.strategy", "median");
  // The imputer's own check runs at fit, not at set: the value is allowed, the column type not.
  CHECK_LOOM_THROWS(transformer.fit(table, nullptr), loom::DataError,
                    "SimpleImputer \"cat\": strategy \"median\" cannot be used on categorical "
                    "column \"city\"");
  // Values are checked at fit, where the message names the nested step.
  transformer.set_param("cat.strategy", "mode");
  CHECK_LOOM_THROWS(transformer.fit(table, nullptr), loom::ParameterError,
                    "SimpleImputer \"cat\": parameter strategy = \"mode\" must be one of");
  transformer.set_param("cat.strategy", "most_frequent");
  CHECK_LOOM_THROWS(transformer.set_param("num.scaler.with_mean", 3), loom::ParameterError,
                    "StandardScaler \"scaler\": parameter with_mean = 3 must be a boolean");
  CHECK_LOOM_THROWS(transformer.set_param("ord.strategy", "mean"), loom::ParameterError,
                    "no transformer named \"ord\" (transformers: num, cat)");
  CHECK_LOOM_THROWS(transformer.set_param("gamma", 1), loom::ParameterError,
                    "unknown parameter \"gamma\"");
  CHECK_LOOM_THROWS(transformer.add("num", std::make_unique<StandardScaler>(), names({"age"})),
                    loom::ParameterError, "duplicate transformer name \"num\"");
  CHECK_LOOM_THROWS(transformer.add("model", std::make_unique<loom::models::LogisticRegression>(),
                                    names({"age"})),
                    loom::ParameterError,
                    "\"model\" is a LogisticRegression, expected a transformer");
  // Plain names that collide are refused rather than silently duplicated.
  ColumnTransformer twice = from_spec(Json::parse(R"({"type": "ColumnTransformer", "params": {
    "verbose_feature_names_out": false, "transformers": [
      {"name": "a", "type": "SimpleImputer", "columns": ["age"]},
      {"name": "b", "type": "StandardScaler", "columns": ["age"]}]}})"));
  CHECK_LOOM_THROWS(twice.fit(table, nullptr), loom::SchemaError, "not unique");
}

TEST_CASE("ColumnTransformer reaches nested parameters by dotted path",
          "[pipeline][column_transformer][params]") {
  ColumnTransformer transformer = numeric_and_categorical();
  CHECK(transformer.get_param("remainder") == "drop");
  CHECK(transformer.get_param("verbose_feature_names_out") == true);
  CHECK(transformer.get_param("num.scaler.with_mean") == true);
  CHECK(transformer.get_param("num.imputer.strategy") == "median");
  CHECK(transformer.get_param("cat.strategy") == "most_frequent");
  transformer.set_param("num.scaler.with_mean", false);
  CHECK(transformer.get_param("num.scaler.with_mean") == false);
  CHECK(transformer.get_params()["transformers"][0]["params"]["steps"][1]["params"]["with_mean"] ==
        false);
  // Setting a parameter unfits the transformer.
  transformer.fit(loom::test::small_mixed_table(), nullptr);
  CHECK(transformer.is_fitted());
  transformer.set_param("verbose_feature_names_out", false);
  CHECK_FALSE(transformer.is_fitted());
  transformer.fit(loom::test::small_mixed_table(), nullptr);
  CHECK(transformer.feature_names_out() ==
        std::vector<std::string>{"age", "income", "city", "segment"});
}

TEST_CASE("ColumnTransformer restores its fitted state and copies deeply",
          "[pipeline][column_transformer]") {
  const Dataset table = loom::test::small_mixed_table();
  ColumnTransformer transformer = numeric_and_categorical();
  transformer.set_param("remainder", "passthrough");
  const loom::Table fitted_output = transformer.fit_transform(table, nullptr);

  ColumnTransformer restored = from_spec(
      {{"name", "prep"}, {"type", "ColumnTransformer"}, {"params", transformer.get_params()}});
  restored.load_fitted_state(transformer.fitted_state());
  CHECK(restored.feature_names_out() == transformer.feature_names_out());
  const Dataset expected = fitted_output.to_dataset();
  const Dataset actual = restored.transform(table).to_dataset();
  REQUIRE(actual.column_names() == expected.column_names());
  for (std::size_t j = 0; j < expected.n_columns(); ++j) {
    for (std::size_t row = 0; row < expected.n_rows(); ++row)
      CHECK(actual.column(j).value_string(row) == expected.column(j).value_string(row));
  }

  ColumnTransformer copy = transformer;
  copy.set_param("num.scaler.with_std", false);
  CHECK(transformer.get_param("num.scaler.with_std") == true);
  CHECK(transformer.is_fitted());

  ColumnTransformer wrong = numeric_and_categorical();
  CHECK_LOOM_THROWS(wrong.load_fitted_state(Json::object()), loom::ParseError,
                    "one entry per transformer (2)");
}
