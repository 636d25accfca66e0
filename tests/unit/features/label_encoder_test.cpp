#include "loom/features/label_encoder.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "loom/core/registry.hpp"

using loom::Column;
using loom::features::LabelEncoder;

TEST_CASE("LabelEncoder encodes sorted classes and decodes them back", "[features][label]") {
  SECTION("strings sort as strings") {
    LabelEncoder encoder;
    const Column y = Column::categorical_from_values("y", {"paris", "tokyo", "amsterdam", "paris"});
    encoder.fit_labels(y);
    CHECK(encoder.classes().value_string(0) == "amsterdam");
    CHECK(encoder.classes().value_string(2) == "tokyo");
    const Column codes = encoder.transform_labels(y);
    CHECK(std::vector<double>(codes.numeric_values().begin(), codes.numeric_values().end()) ==
          std::vector<double>{1, 2, 0, 1});
    const Column back = encoder.inverse_transform(codes);
    for (std::size_t row = 0; row < y.size(); ++row)
      CHECK(back.value_string(row) == y.value_string(row));
  }
  SECTION("numbers sort numerically (10 after 9)") {
    LabelEncoder encoder;
    encoder.fit_labels(Column::numeric("y", {10, 9, 1, 9}));
    const Column codes = encoder.transform_labels(Column::numeric("y", {1, 9, 10}));
    CHECK(std::vector<double>(codes.numeric_values().begin(), codes.numeric_values().end()) ==
          std::vector<double>{0, 1, 2});
  }
  SECTION("as a step on one column, restored from its state") {
    auto step = loom::make_step({{"name", "labels"}, {"type", "LabelEncoder"}});
    auto& encoder = dynamic_cast<LabelEncoder&>(*step);
    const loom::Dataset x({Column::categorical_from_values("city", {"b", "a", "b"})});
    const loom::Table output = encoder.fit_transform(x, nullptr);
    CHECK(output.column_names() == std::vector<std::string>{"city"});
    CHECK(output.matrix().dense()(0, 0) == 1.0);
    LabelEncoder restored;
    restored.load_fitted_state(nlohmann::json::parse(encoder.fitted_state().dump()));
    CHECK(restored.transform(x).matrix().dense() == output.matrix().dense());
  }
}

TEST_CASE("LabelEncoder names unseen labels and bad codes", "[features][label][errors]") {
  LabelEncoder encoder;
  encoder.set_name("labels");
  CHECK_LOOM_THROWS(encoder.transform_labels(Column::numeric("y", {1})), loom::NotFittedError,
                    "LabelEncoder \"labels\"");
  encoder.fit_labels(Column::categorical_from_values("y", {"no", "yes"}));
  CHECK_LOOM_THROWS(encoder.transform_labels(Column::categorical_from_values("y", {"maybe"})),
                    loom::DataError, "maybe");
  CHECK_LOOM_THROWS(encoder.inverse_transform(Column::numeric("y", {0, 2})), loom::DataError,
                    "got \"2\" at row 1");
  CHECK_LOOM_THROWS(encoder.fit_labels(Column::categorical_from_values("y", {"a", std::nullopt})),
                    loom::DataError, "missing at row 1");
  const loom::Dataset two({Column::numeric("a", {1}), Column::numeric("b", {2})});
  CHECK_LOOM_THROWS(encoder.fit(two), loom::DataError, "exactly one column");
}
