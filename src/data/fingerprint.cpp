#include "loom/data/fingerprint.hpp"

#include "loom/core/sha256.hpp"

namespace loom::data {

namespace {

// A length-prefixed field: "<size>:<bytes>", so no value can imitate a boundary.
void append_field(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
}

}  // namespace

std::string canonical_serialisation(const Dataset& data) {
  std::string out = "loom-dataset-v1\n";
  out += std::to_string(data.n_rows());
  out += ' ';
  out += std::to_string(data.n_columns());
  out += '\n';
  for (const auto& column : data.columns()) {
    append_field(out, column.name());
    append_field(out, to_string(column.type()));
    out += '\n';
    const bool numeric = column.type() == ColumnType::numeric;
    for (std::size_t row = 0; row < column.size(); ++row) {
      if (column.is_missing(row)) {
        out += 'M';
      } else if (numeric) {
        const double value = column.numeric_values()[row];
        out += 'V';
        append_field(out, value == 0.0 ? std::string("0") : format_number(value));
      } else {
        out += 'V';
        append_field(out, column.value_string(row));
      }
    }
    out += '\n';
  }
  return out;
}

std::string fingerprint(const Dataset& data) {
  return sha256_hex(canonical_serialisation(data));
}

}  // namespace loom::data
