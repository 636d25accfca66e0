#include "loom/features/relational_features.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "encoding_fixtures.hpp"
#include "loom/core/error.hpp"

using loom::features::RelationalAggregation;
using loom::features::synthesize_features;

TEST_CASE("Relational features match pandas' groupby-aggregate and left join",
          "[features][relational]") {
  const auto fixture = loom::test::load_fixture("features_encoding/relational_features.json");
  const auto& test_case = fixture["cases"][0];
  const loom::Dataset customers = loom::test::to_dataset(test_case["entities"]);
  const loom::Dataset orders = loom::test::to_dataset(test_case["related"]);
  const loom::Dataset amounts = synthesize_features(
      customers, orders,
      {.entity_key = "customer",
       .related_key = "",
       .prefix = "orders",
       .columns = {"amount"},
       .functions = {"count", "sum", "mean", "std", "min", "max", "distinct_count", "most_recent"},
       .time_column = "day"});
  const loom::Dataset channels = synthesize_features(customers, orders,
                                                     {.entity_key = "customer",
                                                      .related_key = "customer",
                                                      .prefix = "orders",
                                                      .columns = {"channel"},
                                                      .functions = {"distinct_count"}});
  const loom::Dataset expected = loom::test::to_dataset(test_case["expected"]);
  for (const auto& column : expected.columns()) {
    const loom::Dataset& source = amounts.has_column(column.name()) ? amounts : channels;
    REQUIRE(source.has_column(column.name()));
    const loom::Column& actual = source.column(column.name());
    for (std::size_t row = 0; row < column.size(); ++row) {
      if (column.type() == loom::ColumnType::numeric) {
        CHECK(loom::test::close(actual.numeric_values()[row], column.numeric_values()[row], 1e-12));
      } else {
        CHECK(actual.value_string(row) == column.value_string(row));
      }
    }
  }
  CHECK(amounts.n_rows() == customers.n_rows());
}

TEST_CASE("Relational features name the problem", "[features][relational][errors]") {
  const loom::Dataset entities({loom::Column::numeric("id", {1, 2})});
  const loom::Dataset related(
      {loom::Column::numeric("id", {1, 1}), loom::Column::numeric("amount", {3, 4})});
  auto run = [&](const loom::Dataset& left, const RelationalAggregation& aggregation) {
    return synthesize_features(left, related, aggregation);
  };
  RelationalAggregation unknown_key{.entity_key = "key"};
  CHECK_LOOM_THROWS(run(entities, unknown_key), loom::SchemaError, "entity key \"key\"");
  RelationalAggregation unknown_function{.entity_key = "id", .functions = {"median"}};
  CHECK_LOOM_THROWS(run(entities, unknown_function), loom::ParameterError,
                    "unknown function \"median\"");
  RelationalAggregation no_time{.entity_key = "id", .functions = {"most_recent"}};
  CHECK_LOOM_THROWS(run(entities, no_time), loom::ParameterError, "time_column");
  RelationalAggregation unknown_column{.entity_key = "id", .columns = {"price"}};
  CHECK_LOOM_THROWS(run(entities, unknown_column), loom::SchemaError, "column \"price\"");
  const loom::Dataset missing_key({loom::Column::numeric("id", {1, std::nan("")})});
  RelationalAggregation by_id{.entity_key = "id"};
  CHECK_LOOM_THROWS(run(missing_key, by_id), loom::DataError, "missing at row 1");
}
