#include "loom/features/value_mapper.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "loom/core/registry.hpp"

using loom::Column;
using loom::Dataset;
using loom::features::ValueMapper;

namespace {
Dataset cars() {
  return Dataset(
      {Column::categorical_from_values("num_doors", {"four", "two", std::nullopt, "four"}),
       Column::categorical_from_values("fuel", {"gas", "diesel", "gas", "gas"}),
       Column::numeric("price", {100, 200, 300, 400})});
}
}  // namespace

TEST_CASE("ValueMapper turns words into numbers and renames categories", "[features][mapper]") {
  auto step = loom::make_step(
      {{"name", "map"},
       {"type", "ValueMapper"},
       {"params",
        {{"mapping", {{"num_doors", {{"two", 2}, {"four", 4}}}, {"fuel", {{"gas", "petrol"}}}}},
         {"default", "passthrough"}}}});
  auto& mapper = dynamic_cast<ValueMapper&>(*step);
  const loom::Table output = mapper.fit_transform(cars(), nullptr);
  const Dataset& data = output.dataset();
  REQUIRE(data.column("num_doors").type() == loom::ColumnType::numeric);
  const auto doors = data.column("num_doors").numeric_values();
  CHECK(doors[0] == 4.0);
  CHECK(doors[1] == 2.0);
  CHECK(std::isnan(doors[2]));
  REQUIRE(data.column("fuel").type() == loom::ColumnType::categorical);
  CHECK(data.column("fuel").value_string(0) == "petrol");
  CHECK(data.column("fuel").value_string(1) == "diesel");
  CHECK(data.column("price").numeric_values()[3] == 400.0);
  CHECK(mapper.feature_names_out() == cars().column_names());
}

TEST_CASE("ValueMapper replaces unmapped values with the default", "[features][mapper]") {
  ValueMapper mapper({.mapping = {{"fuel", {{"gas", 1}}}}, .default_value = 0});
  const Dataset data = mapper.fit_transform(cars(), nullptr).dataset();
  const auto fuel = data.column("fuel").numeric_values();
  CHECK(std::vector<double>(fuel.begin(), fuel.end()) == std::vector<double>{1, 0, 1, 1});
}

TEST_CASE("ValueMapper names the column and value it cannot map", "[features][mapper][errors]") {
  ValueMapper mapper({.mapping = {{"num_doors", {{"four", 4}}}}});
  mapper.set_name("map");
  mapper.fit(cars());
  CHECK_LOOM_THROWS(mapper.transform(cars()), loom::DataError,
                    "column \"num_doors\" has the value \"two\" (row index 1)");
  ValueMapper absent({.mapping = {{"colour", {{"red", 1}}}}});
  CHECK_LOOM_THROWS(absent.fit(cars()), loom::SchemaError, "\"colour\"");
  ValueMapper empty;
  CHECK_LOOM_THROWS(empty.fit(cars()), loom::ParameterError, "mapping");
  ValueMapper nested({.mapping = {{"fuel", {{"gas", {1, 2}}}}}});
  CHECK_LOOM_THROWS(nested.fit(cars()), loom::ParameterError, "mapping");
}
