#pragma once
// Helpers for the pipeline tests: tables from the fixtures written by
// tests/reference/make_pipeline.py, a small mixed table, cell-by-cell comparison of a
// transformer's output with scikit-learn's, and a temporary folder for saved models.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "fixtures.hpp"
#include "loom/core/dataset.hpp"
#include "loom/core/table.hpp"

namespace loom::test {

// {"columns": [{"name", "type": "numeric" | "categorical", "values": [... null ...]}]}
inline Dataset table_from_json(const nlohmann::json& table) {
  std::vector<Column> columns;
  for (const auto& column : table["columns"]) {
    const auto name = column["name"].get<std::string>();
    if (column["type"] == "numeric") {
      columns.push_back(Column::numeric(name, to_vector(column["values"])));
      continue;
    }
    std::vector<std::optional<std::string>> values;
    for (const auto& value : column["values"]) {
      values.push_back(value.is_null() ? std::nullopt
                                       : std::optional<std::string>(value.get<std::string>()));
    }
    columns.push_back(Column::categorical_from_values(name, values));
  }
  return Dataset(std::move(columns));
}

inline Column numeric_target(const nlohmann::json& values) {
  return Column::numeric("target", to_vector(values));
}

// Every cell of actual against rows of expected values: null = missing, strings exactly,
// numbers within tolerance. Reports the first differing cell.
inline void check_cells(const Table& actual, const nlohmann::json& expected, double tolerance) {
  const Dataset data = actual.to_dataset();
  REQUIRE(data.n_rows() == expected.size());
  for (std::size_t row = 0; row < data.n_rows(); ++row) {
    REQUIRE(data.n_columns() == expected[row].size());
    for (std::size_t j = 0; j < data.n_columns(); ++j) {
      const Column& column = data.column(j);
      const auto& cell = expected[row][j];
      INFO("row " << row << ", column \"" << column.name() << "\", expected " << cell.dump()
                  << ", found \"" << column.value_string(row) << "\"");
      if (cell.is_null()) {
        CHECK(column.is_missing(row));
      } else if (cell.is_string()) {
        CHECK(column.value_string(row) == cell.get<std::string>());
      } else {
        REQUIRE(column.type() == ColumnType::numeric);
        CHECK(close(column.numeric_values()[row], cell.get<double>(), tolerance));
      }
    }
  }
}

// age, income, height (numeric, with NaN), city, segment (categorical, with missing), and a
// binary target that depends on age and income.
inline Dataset small_mixed_table() {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  return Dataset({
      Column::numeric("age", {25, 32, nan, 47, 51, 38, nan, 29, 60, 44, 35, 23}),
      Column::numeric("income", {30000, 48000, 52000, nan, 91000, 61000, 45000, nan, 120000, 70000,
                                 39000, 28000}),
      Column::categorical_from_values(
          "city", {"paris", "lyon", std::nullopt, "paris", "nice", "lyon", "paris", std::nullopt,
                   "nice", "paris", "lyon", "lyon"}),
      Column::numeric("height",
                      {1.62, 1.80, 1.75, 1.68, nan, 1.71, 1.90, 1.65, 1.77, nan, 1.83, 1.59}),
      Column::categorical_from_values("segment", {"b", "a", "a", "c", std::nullopt, "b", "a", "b",
                                                  "c", "a", "b", std::nullopt}),
  });
}

inline Column small_mixed_target() {
  return Column::numeric("target", {0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0});
}

// A pipeline spec over small_mixed_table(): median-imputed, scaled numeric columns, the
// categorical ones dropped (no encoder yet), and a LogisticRegression named "model".
inline nlohmann::json small_pipeline_spec() {
  return nlohmann::json::parse(R"({"steps": [
    {"name": "prep", "type": "ColumnTransformer", "params": {
      "transformers": [
        {"name": "num", "type": "Pipeline", "columns": {"dtype": "numeric"}, "params": {"steps": [
          {"name": "imputer", "type": "SimpleImputer", "params": {"strategy": "median"}},
          {"name": "scaler", "type": "StandardScaler"}]}},
        {"name": "cat", "type": "drop", "columns": {"dtype": "categorical"}}],
      "remainder": "drop"}},
    {"name": "model", "type": "LogisticRegression", "params": {"C": 0.5}}]})");
}

class TemporaryFolder {
 public:
  TemporaryFolder() {
    std::random_device device;
    path_ = std::filesystem::temp_directory_path() /
            ("loom-pipeline-test-" + std::to_string(device()) + std::to_string(device()));
    std::filesystem::create_directories(path_);
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;

  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace loom::test
