#include "loom/clean/simple_imputer.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "fixtures.hpp"

using loom::Column;
using loom::Dataset;
using loom::clean::SimpleImputer;

namespace {
Dataset numeric_dataset(const nlohmann::json& rows, const std::vector<std::string>& names) {
  const Eigen::MatrixXd x = loom::test::to_matrix(rows);
  std::vector<Column> columns;
  for (std::size_t j = 0; j < names.size(); ++j) {
    const auto column = x.col(static_cast<Eigen::Index>(j));
    columns.push_back(Column::numeric(names[j], std::vector<double>(column.begin(), column.end())));
  }
  return Dataset(std::move(columns));
}

Dataset string_dataset(const nlohmann::json& rows, const std::vector<std::string>& names) {
  std::vector<Column> columns;
  for (std::size_t j = 0; j < names.size(); ++j) {
    std::vector<std::optional<std::string>> values;
    for (const auto& row : rows) {
      if (row[j].is_null()) {
        values.emplace_back(std::nullopt);
      } else {
        values.emplace_back(row[j].get<std::string>());
      }
    }
    columns.push_back(Column::categorical_from_values(names[j], values));
  }
  return Dataset(std::move(columns));
}

void check_strings(const Dataset& actual, const nlohmann::json& expected) {
  for (std::size_t i = 0; i < expected.size(); ++i) {
    for (std::size_t j = 0; j < expected[i].size(); ++j) {
      CHECK(actual.column(j).value_string(i) == expected[i][j].get<std::string>());
    }
  }
}
}  // namespace

TEST_CASE("SimpleImputer matches scikit-learn on the fixtures", "[clean][simple_imputer]") {
  const auto fixture = loom::test::load_fixture("core/simple_imputer.json");
  for (const auto& test_case : fixture["cases"]) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      const auto names = test_case["feature_names_in"].get<std::vector<std::string>>();
      const bool categorical = test_case["name"].get<std::string>().rfind("categorical", 0) == 0;
      SimpleImputer imputer;
      imputer.set_params(test_case["params"]);
      const Dataset x = categorical ? string_dataset(test_case["X"], names)
                                    : numeric_dataset(test_case["X"], names);
      const Dataset x_new = categorical ? string_dataset(test_case["X_new"], names)
                                        : numeric_dataset(test_case["X_new"], names);
      imputer.fit(x);
      CHECK(imputer.feature_names_out() ==
            test_case["feature_names_out"].get<std::vector<std::string>>());
      for (std::size_t j = 0; j < names.size(); ++j) {
        const auto& expected = test_case["statistics"][j];
        const auto& actual = imputer.statistics()[j];
        if (expected.is_number()) {
          CHECK(loom::test::close(actual.get<double>(), expected.get<double>(), 1e-12));
        } else {
          CHECK(actual == expected);
        }
      }
      const Dataset transformed = imputer.transform(x).dataset();
      const Dataset transformed_new = imputer.transform(x_new).dataset();
      if (categorical) {
        check_strings(transformed, test_case["transformed"]);
        check_strings(transformed_new, test_case["transformed_new"]);
      } else {
        CHECK(loom::test::all_close(transformed.to_matrix(),
                                    loom::test::to_matrix(test_case["transformed"]), 1e-12));
        CHECK(loom::test::all_close(transformed_new.to_matrix(),
                                    loom::test::to_matrix(test_case["transformed_new"]), 1e-12));
      }
    }
  }
}

TEST_CASE("SimpleImputer keeps column types and fills categorical columns",
          "[clean][simple_imputer]") {
  const Dataset data({Column::numeric("age", {30, std::nan(""), 50}),
                      Column::categorical_from_values("city", {"Oslo", std::nullopt, "Oslo"})});
  SimpleImputer imputer({.strategy = "most_frequent", .add_indicator = true});
  const auto output = imputer.fit_transform(data, nullptr);
  REQUIRE(output.is_dataset());
  CHECK(output.dataset().column("city").type() == loom::ColumnType::categorical);
  CHECK(output.dataset().column("city").value_string(1) == "Oslo");
  CHECK(output.dataset().column("missingindicator_age").numeric_values()[1] == 1.0);
}

TEST_CASE("SimpleImputer rejects strategies that do not fit the column",
          "[clean][simple_imputer][errors]") {
  const Dataset data({Column::categorical_from_values("city", {"Oslo", std::nullopt})});
  SimpleImputer mean_imputer;
  mean_imputer.set_name("imputer");
  CHECK_LOOM_THROWS(mean_imputer.fit(data), loom::DataError, "\"city\"");
  SimpleImputer bad_strategy({.strategy = "mode"});
  CHECK_LOOM_THROWS(bad_strategy.fit(data), loom::ParameterError, "strategy");
  SimpleImputer text_fill({.strategy = "constant", .fill_value = "none"});
  CHECK_LOOM_THROWS(text_fill.fit(Dataset({Column::numeric("age", {1, std::nan("")})})),
                    loom::DataError, "\"age\"");
}
