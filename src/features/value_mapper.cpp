#include "loom/features/value_mapper.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"

namespace loom::features {

namespace {

std::string check_mapping(const Json& mapping) {
  if (!mapping.is_object() || mapping.empty()) {
    return "must be a non-empty object {\"column\": {\"old\": new, ...}, ...}";
  }
  for (const auto& [column, values] : mapping.items()) {
    if (!values.is_object()) return "must map each column to an object of old -> new values";
    for (const auto& [key, value] : values.items()) {
      if (!(value.is_null() || value.is_number() || value.is_string())) {
        return "must map values to numbers, strings or null";
      }
    }
  }
  return "";
}

std::string check_default(const Json& value) {
  if (value.is_null() || value.is_number() || value.is_string()) return "";
  return "must be null, \"passthrough\", a number or a string";
}

std::optional<double> as_number(const std::string& text) {
  double number = 0.0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), number);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size() || text.empty()) {
    return std::nullopt;
  }
  return number;
}

}  // namespace

const ParamTable<ValueMapperParams>& ValueMapperParams::table() {
  using P = ValueMapperParams;
  static const ParamTable<P> table{
      param("mapping", &P::mapping, ParamCheck<Json>(check_mapping)),
      param("default", &P::default_value, ParamCheck<Json>(check_default)),
  };
  return table;
}

void ValueMapper::fit(const Table& x, const Column*) {
  validate_params();
  require_non_empty(x, describe());
  const std::vector<std::string> names = x.column_names();
  for (const auto& [column, values] : params_.mapping.items()) {
    if (std::find(names.begin(), names.end(), column) == names.end()) {
      throw SchemaError(fmt::format("{}: mapping names column \"{}\", which is not in the input",
                                    describe(), column));
    }
  }
  feature_names_in_ = names;
  fitted_ = true;
}

Column ValueMapper::map_column(const Column& column, const Json& mapping) const {
  // New values per row: a number, a string or missing; the column is numeric when no string.
  const std::size_t n_rows = column.size();
  std::vector<std::optional<std::string>> texts(n_rows);
  std::vector<double> numbers(n_rows, std::numeric_limits<double>::quiet_NaN());
  bool all_numbers = true;
  // Categorical columns: each category is looked up once.
  const Column categorical =
      column.type() == ColumnType::categorical ? column : column.as_categorical();
  const auto& categories = categorical.categories();
  std::vector<Json> replacement(categories.size());
  for (std::size_t code = 0; code < categories.size(); ++code) {
    const std::string& value = categories[code];
    auto found = mapping.find(value);
    if (found != mapping.end()) {
      replacement[code] = *found;
    } else if (params_.default_value == "passthrough") {
      const auto number = as_number(value);
      replacement[code] = number ? Json(*number) : Json(value);
    } else if (!params_.default_value.is_null()) {
      replacement[code] = params_.default_value;
    } else {
      replacement[code] = Json("\x01unmapped");
    }
  }
  const auto codes = categorical.codes();
  for (std::size_t row = 0; row < n_rows; ++row) {
    if (codes[row] < 0) continue;
    const Json& value = replacement[static_cast<std::size_t>(codes[row])];
    if (value == "\x01unmapped") {
      throw DataError(fmt::format(
          "{}: column \"{}\" has the value \"{}\" (row index {}) that the mapping does not list; "
          "add it to the mapping or give a default (\"passthrough\" keeps it)",
          describe(), column.name(), categories[static_cast<std::size_t>(codes[row])], row));
    }
    if (value.is_null()) continue;
    if (value.is_number()) {
      numbers[row] = value.get<double>();
      texts[row] = format_number(numbers[row]);
    } else {
      all_numbers = false;
      texts[row] = value.get<std::string>();
    }
  }
  if (all_numbers) return Column::numeric(column.name(), std::move(numbers));
  return Column::categorical_from_values(column.name(), texts);
}

Table ValueMapper::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  Dataset data = x.to_dataset();
  for (const auto& [column, mapping] : params_.mapping.items())
    data.set_column(map_column(data.column(column), mapping));
  return data;
}

std::vector<std::string> ValueMapper::feature_names_out() const {
  require_fitted("feature_names_out");
  return feature_names_in_;
}

Json ValueMapper::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_}};
}

void ValueMapper::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  fitted_ = true;
}

}  // namespace loom::features
