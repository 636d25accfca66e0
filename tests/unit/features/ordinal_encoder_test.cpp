#include "loom/features/ordinal_encoder.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "encoding_fixtures.hpp"
#include "loom/core/registry.hpp"

using loom::Column;
using loom::Dataset;
using loom::features::OrdinalEncoder;

TEST_CASE("OrdinalEncoder matches scikit-learn on the fixtures", "[features][ordinal]") {
  const auto fixture = loom::test::load_fixture("features_encoding/ordinal_encoder.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      const Dataset x = loom::test::to_dataset(test_case["X"]);
      const Dataset x_new = loom::test::to_dataset(test_case["X_new"]);
      auto step = loom::make_step(
          {{"name", "enc"}, {"type", "OrdinalEncoder"}, {"params", test_case["params"]}});
      auto& encoder = dynamic_cast<OrdinalEncoder&>(*step);
      encoder.fit(x);
      for (std::size_t j = 0; j < x.n_columns(); ++j) {
        const auto expected = test_case["categories"][j];
        const auto actual = encoder.categories(j);
        REQUIRE(actual.size() == expected.size());
        for (std::size_t k = 0; k < actual.size(); ++k) {
          if (expected[k].is_number()) {
            CHECK(actual[k].get<double>() == expected[k].get<double>());
          } else {
            CHECK(actual[k] == expected[k]);
          }
        }
      }
      CHECK(encoder.feature_names_out() == loom::test::to_strings(test_case["feature_names_out"]));
      CHECK(loom::test::all_close(encoder.transform(x).matrix().dense(),
                                  loom::test::to_matrix(test_case["transformed"]), 0.0));
      CHECK(loom::test::all_close(encoder.transform(x_new).matrix().dense(),
                                  loom::test::to_matrix(test_case["transformed_new"]), 0.0));
      OrdinalEncoder restored(encoder.params());
      restored.load_fitted_state(nlohmann::json::parse(encoder.fitted_state().dump()));
      CHECK(loom::test::all_close(restored.transform(x_new).matrix().dense(),
                                  encoder.transform(x_new).matrix().dense(), 0.0));
    }
  }
}

TEST_CASE("OrdinalEncoder names the culprit in errors", "[features][ordinal][errors]") {
  const Dataset x({Column::categorical_from_values("color", {"red", "blue", std::nullopt})});
  OrdinalEncoder encoder;
  encoder.set_name("ord");
  CHECK_LOOM_THROWS(encoder.transform(x), loom::NotFittedError, "OrdinalEncoder \"ord\"");
  encoder.fit(x);
  CHECK_LOOM_THROWS(
      encoder.transform(Dataset({Column::categorical_from_values("color", {"green"})})),
      loom::DataError, "column \"color\" has category \"green\"");

  OrdinalEncoder colliding({.handle_unknown = "use_encoded_value", .unknown_value = 1});
  CHECK_LOOM_THROWS(colliding.fit(x), loom::ParameterError, "unknown_value = 1");
  OrdinalEncoder unset({.handle_unknown = "use_encoded_value"});
  CHECK_LOOM_THROWS(unset.fit(x), loom::ParameterError, "unknown_value = null");
  OrdinalEncoder misplaced({.unknown_value = 5});
  CHECK_LOOM_THROWS(misplaced.fit(x), loom::ParameterError, "use_encoded_value");
  OrdinalEncoder missing_collides({.encoded_missing_value = 0});
  CHECK_LOOM_THROWS(missing_collides.fit(x), loom::ParameterError,
                    "encoded_missing_value = 0 is already the code of a category of column "
                    "\"color\"");
  OrdinalEncoder bad_type;
  bad_type.params().unknown_value = 1.5;
  bad_type.params().handle_unknown = "use_encoded_value";
  CHECK_LOOM_THROWS(bad_type.fit(x), loom::ParameterError, "unknown_value");
}
