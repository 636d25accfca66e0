#include "loom/core/labels.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "check_throws.hpp"
#include "loom/core/error.hpp"

using loom::Column;

namespace {
std::vector<std::string> as_strings(const Column& column) {
  std::vector<std::string> values;
  for (std::size_t row = 0; row < column.size(); ++row)
    values.push_back(column.value_string(row));
  return values;
}
}  // namespace

TEST_CASE("Numeric labels are sorted numerically", "[core][labels]") {
  const Column y = Column::numeric("y", {10, 2, -1, 2, 10, 2});
  const auto encoded = loom::encode_labels(y, "Model \"m\"");
  CHECK(encoded.classes.type() == loom::ColumnType::numeric);
  CHECK(encoded.classes.name() == "y");
  // 10 after 2: numeric order, not text order.
  CHECK(as_strings(encoded.classes) == std::vector<std::string>{"-1", "2", "10"});
  CHECK(encoded.indices == std::vector<int>{2, 1, 0, 1, 2, 1});
  const Column decoded = loom::decode_labels(encoded.classes, encoded.indices, "predicted");
  CHECK(decoded.name() == "predicted");
  CHECK(as_strings(decoded) == as_strings(y));
}

TEST_CASE("Text labels are sorted as strings and unused categories dropped", "[core][labels]") {
  // A categorical column whose dictionary has a category no row uses.
  const Column y = Column::categorical("y", {2, 0, 2, 2}, {"cat", "cow", "dog"});
  const auto encoded = loom::encode_labels(y, "Model");
  CHECK(as_strings(encoded.classes) == std::vector<std::string>{"cat", "dog"});
  CHECK(encoded.indices == std::vector<int>{1, 0, 1, 1});
  const Column decoded = loom::decode_labels(encoded.classes, {1, 1, 0}, "y");
  CHECK(decoded.type() == loom::ColumnType::categorical);
  CHECK(as_strings(decoded) == std::vector<std::string>{"dog", "dog", "cat"});

  const Column text = Column::text("y", {"b", "a", "b"}, {});
  CHECK(as_strings(loom::encode_labels(text, "Model").classes) ==
        std::vector<std::string>{"a", "b"});
}

TEST_CASE("Labels are found among fitted classes", "[core][labels]") {
  const Column classes = Column::numeric("y", {0, 1, 2});
  CHECK(loom::label_indices(classes, Column::numeric("y", {2, 0, 2}), "Model") ==
        std::vector<int>{2, 0, 2});
  const Column names = Column::categorical_from_values("y", {"no", "yes"});
  CHECK(loom::label_indices(names, Column::categorical_from_values("y", {"yes", "no"}), "Model") ==
        std::vector<int>{1, 0});
}

TEST_CASE("Missing, empty and unknown labels are refused with the row", "[core][labels][errors]") {
  const Column with_nan = Column::numeric("churn", {0, 1, std::nan(""), 1});
  CHECK_LOOM_THROWS(loom::encode_labels(with_nan, "LogisticRegression \"model\""), loom::DataError,
                    "LogisticRegression \"model\": target \"churn\" is missing at row 2");
  const Column with_missing = Column::categorical_from_values("churn", {"a", std::nullopt});
  CHECK_LOOM_THROWS(loom::encode_labels(with_missing, "M"), loom::DataError, "missing at row 1");
  CHECK_LOOM_THROWS(loom::encode_labels(Column::numeric("y", {}), "M"), loom::DataError,
                    "M: the target has no rows");
  const Column classes = Column::numeric("y", {0, 1});
  CHECK_LOOM_THROWS(loom::label_indices(classes, Column::numeric("y", {0, 3}), "M"),
                    loom::DataError, "M: label \"3\" at row 1 is not one of the fitted classes");
  CHECK_LOOM_THROWS(loom::label_indices(classes, with_nan, "M"), loom::DataError,
                    "missing at row 2");
}
