#pragma once
// One named, typed column of a Dataset: numeric (double, NaN = missing), categorical
// (int32 codes into a list of categories, -1 = missing) or text (strings with a missing
// flag). Accessors of the wrong type throw loom::SchemaError naming the column.
#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace loom {

enum class ColumnType { numeric, categorical, text };

// "numeric", "categorical" or "text".
std::string_view to_string(ColumnType type);
// Parses "numeric" | "categorical" | "text"; throws ParameterError otherwise.
ColumnType column_type_from_string(std::string_view name);

class Column {
 public:
  static constexpr std::int32_t kMissingCode = -1;

  Column() = default;
  static Column numeric(std::string name, std::vector<double> values);
  // codes index into categories; kMissingCode marks a missing cell.
  static Column categorical(std::string name, std::vector<std::int32_t> codes,
                            std::vector<std::string> categories);
  // Builds a categorical column from values (nullopt = missing); categories sorted as strings.
  static Column categorical_from_values(std::string name,
                                        const std::vector<std::optional<std::string>>& values);
  static Column text(std::string name, std::vector<std::string> values,
                     std::vector<std::uint8_t> missing);

  const std::string& name() const { return name_; }
  ColumnType type() const;
  std::size_t size() const;
  bool is_missing(std::size_t row) const;
  std::size_t count_missing() const;
  // The cell as text: numbers round-trip (%.17g, integers without ".0"); missing gives "".
  std::string value_string(std::size_t row) const;

  // Numeric access (throws SchemaError for other types).
  std::span<const double> numeric_values() const;
  std::vector<double>& numeric_values_mut();
  // A zero-copy view over the numeric buffer.
  Eigen::Map<const Eigen::VectorXd> as_eigen() const;

  // Categorical access.
  std::span<const std::int32_t> codes() const;
  const std::vector<std::string>& categories() const;

  // Text access.
  const std::vector<std::string>& text_values() const;
  const std::vector<std::uint8_t>& text_missing() const;

  // The same column under another name.
  Column renamed(std::string name) const;
  // The rows at the given indices, in that order (indices may repeat).
  Column take(std::span<const std::size_t> rows) const;
  // Rows of this column followed by rows of other; same type required (SchemaError).
  // Categorical dictionaries are merged, categories sorted as strings.
  Column concatenated(const Column& other) const;
  // A copy with categorical/text values as a categorical column (numbers printed as text).
  Column as_categorical() const;

 private:
  struct NumericData {
    std::vector<double> values;
  };
  struct CategoricalData {
    std::vector<std::int32_t> codes;
    std::vector<std::string> categories;
  };
  struct TextData {
    std::vector<std::string> values;
    std::vector<std::uint8_t> missing;
  };
  [[noreturn]] void throw_wrong_type(ColumnType wanted) const;

  std::string name_;
  std::variant<NumericData, CategoricalData, TextData> data_;
};

// Formats a double as loom writes numbers: shortest text that round-trips, no trailing ".0"
// on integers, "" for NaN.
std::string format_number(double value);

}  // namespace loom
