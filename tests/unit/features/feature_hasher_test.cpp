#include "loom/features/feature_hasher.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "extraction_support.hpp"
#include "loom/core/registry.hpp"
#include "loom/features/detail/murmurhash3.hpp"

using loom::features::FeatureHasher;

namespace {

// The hashing fixture's table: color and shape categorical, size numeric (null = missing).
loom::Dataset hasher_table(const nlohmann::json& table) {
  std::vector<loom::Column> columns;
  for (const std::string name : {"color", "size", "shape"}) {
    const auto& values = table[name];
    if (name == "size") {
      columns.push_back(loom::Column::numeric(name, loom::test::to_vector(values)));
    } else {
      std::vector<std::optional<std::string>> cells;
      for (const auto& value : values) {
        cells.push_back(value.is_null() ? std::nullopt
                                        : std::optional<std::string>(value.get<std::string>()));
      }
      columns.push_back(loom::Column::categorical_from_values(name, cells));
    }
  }
  return loom::Dataset(std::move(columns));
}

}  // namespace

TEST_CASE("murmurhash3_32 is bit-identical to scikit-learn's", "[features][feature_hasher]") {
  const auto fixture = loom::test::load_fixture("features_extraction/murmurhash3.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    const auto key = test_case["key"].get<std::string>();
    const auto seed = test_case["seed"].get<std::uint32_t>();
    CHECK(loom::features::detail::murmurhash3_32(key, seed) == test_case["hash"].get<int>());
    CHECK(loom::features::detail::murmurhash3_32_unsigned(key, seed) ==
          test_case["positive"].get<std::uint32_t>());
  }
}

TEST_CASE("FeatureHasher matches scikit-learn on a table as dicts", "[features][feature_hasher]") {
  const auto fixture = loom::test::load_fixture("features_extraction/feature_hasher.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      FeatureHasher hasher;
      hasher.set_params(test_case["params"]);
      loom::Table input;
      if (test_case.contains("table")) {
        input = hasher_table(test_case["table"]);
      } else {
        // input_type "string": one text column per position, missing where a row is shorter.
        const auto rows = test_case["string_rows"].get<std::vector<std::vector<std::string>>>();
        std::vector<loom::Column> columns;
        for (std::size_t position = 0; position < 3; ++position) {
          std::vector<std::string> values;
          std::vector<std::uint8_t> missing;
          for (const auto& row : rows) {
            values.push_back(position < row.size() ? row[position] : "");
            missing.push_back(position < row.size() ? 0 : 1);
          }
          columns.push_back(loom::Column::text("t" + std::to_string(position), values, missing));
        }
        input = loom::Dataset(std::move(columns));
      }
      const loom::Table output = hasher.fit_transform(input, nullptr);
      REQUIRE(output.is_sparse());
      CHECK(loom::test::sparse_close(output.matrix().sparse(), test_case["output"], 1e-12));
      const auto names = hasher.feature_names_out();
      CHECK(names.size() == test_case["params"]["n_features"].get<std::size_t>());
      CHECK(names.front() == "featurehasher0");
    }
  }
}

TEST_CASE("FeatureHasher is built by name and checks its parameters",
          "[features][feature_hasher][errors]") {
  auto step = loom::Registry::global().create("FeatureHasher", {{"n_features", 8}}, "hash");
  CHECK(step->get_params()["n_features"] == 8);
  FeatureHasher hasher({.n_features = 0});
  hasher.set_name("hash");
  CHECK_LOOM_THROWS(hasher.fit(hasher_table(loom::test::load_fixture(
                        "features_extraction/feature_hasher.json")["cases"][0]["table"])),
                    loom::ParameterError, "n_features = 0");
  FeatureHasher bad_type({.input_type = "pair"});
  CHECK_LOOM_THROWS(bad_type.fit(loom::Dataset({loom::Column::numeric("a", {1})})),
                    loom::ParameterError, "input_type");
  FeatureHasher empty;
  CHECK_LOOM_THROWS(empty.transform(loom::Dataset({loom::Column::numeric("a", {})})),
                    loom::DataError, "0 rows");
}

TEST_CASE("FeatureHasher keeps a million columns sparse", "[features][feature_hasher]") {
  FeatureHasher hasher;
  const loom::Dataset data({loom::Column::numeric("a", {1.0, 2.0, 0.0}),
                            loom::Column::categorical_from_values("b", {"x", std::nullopt, "y"})});
  const auto output = hasher.transform(data);
  REQUIRE(output.is_sparse());
  CHECK(output.n_columns() == 1048576);
  CHECK(output.matrix().sparse().nonZeros() == 4);
  FeatureHasher restored;
  restored.load_fitted_state(hasher.fitted_state());
  CHECK(restored.transform(data).matrix().sparse().isApprox(output.matrix().sparse()));
}
