#include "loom/clean/smotenc.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "resample_test_support.hpp"

using loom::Column;
using loom::Dataset;
using loom::clean::SMOTENC;

namespace {
// The fixture's mixed table: numeric columns as numbers, the others as categorical.
Dataset mixed_dataset(const nlohmann::json& item) {
  const auto names = item["columns"].get<std::vector<std::string>>();
  const auto categorical = item["categorical"].get<std::vector<std::string>>();
  std::vector<Column> columns;
  for (std::size_t j = 0; j < names.size(); ++j) {
    const bool is_categorical =
        std::find(categorical.begin(), categorical.end(), names[j]) != categorical.end();
    std::vector<double> numbers;
    std::vector<std::optional<std::string>> strings;
    for (const auto& row : item["X"]) {
      if (is_categorical) {
        strings.emplace_back(row[j].get<std::string>());
      } else {
        numbers.push_back(row[j].get<double>());
      }
    }
    columns.push_back(is_categorical ? Column::categorical_from_values(names[j], strings)
                                     : Column::numeric(names[j], numbers));
  }
  return Dataset(std::move(columns));
}
}  // namespace

TEST_CASE("SMOTENC generates the same rows as imbalanced-learn, categories included",
          "[clean][resample][smotenc]") {
  const auto cases = loom::test::sampler_cases("SMOTENC");
  REQUIRE(cases.size() == 2);
  for (const auto& item : cases) {
    INFO("params " << item["params"].dump());
    const Dataset x = mixed_dataset(item);
    const Column y = loom::test::labels_column(item["y"]);
    SMOTENC sampler;
    sampler.set_params(item["params"]);
    const auto [resampled, labels] = sampler.fit_resample(x, y);
    CHECK(sampler.median_std() == Approx(item["median_std"].get<double>()).epsilon(1e-12));
    CHECK(loom::test::label_counts(labels) == loom::test::label_counts(item["y_res"]));
    const Dataset& out = resampled.dataset();
    REQUIRE(out.n_rows() == x.n_rows() + item["X_new"].size());
    CHECK(out.schema() == x.schema());
    for (std::size_t i = 0; i < item["X_new"].size(); ++i) {
      const auto& expected = item["X_new"][i];
      const std::size_t row = x.n_rows() + i;
      for (std::size_t j = 0; j < x.n_columns(); ++j) {
        const Column& column = out.column(j);
        if (expected[j].is_string()) {
          CHECK(column.value_string(row) == expected[j].get<std::string>());
        } else {
          CHECK(loom::test::close(column.numeric_values()[row], expected[j].get<double>(), 1e-9));
        }
      }
    }
    for (std::size_t row = 0; row < x.n_rows(); ++row)
      CHECK(out.column("colour").value_string(row) == x.column("colour").value_string(row));
  }
}

TEST_CASE("SMOTENC takes a new row's category from its neighbours, not from the sample",
          "[clean][resample][smotenc]") {
  // Class 1 has four rows; with k = 3 each row's neighbours are the three others, and every
  // row sees a majority of "v" among them, the "u" row included.
  const Dataset x(
      {Column::numeric("a", {0, 1, 2, 3, 4, 5, 6, 7, 10, 10.5, 11, 11.5}),
       Column::categorical_from_values(
           "kind", {"u", "u", "v", "u", "v", "u", "u", "v", "u", "v", "v", "v"}),
       Column::text("note",
                    {"n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10", "n11"},
                    std::vector<std::uint8_t>(12, 0))});
  const Column y = Column::numeric("y", {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1});
  SMOTENC sampler(
      {.categorical_features = loom::Json::array({"kind"}), .random_state = 0, .k_neighbors = 3});
  CHECK_LOOM_THROWS(sampler.fit_resample(x, y), loom::DataError,
                    "column \"note\" is text but not listed in categorical_features");
  // By default the categorical and text columns are categorical features.
  sampler.set_param("categorical_features", nullptr);
  const auto [resampled, labels] = sampler.fit_resample(x, y);
  const Dataset& out = resampled.dataset();
  REQUIRE(out.n_rows() == 16);
  for (std::size_t row = 12; row < 16; ++row) {
    CHECK(out.column("kind").value_string(row) == "v");
    CHECK(out.column("a").numeric_values()[row] >= 10.0);
    CHECK(out.column("a").numeric_values()[row] <= 11.5);
    CHECK(labels.value_string(row) == "1");
    CHECK(out.column("note").type() == loom::ColumnType::text);
  }
}

TEST_CASE("SMOTENC refuses bad categorical_features, naming them", "[clean][resample][smotenc]") {
  const Dataset x({Column::numeric("a", {0, 1, 2, 3, 4, 5}),
                   Column::categorical_from_values("kind", {"u", "u", "v", "u", "v", "u"})});
  const Column y = Column::numeric("y", {0, 0, 0, 0, 1, 1});
  SMOTENC sampler({.k_neighbors = 1});
  sampler.set_name("nc");
  sampler.set_param("categorical_features", loom::Json::array({"size"}));
  CHECK_LOOM_THROWS(sampler.fit_resample(x, y), loom::SchemaError,
                    "SMOTENC \"nc\": categorical_features names unknown column \"size\"");
  sampler.set_param("categorical_features", loom::Json::array({4}));
  CHECK_LOOM_THROWS(sampler.fit_resample(x, y), loom::ParameterError,
                    "categorical_features index 4 is out of range");
  sampler.set_param("categorical_features", loom::Json::array({0, 1}));
  CHECK_LOOM_THROWS(sampler.fit_resample(x, y), loom::ParameterError,
                    "every column is categorical; SMOTENC needs numeric features too");
  sampler.set_param("categorical_features", "kind");
  CHECK_LOOM_THROWS(
      sampler.fit_resample(x, y), loom::ParameterError,
      "parameter categorical_features = \"kind\" must be null, a list of column names");
}
