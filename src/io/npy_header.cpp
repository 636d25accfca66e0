#include "npy_header.hpp"

#include <fmt/format.h>

#include "loom/core/error.hpp"

namespace loom::io::detail {

namespace {

class DictReader {
 public:
  DictReader(std::string_view text, const std::string& path) : text_(text), path_(path) {}

  [[noreturn]] void fail(std::string_view expected) const {
    const std::string_view rest = text_.substr(position_, 20);
    throw ParseError(fmt::format("{}: bad .npy header: expected {} at offset {}, found \"{}\"",
                                 path_, expected, position_, rest));
  }
  void skip_spaces() {
    while (position_ < text_.size() &&
           (text_[position_] == ' ' || text_[position_] == '\t' || text_[position_] == '\n')) {
      ++position_;
    }
  }
  bool accept(char c) {
    skip_spaces();
    if (position_ < text_.size() && text_[position_] == c) {
      ++position_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!accept(c)) fail(fmt::format("'{}'", c));
  }
  std::string string() {
    skip_spaces();
    if (position_ >= text_.size() || (text_[position_] != '\'' && text_[position_] != '"')) {
      fail("a quoted string");
    }
    const char quote = text_[position_++];
    const std::size_t end = text_.find(quote, position_);
    if (end == std::string_view::npos) fail("a closing quote");
    std::string value(text_.substr(position_, end - position_));
    position_ = end + 1;
    return value;
  }
  bool boolean() {
    skip_spaces();
    for (const auto& [word, value] : {std::pair{"True", true}, std::pair{"False", false}}) {
      if (text_.substr(position_, std::string_view(word).size()) == word) {
        position_ += std::string_view(word).size();
        return value;
      }
    }
    fail("True or False");
  }
  std::vector<std::size_t> shape() {
    expect('(');
    std::vector<std::size_t> dimensions;
    while (!accept(')')) {
      skip_spaces();
      std::size_t value = 0;
      const std::size_t start = position_;
      while (position_ < text_.size() && text_[position_] >= '0' && text_[position_] <= '9') {
        value = value * 10 + static_cast<std::size_t>(text_[position_++] - '0');
      }
      if (position_ == start) fail("a dimension (a non-negative integer)");
      if (position_ < text_.size() && text_[position_] == 'L') ++position_;  // Python 2
      dimensions.push_back(value);
      if (!accept(',')) {
        expect(')');
        break;
      }
    }
    return dimensions;
  }

 private:
  std::string_view text_;
  const std::string& path_;
  std::size_t position_ = 0;
};

}  // namespace

NpyHeader parse_npy_header(std::string_view text, const std::string& path) {
  DictReader reader(text, path);
  NpyHeader header;
  bool has_descr = false;
  bool has_order = false;
  bool has_shape = false;
  reader.expect('{');
  while (!reader.accept('}')) {
    const std::string key = reader.string();
    reader.expect(':');
    if (key == "descr") {
      header.descr = reader.string();
      has_descr = true;
    } else if (key == "fortran_order") {
      header.fortran_order = reader.boolean();
      has_order = true;
    } else if (key == "shape") {
      header.shape = reader.shape();
      has_shape = true;
    } else {
      throw ParseError(fmt::format(
          "{}: bad .npy header: unknown key \"{}\" (expected descr, fortran_order, shape)", path,
          key));
    }
    if (!reader.accept(',')) {
      reader.expect('}');
      break;
    }
  }
  if (!has_descr || !has_order || !has_shape) {
    throw ParseError(fmt::format(
        "{}: bad .npy header: expected the keys descr, fortran_order and shape, found \"{}\"", path,
        text));
  }
  return header;
}

std::string format_npy_header(const std::vector<std::size_t>& shape) {
  std::string dimensions;
  for (const std::size_t size : shape)
    dimensions += fmt::format("{}, ", size);
  if (shape.size() > 1) dimensions.resize(dimensions.size() - 2);  // (3,) keeps its comma
  if (shape.size() == 1) dimensions.resize(dimensions.size() - 1);
  std::string dict =
      fmt::format("{{'descr': '<f8', 'fortran_order': False, 'shape': ({}), }}", dimensions);
  constexpr std::size_t kPrefix = 10;  // magic (6), version (2), header length (2)
  const std::size_t total = (kPrefix + dict.size() + 1 + 63) / 64 * 64;
  dict.append(total - kPrefix - dict.size() - 1, ' ');
  dict.push_back('\n');
  std::string result("\x93NUMPY\x01\x00", 8);
  result.push_back(static_cast<char>(dict.size() & 0xFF));
  result.push_back(static_cast<char>(dict.size() >> 8));
  return result + dict;
}

}  // namespace loom::io::detail
