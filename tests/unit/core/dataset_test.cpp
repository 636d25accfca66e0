#include "loom/core/dataset.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "check_throws.hpp"
#include "loom/core/error.hpp"
#include "loom/core/xtensor_view.hpp"

using loom::Column;
using loom::ColumnType;
using loom::Dataset;

namespace {
Dataset small_dataset() {
  return Dataset({Column::numeric("age", {30, 40, std::nan(""), 50}),
                  Column::categorical_from_values("color", {"red", "blue", std::nullopt, "red"}),
                  Column::text("note", {"a b", "c", "", "d e f"}, {0, 0, 1, 0})});
}
}  // namespace

TEST_CASE("Dataset exposes its schema and typed columns", "[core][dataset]") {
  const Dataset data = small_dataset();
  CHECK(data.n_rows() == 4);
  CHECK(data.n_columns() == 3);
  CHECK(data.schema_string() == "age: numeric\ncolor: categorical\nnote: text\n");
  CHECK(data.column("color").categories() == std::vector<std::string>{"blue", "red"});
  CHECK(data.column("color").codes()[0] == 1);
  CHECK(data.column("color").codes()[2] == Column::kMissingCode);
  CHECK(data.column("age").count_missing() == 1);
  CHECK(data.column("note").is_missing(2));
  CHECK(data.column("age").value_string(0) == "30");
  CHECK(data.column("age").value_string(2) == "");
}

TEST_CASE("Dataset views numeric columns without copying", "[core][dataset]") {
  const Dataset data = small_dataset();
  auto map = data.numeric_map("age");
  CHECK(map.data() == data.column("age").numeric_values().data());
  auto view = loom::as_xtensor(data.column("age"));
  CHECK(&view(0) == data.column("age").numeric_values().data());
  CHECK(view(3) == 50.0);
  const Eigen::MatrixXd matrix = data.to_matrix();
  CHECK(matrix.cols() == 1);
  CHECK(matrix(1, 0) == 40.0);
}

TEST_CASE("Dataset selects, drops, renames and splits columns", "[core][dataset]") {
  const Dataset data = small_dataset();
  CHECK(data.select({"note", "age"}).column_names() == std::vector<std::string>{"note", "age"});
  CHECK(data.drop({"note"}).column_names() == std::vector<std::string>{"age", "color"});
  CHECK(data.rename("age", "years").has_column("years"));
  CHECK(data.select_type(ColumnType::categorical).column_names() ==
        std::vector<std::string>{"color"});
  auto [features, labels] = data.split_target("color");
  CHECK(features.column_names() == std::vector<std::string>{"age", "note"});
  CHECK(labels.name() == "color");
}

TEST_CASE("Dataset takes, filters and concatenates rows", "[core][dataset]") {
  const Dataset data = small_dataset();
  const std::vector<std::size_t> rows{3, 0, 0};
  const Dataset taken = data.take(rows);
  CHECK(taken.n_rows() == 3);
  CHECK(taken.column("age").numeric_values()[0] == 50.0);
  CHECK(taken.column("color").value_string(2) == "red");
  const Dataset adults =
      data.filter([&](std::size_t row) { return data.column("age").numeric_values()[row] >= 40; });
  CHECK(adults.n_rows() == 2);
  CHECK(data.head(2).n_rows() == 2);
  const Dataset other({Column::numeric("age", {1}),
                       Column::categorical_from_values("color", {"green"}),
                       Column::text("note", {"x"}, {})});
  const Dataset both = data.concat_rows(other);
  CHECK(both.n_rows() == 5);
  CHECK(both.column("color").categories() == std::vector<std::string>{"blue", "green", "red"});
  CHECK(both.column("color").value_string(0) == "red");
  CHECK(both.column("color").value_string(4) == "green");
  const Dataset wider = data.concat_columns(Dataset({Column::numeric("w", {1, 2, 3, 4})}));
  CHECK(wider.n_columns() == 4);
}

TEST_CASE("Dataset names the column at fault", "[core][dataset][errors]") {
  const Dataset data = small_dataset();
  CHECK_LOOM_THROWS(data.column("agee"), loom::SchemaError, "\"agee\"");
  CHECK_THROWS_AS(data.column("color").numeric_values(), loom::SchemaError);
  CHECK_LOOM_THROWS(Dataset({Column::numeric("a", {1, 2}), Column::numeric("b", {1})}),
                    loom::DataError, "\"b\"");
  CHECK_LOOM_THROWS(Dataset({Column::numeric("a", {1}), Column::numeric("a", {1})}),
                    loom::SchemaError, "duplicate");
  const std::vector<std::size_t> bad_rows{9};
  CHECK_LOOM_THROWS(data.take(bad_rows), loom::DataError, "9");
}
