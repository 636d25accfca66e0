#include "loom/io/npy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <functional>
#include <numeric>
#include <ostream>
#include <xtensor/xadapt.hpp>

#include "file_buffer.hpp"
#include "loom/core/error.hpp"
#include "loom/io/atomic_file.hpp"
#include "npy_header.hpp"

namespace loom::io {

namespace {

constexpr std::string_view kMagic("\x93NUMPY", 6);

std::uint32_t read_little_endian(const char* bytes, std::size_t size) {
  std::uint32_t value = 0;
  for (std::size_t index = 0; index < size; ++index) {
    value |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[index])) << (8 * index);
  }
  return value;
}

std::string shape_string(const std::vector<std::size_t>& shape) {
  return fmt::format("({}{})", fmt::join(shape, ", "), shape.size() == 1 ? "," : "");
}

// One element of the given type and byte order, as a double.
template <class T>
double element(const char* bytes, bool swap) {
  char copy[sizeof(T)];
  std::memcpy(copy, bytes, sizeof(T));
  if (swap) std::reverse(copy, copy + sizeof(T));
  T value;
  std::memcpy(&value, copy, sizeof(T));
  return static_cast<double>(value);
}

std::vector<double> convert(std::string_view data, const std::string& descr, std::size_t count,
                            const std::string& path) {
  using Reader = double (*)(const char*, bool);
  Reader reader = nullptr;
  std::size_t item_size = 0;
  const std::string_view kind = std::string_view(descr).substr(1);
  if (kind == "f8") {
    reader = element<double>;
    item_size = 8;
  } else if (kind == "f4") {
    reader = element<float>;
    item_size = 4;
  } else if (kind == "i8") {
    reader = element<std::int64_t>;
    item_size = 8;
  } else if (kind == "i4") {
    reader = element<std::int32_t>;
    item_size = 4;
  }
  const char order = descr.empty() ? '?' : descr[0];
  if (reader == nullptr || (order != '<' && order != '>' && order != '=')) {
    throw ParseError(
        fmt::format("{}: unsupported .npy dtype '{}': expected <f8, <f4, <i8 or <i4", path, descr));
  }
  const bool file_big_endian =
      order == '>' || (order == '=' && std::endian::native == std::endian::big);
  const bool swap = file_big_endian != (std::endian::native == std::endian::big);
  const std::size_t expected = count * item_size;
  if (count > data.size() || data.size() != expected) {
    throw ParseError(fmt::format("{}: expected {} bytes of data ({} values of '{}'), found {}",
                                 path, expected, count, descr, data.size()));
  }
  std::vector<double> values(count);
  for (std::size_t index = 0; index < count; ++index) {
    values[index] = reader(data.data() + index * item_size, swap);
  }
  return values;
}

void write_doubles(std::ostream& out, const double* values, std::size_t count) {
  if constexpr (std::endian::native == std::endian::little) {
    out.write(reinterpret_cast<const char*>(values), static_cast<std::streamsize>(count * 8));
  } else {
    for (std::size_t index = 0; index < count; ++index) {
      char bytes[8];
      std::memcpy(bytes, values + index, 8);
      std::reverse(bytes, bytes + 8);
      out.write(bytes, 8);
    }
  }
}

}  // namespace

xt::xarray<double> read_npy(const std::string& path) {
  const detail::FileBuffer buffer(path);
  const std::string_view bytes = buffer.view();
  if (bytes.size() < 10 || bytes.substr(0, 6) != kMagic) {
    throw ParseError(
        fmt::format("{}: not a .npy file: expected the magic string \\x93NUMPY", path));
  }
  const int major = static_cast<unsigned char>(bytes[6]);
  if (major < 1 || major > 3) {
    throw ParseError(fmt::format("{}: .npy format version {}.{}: expected 1.0, 2.0 or 3.0", path,
                                 major, static_cast<unsigned char>(bytes[7])));
  }
  const std::size_t length_size = major == 1 ? 2 : 4;
  if (bytes.size() < 8 + length_size) {
    throw ParseError(fmt::format("{}: truncated .npy header", path));
  }
  const std::size_t header_length = read_little_endian(bytes.data() + 8, length_size);
  const std::size_t data_offset = 8 + length_size + header_length;
  if (bytes.size() < data_offset) {
    throw ParseError(fmt::format("{}: expected a .npy header of {} bytes, found {}", path,
                                 header_length, bytes.size() - 8 - length_size));
  }
  const auto header = detail::parse_npy_header(bytes.substr(8 + length_size, header_length), path);
  const std::size_t count = std::accumulate(header.shape.begin(), header.shape.end(),
                                            std::size_t{1}, std::multiplies<>());
  std::vector<double> values = convert(bytes.substr(data_offset), header.descr, count, path);

  if (header.fortran_order && header.shape.size() > 1) {
    const auto column_major = xt::adapt<xt::layout_type::column_major>(
        values.data(), count, xt::no_ownership(), header.shape);
    return xt::xarray<double>(column_major);
  }
  auto result = xt::xarray<double>::from_shape(header.shape);
  std::copy(values.begin(), values.end(), result.data());
  return result;
}

Eigen::MatrixXd read_npy_matrix(const std::string& path) {
  const xt::xarray<double> array = read_npy(path);
  const auto& shape = array.shape();
  if (shape.size() != 1 && shape.size() != 2) {
    throw ParseError(fmt::format("{}: expected a 1-D or 2-D array, found shape {}", path,
                                 shape_string({shape.begin(), shape.end()})));
  }
  const auto rows = static_cast<Eigen::Index>(shape[0]);
  const auto columns = shape.size() == 2 ? static_cast<Eigen::Index>(shape[1]) : 1;
  using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  return Eigen::Map<const RowMajor>(array.data(), rows, columns);
}

void write_npy(const std::string& path, const xt::xarray<double>& array) {
  const std::vector<std::size_t> shape(array.shape().begin(), array.shape().end());
  write_file_atomically(path, [&](std::ostream& out) {
    out << detail::format_npy_header(shape);
    write_doubles(out, array.data(), array.size());
  });
}

void write_npy(const std::string& path, const Eigen::MatrixXd& matrix) {
  using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  const RowMajor row_major = matrix;
  const std::vector<std::size_t> shape = {static_cast<std::size_t>(matrix.rows()),
                                          static_cast<std::size_t>(matrix.cols())};
  write_file_atomically(path, [&](std::ostream& out) {
    out << detail::format_npy_header(shape);
    write_doubles(out, row_major.data(), static_cast<std::size_t>(row_major.size()));
  });
}

}  // namespace loom::io
