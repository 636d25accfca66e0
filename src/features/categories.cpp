#include "loom/features/detail/categories.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string_view>
#include <unordered_map>

#include "loom/core/error.hpp"

namespace loom::features::detail {

std::string python_float_repr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::scientific);
  const std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
  const std::size_t e = text.find('e');
  std::string sign, digits;
  for (char c : text.substr(0, e)) {
    if (c == '-') {
      sign = "-";
    } else if (c != '.') {
      digits += c;
    }
  }
  const int exponent = std::atoi(std::string(text.substr(e + 1)).c_str());
  // Python's repr ('r' mode): positional when -4 < decpt <= 16, else exponent notation.
  const int decpt = exponent + 1;
  const auto n_digits = static_cast<int>(digits.size());
  if (decpt <= -4 || decpt > 16) {
    std::string mantissa = digits.substr(0, 1);
    if (n_digits > 1) mantissa += "." + digits.substr(1);
    return fmt::format("{}{}e{}{:02d}", sign, mantissa, exponent < 0 ? '-' : '+',
                       std::abs(exponent));
  }
  if (decpt <= 0) return sign + "0." + std::string(static_cast<std::size_t>(-decpt), '0') + digits;
  if (decpt >= n_digits) {
    return sign + digits + std::string(static_cast<std::size_t>(decpt - n_digits), '0') + ".0";
  }
  return sign + digits.substr(0, static_cast<std::size_t>(decpt)) + "." +
         digits.substr(static_cast<std::size_t>(decpt));
}

std::string ColumnCategories::label(std::size_t index) const {
  if (has_missing && index == missing_index()) return "nan";
  if (!numeric) return strings.at(index);
  const double number = numbers.at(index);
  if (int_like) return fmt::format("{}", static_cast<std::int64_t>(number));
  return python_float_repr(number);
}

Json ColumnCategories::value(std::size_t index) const {
  if (has_missing && index == missing_index()) return nullptr;
  if (!numeric) return strings.at(index);
  return numbers.at(index);
}

Json ColumnCategories::to_json() const {
  Json json = {{"column", column}, {"numeric", numeric}, {"has_missing", has_missing}};
  if (numeric) {
    json["int_like"] = int_like;
    json["categories"] = numbers;
  } else {
    json["categories"] = strings;
  }
  return json;
}

ColumnCategories ColumnCategories::from_json(const Json& json) {
  ColumnCategories categories;
  try {
    categories.column = json.at("column").get<std::string>();
    categories.numeric = json.at("numeric").get<bool>();
    categories.has_missing = json.at("has_missing").get<bool>();
    if (categories.numeric) {
      categories.int_like = json.at("int_like").get<bool>();
      categories.numbers = json.at("categories").get<std::vector<double>>();
    } else {
      categories.strings = json.at("categories").get<std::vector<std::string>>();
    }
  } catch (const Json::exception& error) {
    throw ParseError(fmt::format("fitted state: malformed categories: {}", error.what()));
  }
  return categories;
}

namespace {

bool is_int_like(double value) {
  return std::floor(value) == value && std::abs(value) < 9.2e18;
}

ColumnCategories numeric_categories(const Column& column) {
  ColumnCategories result;
  result.column = column.name();
  result.numeric = true;
  std::vector<double> values;
  values.reserve(column.size());
  std::int64_t n_missing = 0;
  for (double value : column.numeric_values()) {
    if (std::isnan(value)) {
      ++n_missing;
    } else {
      values.push_back(value == 0.0 ? 0.0 : value);  // -0.0 and 0.0 are one category
    }
  }
  std::sort(values.begin(), values.end());
  for (std::size_t i = 0; i < values.size();) {
    std::size_t j = i;
    while (j < values.size() && values[j] == values[i])
      ++j;
    result.numbers.push_back(values[i]);
    result.counts.push_back(static_cast<std::int64_t>(j - i));
    i = j;
  }
  result.has_missing = n_missing > 0;
  if (result.has_missing) result.counts.push_back(n_missing);
  // pandas reads a column of integers without missing values as int64: its categories then
  // print as integers ("1"), otherwise as floats ("1.0").
  result.int_like =
      !result.has_missing && std::all_of(result.numbers.begin(), result.numbers.end(), is_int_like);
  return result;
}

ColumnCategories string_categories(const Column& column) {
  ColumnCategories result;
  result.column = column.name();
  const Column categorical =
      column.type() == ColumnType::categorical ? column : column.as_categorical();
  const auto& dictionary = categorical.categories();
  std::vector<std::int64_t> code_counts(dictionary.size(), 0);
  std::int64_t n_missing = 0;
  for (std::int32_t code : categorical.codes()) {
    if (code < 0) {
      ++n_missing;
    } else {
      ++code_counts[static_cast<std::size_t>(code)];
    }
  }
  std::vector<std::size_t> present;
  for (std::size_t code = 0; code < dictionary.size(); ++code) {
    if (code_counts[code] > 0) present.push_back(code);
  }
  std::sort(present.begin(), present.end(),
            [&](std::size_t a, std::size_t b) { return dictionary[a] < dictionary[b]; });
  for (std::size_t code : present) {
    result.strings.push_back(dictionary[code]);
    result.counts.push_back(code_counts[code]);
  }
  result.has_missing = n_missing > 0;
  if (result.has_missing) result.counts.push_back(n_missing);
  return result;
}

std::int32_t find_string(const ColumnCategories& categories, std::string_view value) {
  auto found = std::lower_bound(categories.strings.begin(), categories.strings.end(), value);
  if (found == categories.strings.end() || *found != value) return -1;
  return static_cast<std::int32_t>(found - categories.strings.begin());
}

std::int32_t find_number(const ColumnCategories& categories, double value) {
  auto found = std::lower_bound(categories.numbers.begin(), categories.numbers.end(), value);
  if (found == categories.numbers.end() || *found != value) return -1;
  return static_cast<std::int32_t>(found - categories.numbers.begin());
}

// A category string read as a number (a numeric column given as text at transform).
std::int32_t find_number_text(const ColumnCategories& categories, const std::string& text) {
  double number = 0.0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), number);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size()) return -1;
  return find_number(categories, number);
}

}  // namespace

ColumnCategories find_categories(const Column& column) {
  return column.type() == ColumnType::numeric ? numeric_categories(column)
                                              : string_categories(column);
}

void encode_rows(const Column& column, const ColumnCategories& categories,
                 std::span<std::int32_t> out, std::size_t* first_unknown) {
  const std::int32_t missing =
      categories.has_missing ? static_cast<std::int32_t>(categories.missing_index()) : -1;
  const std::size_t n_rows = column.size();
  std::size_t unknown = n_rows;
  if (column.type() == ColumnType::numeric && categories.numeric) {
    const auto values = column.numeric_values();
    // Few categories: a linear scan beats a binary search's unpredictable branches.
    const auto& numbers = categories.numbers;
    const bool small = numbers.size() <= 8;
    for (std::size_t row = 0; row < n_rows; ++row) {
      const double value = values[row];
      std::int32_t code = -1;
      if (std::isnan(value)) {
        code = missing;
      } else if (small) {
        for (std::size_t k = 0; k < numbers.size(); ++k) {
          if (numbers[k] == value) code = static_cast<std::int32_t>(k);
        }
      } else {
        code = find_number(categories, value);
      }
      out[row] = code;
      if (code < 0 && unknown == n_rows) unknown = row;
    }
  } else if (column.type() == ColumnType::numeric) {
    // Fitted on strings, given numbers: compare the numbers as loom writes them.
    const auto values = column.numeric_values();
    for (std::size_t row = 0; row < n_rows; ++row) {
      const std::int32_t code =
          std::isnan(values[row]) ? missing : find_string(categories, format_number(values[row]));
      out[row] = code;
      if (code < 0 && unknown == n_rows) unknown = row;
    }
  } else {
    const Column categorical =
        column.type() == ColumnType::categorical ? column : column.as_categorical();
    const auto& dictionary = categorical.categories();
    // The fitted index of each of this column's own codes.
    std::vector<std::int32_t> lookup(dictionary.size());
    for (std::size_t code = 0; code < dictionary.size(); ++code) {
      lookup[code] = categories.numeric ? find_number_text(categories, dictionary[code])
                                        : find_string(categories, dictionary[code]);
    }
    const auto codes = categorical.codes();
    for (std::size_t row = 0; row < n_rows; ++row) {
      const std::int32_t code = codes[row];
      const std::int32_t index = code < 0 ? missing : lookup[static_cast<std::size_t>(code)];
      out[row] = index;
      if (index < 0 && unknown == n_rows) unknown = row;
    }
  }
  if (unknown < n_rows && first_unknown != nullptr) *first_unknown = unknown;
}

const Dataset& input_dataset(const Table& x, Dataset& storage) {
  if (x.is_dataset()) return x.dataset();
  storage = x.to_dataset();
  return storage;
}

}  // namespace loom::features::detail
