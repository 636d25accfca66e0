#include "loom/core/table.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "check_throws.hpp"
#include "loom/core/error.hpp"

using loom::Column;
using loom::ColumnType;
using loom::Dataset;
using loom::FeatureMatrix;
using loom::Table;

namespace {
const double kNan = std::nan("");

Dataset mixed() {
  return Dataset({Column::numeric("age", {30, 40, kNan}),
                  Column::categorical_from_values("city", {"lyon", std::nullopt, "nice"})});
}

FeatureMatrix features() {
  Eigen::MatrixXd values(3, 2);
  values << 1, 2, 3, 4, 5, 6;
  return FeatureMatrix(values, {"f0", "f1"});
}
}  // namespace

TEST_CASE("Table holds a dataset or a feature matrix", "[core][table]") {
  const Table from_dataset = mixed();
  CHECK(from_dataset.is_dataset());
  CHECK_FALSE(from_dataset.is_sparse());
  CHECK(from_dataset.n_rows() == 3);
  CHECK(from_dataset.n_columns() == 2);
  CHECK(from_dataset.column_names() == std::vector<std::string>{"age", "city"});
  CHECK_LOOM_THROWS(from_dataset.matrix(), loom::DataError, "holds a dataset");

  const Table from_matrix = features();
  CHECK_FALSE(from_matrix.is_dataset());
  CHECK(from_matrix.column_names() == std::vector<std::string>{"f0", "f1"});
  CHECK_LOOM_THROWS(from_matrix.dataset(), loom::DataError, "holds a feature matrix");

  Eigen::MatrixXd dense(2, 2);
  dense << 0, 1, 0, 0;
  const Table sparse = FeatureMatrix(loom::SparseMatrix(dense.sparseView()), {"a", "b"});
  CHECK(sparse.is_sparse());
  CHECK(sparse.to_dense("t") == dense);
}

TEST_CASE("Table converts to numbers and names what cannot be", "[core][table]") {
  const Table numeric = Dataset({Column::numeric("a", {1, 2}), Column::numeric("b", {3, 4})});
  Eigen::MatrixXd expected(2, 2);
  expected << 1, 3, 2, 4;
  CHECK(numeric.to_dense("t") == expected);
  CHECK_LOOM_THROWS(Table(mixed()).to_dense("StandardScaler \"scaler\""), loom::DataError,
                    "StandardScaler \"scaler\": column \"city\" is categorical, expected numeric");

  const Dataset as_dataset = Table(features()).to_dataset();
  CHECK(as_dataset.column_names() == std::vector<std::string>{"f0", "f1"});
  CHECK(as_dataset.column("f1").numeric_values()[2] == 6.0);
}

TEST_CASE("Table reports the first missing value with column and row", "[core][table]") {
  CHECK_LOOM_THROWS(Table(mixed()).require_no_missing("LogisticRegression \"model\""),
                    loom::DataError,
                    "LogisticRegression \"model\": column \"age\" has a missing value (NaN) at "
                    "row 2");
  CHECK_LOOM_THROWS(Table(mixed().select({"city"})).require_no_missing("M"), loom::DataError,
                    "column \"city\" has a missing value (NaN) at row 1");
  Eigen::MatrixXd values(2, 2);
  values << 1, 2, 3, kNan;
  CHECK_LOOM_THROWS(Table(FeatureMatrix(values, {"a", "b"})).require_no_missing("M"),
                    loom::DataError, "column \"b\" has a missing value (NaN) at row 1");
  const Table sparse = FeatureMatrix(loom::SparseMatrix(values.sparseView()), {"a", "b"});
  CHECK_LOOM_THROWS(sparse.require_no_missing("M"), loom::DataError, "column \"b\"");
  CHECK_NOTHROW(Table(features()).require_no_missing("M"));
}

TEST_CASE("Table takes rows and renames columns", "[core][table]") {
  const Table taken = Table(mixed()).take({2, 0});
  REQUIRE(taken.is_dataset());
  CHECK(taken.n_rows() == 2);
  CHECK(taken.dataset().column("city").value_string(0) == "nice");
  CHECK(taken.dataset().column("age").numeric_values()[1] == 30.0);
  const Table taken_matrix = Table(features()).take({1});
  CHECK(taken_matrix.matrix().dense()(0, 1) == 4.0);

  const Table renamed = Table(features()).with_column_names({"x", "y"});
  CHECK(renamed.column_names() == std::vector<std::string>{"x", "y"});
  CHECK(renamed.matrix().dense() == features().dense());
  CHECK(Table(mixed()).with_column_names({"p", "q"}).dataset().column("q").type() ==
        ColumnType::categorical);
  CHECK_LOOM_THROWS(Table(features()).with_column_names({"x"}), loom::DataError,
                    "1 names for 2 columns");
}

TEST_CASE("Table concatenates columns, keeping types where it must", "[core][table]") {
  // Two datasets stay a dataset.
  const Table both = Table(mixed()).concat_columns(Dataset({Column::numeric("w", {1, 2, 3})}));
  REQUIRE(both.is_dataset());
  CHECK(both.column_names() == std::vector<std::string>{"age", "city", "w"});
  // A matrix beside numeric columns becomes one matrix.
  const Table numeric =
      Table(features()).concat_columns(Dataset({Column::numeric("w", {7, 8, 9})}));
  REQUIRE_FALSE(numeric.is_dataset());
  CHECK(numeric.column_names() == std::vector<std::string>{"f0", "f1", "w"});
  CHECK(numeric.matrix().dense()(2, 2) == 9.0);
  // A matrix beside a categorical column stays a dataset so the categories are kept.
  const Table kept = Table(features()).concat_columns(mixed().select({"city"}));
  REQUIRE(kept.is_dataset());
  CHECK(kept.dataset().column("city").type() == ColumnType::categorical);
  CHECK(kept.dataset().column("f0").numeric_values()[1] == 3.0);
  CHECK_LOOM_THROWS(Table(features()).concat_columns(Dataset({Column::numeric("w", {1, 2})})),
                    loom::DataError, "3 rows on the left, 2 on the right");
}
