#include "loom/features/one_hot_encoder.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "encoding_fixtures.hpp"
#include "loom/core/registry.hpp"

using loom::Column;
using loom::Dataset;
using loom::features::OneHotEncoder;

namespace {
// Categories compared as JSON values: numbers by value, null for the missing category.
bool same_categories(const nlohmann::json& actual, const nlohmann::json& expected) {
  if (actual.size() != expected.size()) return false;
  for (std::size_t k = 0; k < actual.size(); ++k) {
    if (expected[k].is_number()) {
      if (!actual[k].is_number() || actual[k].get<double>() != expected[k].get<double>())
        return false;
    } else if (actual[k] != expected[k]) {
      return false;
    }
  }
  return true;
}
}  // namespace

TEST_CASE("OneHotEncoder matches scikit-learn on the fixtures", "[features][one_hot]") {
  const auto fixture = loom::test::load_fixture("features_encoding/one_hot_encoder.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      const Dataset x = loom::test::to_dataset(test_case["X"]);
      const Dataset x_new = loom::test::to_dataset(test_case["X_new"]);
      auto step = loom::make_step(
          {{"name", "enc"}, {"type", "OneHotEncoder"}, {"params", test_case["params"]}});
      auto& encoder = dynamic_cast<OneHotEncoder&>(*step);
      encoder.fit(x);
      for (std::size_t j = 0; j < x.n_columns(); ++j) {
        CHECK(same_categories(encoder.categories(j), test_case["categories"][j]));
        if (!test_case["infrequent_categories"].is_null()) {
          CHECK(same_categories(encoder.infrequent_categories(j),
                                test_case["infrequent_categories"][j]));
        }
        const std::int32_t expected_drop =
            test_case["drop_idx"].is_null() ? -1 : test_case["drop_idx"][j].get<std::int32_t>();
        CHECK(encoder.drop_idx()[j] == expected_drop);
      }
      CHECK(encoder.feature_names_out() == loom::test::to_strings(test_case["feature_names_out"]));
      const loom::Table output = encoder.transform(x);
      CHECK(output.is_sparse() == test_case["sparse"].get<bool>());
      CHECK(output.column_names() == encoder.feature_names_out());
      CHECK(output.matrix().to_dense() == loom::test::to_matrix(test_case["transformed"]));
      CHECK(encoder.transform(x_new).matrix().to_dense() ==
            loom::test::to_matrix(test_case["transformed_new"]));

      OneHotEncoder restored(encoder.params());
      restored.load_fitted_state(nlohmann::json::parse(encoder.fitted_state().dump()));
      CHECK(restored.feature_names_out() == encoder.feature_names_out());
      CHECK(restored.transform(x_new).matrix().to_dense() ==
            encoder.transform(x_new).matrix().to_dense());
    }
  }
}

TEST_CASE("OneHotEncoder accepts scikit-learn 1.2's deprecated `sparse`", "[features][one_hot]") {
  const Dataset x({Column::categorical_from_values("city", {"b", "a", "b"})});
  OneHotEncoder encoder;
  encoder.set_params({{"sparse", false}});
  const loom::Table output = encoder.fit_transform(x, nullptr);
  REQUIRE_FALSE(output.is_sparse());
  CHECK(output.column_names() == std::vector<std::string>{"city_a", "city_b"});
  Eigen::MatrixXd expected(3, 2);
  expected << 0, 1, 1, 0, 0, 1;
  CHECK(output.matrix().dense() == expected);
}

TEST_CASE("OneHotEncoder encodes a numeric FeatureMatrix", "[features][one_hot]") {
  Eigen::MatrixXd values(4, 1);
  values << 2, 0.5, 2, std::nan("");
  OneHotEncoder encoder({.sparse_output = false});
  const loom::Table output = encoder.fit_transform(loom::FeatureMatrix(values, {"x0"}), nullptr);
  CHECK(output.column_names() == std::vector<std::string>{"x0_0.5", "x0_2.0", "x0_nan"});
  Eigen::MatrixXd expected(4, 3);
  expected << 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1;
  CHECK(output.matrix().dense() == expected);
}

TEST_CASE("OneHotEncoder names the column and value of an unknown category",
          "[features][one_hot][errors]") {
  const Dataset x(
      {Column::categorical_from_values("color", {"red", "blue"}), Column::numeric("size", {1, 2})});
  OneHotEncoder encoder;
  encoder.set_name("enc");
  CHECK_LOOM_THROWS(encoder.transform(x), loom::NotFittedError, "OneHotEncoder \"enc\"");
  encoder.fit(x);
  const Dataset unseen_string({Column::categorical_from_values("color", {"red", "purple"}),
                               Column::numeric("size", {1, 2})});
  CHECK_LOOM_THROWS(encoder.transform(unseen_string), loom::DataError,
                    "column \"color\" has category \"purple\" (row index 1)");
  const Dataset unseen_number(
      {Column::categorical_from_values("color", {"red", "blue"}), Column::numeric("size", {1, 7})});
  CHECK_LOOM_THROWS(encoder.transform(unseen_number), loom::DataError,
                    "column \"size\" has category \"7\"");
  const Dataset unseen_missing({Column::categorical_from_values("color", {"red", std::nullopt}),
                                Column::numeric("size", {1, 2})});
  CHECK_LOOM_THROWS(encoder.transform(unseen_missing), loom::DataError, "category \"nan\"");
  CHECK_LOOM_THROWS(encoder.transform(Dataset({Column::numeric("size", {1})})), loom::SchemaError,
                    "missing: \"color\"");
}

TEST_CASE("OneHotEncoder rejects bad parameters by name", "[features][one_hot][errors]") {
  const Dataset x({Column::categorical_from_values("color", {"red", "blue"})});
  auto fit_with = [&](const nlohmann::json& params) {
    OneHotEncoder encoder;
    encoder.set_params(params);
    encoder.fit(x);
  };
  CHECK_LOOM_THROWS(fit_with({{"handle_unknown", "skip"}}), loom::ParameterError, "handle_unknown");
  CHECK_LOOM_THROWS(fit_with({{"drop", "last"}}), loom::ParameterError, "drop");
  CHECK_LOOM_THROWS(fit_with({{"min_frequency", 1.5}}), loom::ParameterError, "min_frequency");
  CHECK_LOOM_THROWS(fit_with({{"min_frequency", 0}}), loom::ParameterError, "min_frequency");
  CHECK_LOOM_THROWS(fit_with({{"max_categories", 0}}), loom::ParameterError, "max_categories");
  CHECK_LOOM_THROWS(fit_with({{"sparse", "yes"}}), loom::ParameterError, "sparse");
  CHECK_LOOM_THROWS(fit_with({{"categories", "given"}}), loom::ParameterError, "categories");
}

TEST_CASE("OneHotEncoder refuses a corrupt saved state", "[features][one_hot][errors]") {
  const Dataset x({Column::categorical_from_values("color", {"red", "blue"})});
  OneHotEncoder encoder({.min_frequency = 2});
  encoder.fit(x);
  auto state = encoder.fitted_state();
  state["infrequent_indices"] = {{5}};
  OneHotEncoder restored;
  CHECK_LOOM_THROWS(restored.load_fitted_state(state), loom::ParseError, "out of range");
  state.erase("drop_idx");
  CHECK_LOOM_THROWS(restored.load_fitted_state(state), loom::ParseError, "drop_idx");
}
