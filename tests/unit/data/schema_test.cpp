// Schema inference and validation (loom::data::infer_schema / validate): every anomaly kind,
// its column and evidence, and the JSON round trip with its error messages.
#include "loom/data/schema.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "check_throws.hpp"
#include "loom/core/error.hpp"

using loom::Column;
using loom::ColumnType;
using loom::Dataset;
using loom::data::Anomaly;

namespace {

Dataset training() {
  return Dataset({Column::numeric("age", {30, 40, 50, NAN}),
                  Column::categorical_from_values("city", {"Oslo", "Rome", "Oslo", "Rome"}),
                  Column::numeric("income", {10, 20, 30, 40}),
                  Column::text("note", {"a b c d", "e f g h", "i j k l", "m n o p"}, {})});
}

std::vector<std::string> kinds(const std::vector<Anomaly>& anomalies) {
  std::vector<std::string> result;
  for (const auto& anomaly : anomalies)
    result.push_back(anomaly.column + ":" + anomaly.kind);
  return result;
}

}  // namespace

TEST_CASE("infer_schema records types, ranges, categories and missing rates", "[data][schema]") {
  const auto schema = loom::data::infer_schema(training());
  CHECK(schema.rows == 4);
  REQUIRE(schema.columns.size() == 4);
  const auto& age = schema.columns[0];
  CHECK(age.type == ColumnType::numeric);
  CHECK(age.min == 30.0);
  CHECK(age.max == 50.0);
  CHECK(age.missing_allowed);
  CHECK(age.missing_rate == 0.25);
  const auto& city = schema.columns[1];
  CHECK(city.type == ColumnType::categorical);
  CHECK(city.categories == std::vector<std::string>{"Oslo", "Rome"});
  CHECK_FALSE(city.missing_allowed);
  CHECK(schema.columns[3].type == ColumnType::text);
  CHECK(schema.find("income") == &schema.columns[2]);
  CHECK(schema.find("height") == nullptr);
}

TEST_CASE("validate finds nothing in data that conforms", "[data][schema]") {
  const auto schema = loom::data::infer_schema(training());
  CHECK(loom::data::validate(schema, training()).empty());
  // Fewer rows and a subset of the categories conform too.
  CHECK(loom::data::validate(schema, training().head(2)).empty());
}

TEST_CASE("validate reports each kind of anomaly with its column and evidence", "[data][schema]") {
  const auto schema = loom::data::infer_schema(training());
  const Dataset batch(
      {Column::numeric("age", {25, 80, 45, 99, 10}),
       Column::categorical_from_values("city", {"Oslo", "Mars", std::nullopt, "Mars", "Lima"}),
       Column::categorical_from_values("income", {"10", "high", "20", "30", "40"}),
       Column::numeric("height", {1, 2, 3, 4, 5})});
  const auto anomalies = loom::data::validate(schema, batch);
  CHECK(kinds(anomalies) == std::vector<std::string>{"age:out_of_range", "city:unseen_category",
                                                     "city:missing_rate", "income:type_change",
                                                     "note:missing_column", "height:new_column"});
  CHECK(anomalies[0].detail ==
        "4 values outside [30, 50]: 25 at line 2, 80 at line 3, 99 at line 5, ...");
  CHECK(anomalies[1].detail ==
        "2 values not seen in training, in 3 rows: \"Mars\" (2 rows, first at line 3), \"Lima\" "
        "(1 row, first at line 6)");
  CHECK(anomalies[2].detail ==
        "1 of 5 rows missing (rate 0.2, first at line 4); the training data had no missing values");
  CHECK(anomalies[3].detail == "expected numeric, found categorical (e.g. \"high\" at line 3)");
  CHECK(anomalies[4].detail == "column \"note\" (text) is in the schema but not in the data");
  CHECK(anomalies[5].detail == "column \"height\" (numeric) is not in the schema");
}

TEST_CASE("validate reports a missing rate above the training rate plus the tolerance",
          "[data][schema]") {
  auto schema = loom::data::infer_schema(training());
  const Dataset batch({Column::numeric("age", {NAN, NAN, 40, 41}),
                       Column::categorical_from_values("city", {"Oslo", "Rome", "Oslo", "Rome"}),
                       Column::numeric("income", {10, 20, 30, 40}),
                       Column::text("note", {"a", "b", "c", "d"}, {})});
  auto anomalies = loom::data::validate(schema, batch);
  REQUIRE(kinds(anomalies) == std::vector<std::string>{"age:missing_rate"});
  CHECK(anomalies[0].detail ==
        "2 of 4 rows missing (rate 0.5, first at line 2); expected at most 0.3 (training rate "
        "0.25 + tolerance 0.05)");
  schema.missing_rate_tolerance = 0.3;
  CHECK(loom::data::validate(schema, batch).empty());
}

TEST_CASE("validate quotes lines through line_of_row, and numbers as categories",
          "[data][schema]") {
  const auto schema = loom::data::infer_schema(
      Dataset({Column::categorical_from_values("grade", {"1", "2", "A"})}));
  // A batch whose categories all look numeric is read as numeric: still compared as strings.
  const Dataset batch({Column::numeric("grade", {1, 2, 3})});
  loom::data::ValidateOptions options;
  options.line_of_row = [](std::size_t row) { return row * 10; };
  const auto anomalies = loom::data::validate(schema, batch, options);
  REQUIRE(anomalies.size() == 1);
  CHECK(anomalies[0] == Anomaly{"grade", "unseen_category",
                                "1 value not seen in training, in 1 row: \"3\" (1 row, first at "
                                "line 20)"});
}

TEST_CASE("A schema round-trips through JSON", "[data][schema]") {
  const auto schema = loom::data::infer_schema(training());
  const auto json = loom::data::to_json(schema);
  CHECK(json["format"] == "loom-schema");
  CHECK(json["columns"][0]["min"] == 30.0);
  CHECK(json["columns"][1]["categories"] == nlohmann::json({"Oslo", "Rome"}));
  const auto back = loom::data::schema_from_json(nlohmann::json::parse(json.dump()), "s.json");
  CHECK(loom::data::to_json(back) == json);
  const auto list = loom::data::to_json(std::vector<Anomaly>{{"a", "new_column", "d"}});
  CHECK(list.dump() == R"([{"column":"a","kind":"new_column","detail":"d"}])");
}

TEST_CASE("schema_from_json names the source and the field at fault", "[data][schema][errors]") {
  using nlohmann::json;
  CHECK_LOOM_THROWS(loom::data::schema_from_json(json::array(), "s.json"), loom::ParseError,
                    "s.json: not a loom schema");
  const json base = {{"format", "loom-schema"}, {"format_version", 1}};
  json future = base;
  future["format_version"] = 2;
  future["columns"] = json::array();
  CHECK_LOOM_THROWS(loom::data::schema_from_json(future, "s.json"), loom::ParseError,
                    "format_version 2 is newer");
  json bad_type = base;
  bad_type["columns"] = {{{"name", "a"}, {"type", "date"}}};
  CHECK_LOOM_THROWS(loom::data::schema_from_json(bad_type, "s.json"), loom::ParseError,
                    "columns[0].type = \"date\" must be numeric, categorical or text");
  json twice = base;
  twice["columns"] = {{{"name", "a"}, {"type", "numeric"}}, {{"name", "a"}, {"type", "numeric"}}};
  CHECK_LOOM_THROWS(loom::data::schema_from_json(twice, "s.json"), loom::ParseError,
                    "column \"a\" is listed twice");
  json bad_min = base;
  bad_min["columns"] = {{{"name", "a"}, {"type", "numeric"}, {"min", "low"}}};
  CHECK_LOOM_THROWS(loom::data::schema_from_json(bad_min, "s.json"), loom::ParseError,
                    "columns[0].min must be a number or null");
  json no_columns = base;
  CHECK_LOOM_THROWS(loom::data::schema_from_json(no_columns, "s.json"), loom::ParseError,
                    "\"columns\" must be a list");
}
