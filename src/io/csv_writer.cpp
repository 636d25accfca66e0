// write_csv for Datasets and FeatureMatrices: rows formatted into a buffer that is flushed
// to the stream in large blocks, inside write_file_atomically.
#include <charconv>
#include <cmath>
#include <ostream>
#include <string>
#include <string_view>

#include "loom/io/atomic_file.hpp"
#include "loom/io/csv.hpp"

namespace loom::io {

namespace {

constexpr std::size_t kFlushBytes = 1 << 20;

class CsvLineWriter {
 public:
  CsvLineWriter(std::ostream& out, char delimiter) : out_(out), delimiter_(delimiter) {
    buffer_.reserve(kFlushBytes + 4096);
  }
  ~CsvLineWriter() = default;

  void separator() { buffer_.push_back(delimiter_); }
  void end_line() {
    buffer_.push_back('\n');
    if (buffer_.size() >= kFlushBytes) flush();
  }
  // RFC 4180: a field holding the delimiter, a quote or a line break is quoted, its quotes
  // doubled.
  void text(std::string_view value) {
    if (value.find_first_of(special_) == std::string_view::npos) {
      buffer_.append(value);
      return;
    }
    buffer_.push_back('"');
    for (const char c : value) {
      if (c == '"') buffer_.push_back('"');
      buffer_.push_back(c);
    }
    buffer_.push_back('"');
  }
  // As loom::format_number: shortest round-trip text, NaN as an empty field.
  void number(double value) {
    if (std::isnan(value)) return;
    if (std::isinf(value)) {
      buffer_.append(value > 0 ? "inf" : "-inf");
      return;
    }
    char digits[64];
    const auto result = std::to_chars(digits, digits + sizeof(digits), value);
    buffer_.append(digits, result.ptr);
  }
  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  std::ostream& out_;
  char delimiter_;
  std::string buffer_;
  const char special_[5] = {delimiter_, '"', '\n', '\r', '\0'};
};

void write_header(CsvLineWriter& writer, const std::vector<std::string>& names) {
  for (std::size_t index = 0; index < names.size(); ++index) {
    if (index > 0) writer.separator();
    writer.text(names[index]);
  }
  writer.end_line();
}

}  // namespace

void write_csv(const Dataset& data, const std::string& path, char delimiter) {
  write_file_atomically(path, [&](std::ostream& out) {
    CsvLineWriter writer(out, delimiter);
    write_header(writer, data.column_names());
    for (std::size_t row = 0; row < data.n_rows(); ++row) {
      for (std::size_t index = 0; index < data.n_columns(); ++index) {
        if (index > 0) writer.separator();
        const Column& column = data.column(index);
        switch (column.type()) {
          case ColumnType::numeric:
            writer.number(column.numeric_values()[row]);
            break;
          case ColumnType::categorical: {
            const auto code = column.codes()[row];
            if (code != Column::kMissingCode) {
              writer.text(column.categories()[static_cast<std::size_t>(code)]);
            }
            break;
          }
          case ColumnType::text:
            if (!column.text_missing()[row]) writer.text(column.text_values()[row]);
            break;
        }
      }
      writer.end_line();
    }
    writer.flush();
  });
}

void write_csv(const FeatureMatrix& matrix, const std::string& path, char delimiter) {
  write_file_atomically(path, [&](std::ostream& out) {
    CsvLineWriter writer(out, delimiter);
    write_header(writer, matrix.names());
    const auto n_columns = static_cast<Eigen::Index>(matrix.n_columns());
    if (matrix.is_sparse()) {
      const SparseMatrix& values = matrix.sparse();
      for (Eigen::Index row = 0; row < values.rows(); ++row) {
        SparseMatrix::InnerIterator entry(values, row);
        for (Eigen::Index column = 0; column < n_columns; ++column) {
          if (column > 0) writer.separator();
          if (entry && entry.col() == column) {
            writer.number(entry.value());
            ++entry;
          } else {
            writer.number(0.0);
          }
        }
        writer.end_line();
      }
    } else {
      const Eigen::MatrixXd& values = matrix.dense();
      for (Eigen::Index row = 0; row < values.rows(); ++row) {
        for (Eigen::Index column = 0; column < n_columns; ++column) {
          if (column > 0) writer.separator();
          writer.number(values(row, column));
        }
        writer.end_line();
      }
    }
    writer.flush();
  });
}

}  // namespace loom::io
