#pragma once
// A data schema inferred from training data, saved as JSON, and the validation of a new batch
// against it (as TensorFlow Data Validation's schema and anomalies): per column its type,
// numeric range, allowed categories, whether missing values are allowed and the expected
// missing rate. validate() returns one anomaly per problem found, each naming the column,
// its kind (missing_column, new_column, type_change, out_of_range, unseen_category,
// missing_rate) and the evidence (values, counts, lines). schema_from_json throws ParseError
// naming the source and the field at fault.
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loom/core/dataset.hpp"

namespace loom::data {

struct SchemaColumn {
  std::string name;
  ColumnType type = ColumnType::numeric;
  bool missing_allowed = false;  // the training data had missing values in this column
  double missing_rate = 0.0;     // their share of the training rows
  std::optional<double> min;     // numeric columns with a value
  std::optional<double> max;
  std::vector<std::string> categories;  // categorical columns: the values seen, sorted
};

struct Schema {
  std::size_t rows = 0;  // training rows the schema was inferred from
  // A batch's missing rate may exceed the training rate by this much before it is reported.
  double missing_rate_tolerance = 0.05;
  std::vector<SchemaColumn> columns;

  const SchemaColumn* find(std::string_view name) const;  // nullptr when absent
};

struct Anomaly {
  std::string column;
  std::string kind;  // missing_column | new_column | type_change | out_of_range |
                     // unseen_category | missing_rate
  std::string detail;
  bool operator==(const Anomaly&) const = default;
};

struct ValidateOptions {
  // Maps a 0-based data row to the line messages quote; default: row + 2 (a header on line 1).
  std::function<std::size_t(std::size_t row)> line_of_row;
  std::size_t max_examples = 3;  // values quoted per anomaly
};

Schema infer_schema(const Dataset& data);
// Anomalies in schema column order (new columns last, in the data's order); empty when the
// data conforms.
std::vector<Anomaly> validate(const Schema& schema, const Dataset& data,
                              const ValidateOptions& options = {});

nlohmann::ordered_json to_json(const Schema& schema);
Schema schema_from_json(const nlohmann::json& json, std::string_view source);
nlohmann::ordered_json to_json(const std::vector<Anomaly>& anomalies);

}  // namespace loom::data
