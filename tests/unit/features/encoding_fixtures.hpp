#pragma once
// Reads the tables of tests/reference/fixtures/features_encoding/*.json (written by
// make_features_encoding.py) into Datasets, and compares outputs with the expected values.
#include <optional>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "loom/core/dataset.hpp"
#include "loom/core/table.hpp"

namespace loom::test {

// [{"name", "type": "numeric" | "categorical", "values": [...]}] -> Dataset.
inline Dataset to_dataset(const nlohmann::json& columns) {
  std::vector<Column> result;
  for (const auto& column : columns) {
    const auto name = column["name"].get<std::string>();
    if (column["type"] == "numeric") {
      result.push_back(Column::numeric(name, to_vector(column["values"])));
    } else {
      std::vector<std::optional<std::string>> values;
      for (const auto& value : column["values"]) {
        if (value.is_null()) {
          values.emplace_back(std::nullopt);
        } else {
          values.emplace_back(value.get<std::string>());
        }
      }
      result.push_back(Column::categorical_from_values(name, values));
    }
  }
  return Dataset(std::move(result));
}

inline std::vector<std::string> to_strings(const nlohmann::json& values) {
  return values.get<std::vector<std::string>>();
}

}  // namespace loom::test
