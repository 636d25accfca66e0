#pragma once
// Reads a field as a double the way pandas' C parser accepts floats: surrounding whitespace,
// an optional sign, decimal or scientific notation (1, 1.0, .5, 1., 1.5e3), and inf /
// infinity in any case. "nan" spellings are not numbers (only missing markers make NaN).
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace loom::io::detail {

inline bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Clinger's fast path: a plain decimal with at most 19 digits whose mantissa fits 53 bits
// and whose power of ten is at most 22 is one exact multiplication or division, so
// correctly rounded. Returns false (without judging the text) for anything else.
inline bool parse_simple_decimal(const char* begin, const char* end, double& value) {
  static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const char* p = begin;
  const bool negative = p != end && *p == '-';
  if (negative) ++p;
  std::uint64_t mantissa = 0;
  const char* digits_begin = p;
  while (p != end && static_cast<unsigned>(*p - '0') < 10) {
    mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
    ++p;
  }
  auto digits = p - digits_begin;
  int exponent = 0;
  if (p != end && *p == '.') {
    ++p;
    const char* fraction_begin = p;
    while (p != end && static_cast<unsigned>(*p - '0') < 10) {
      mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
      ++p;
    }
    exponent = -static_cast<int>(p - fraction_begin);
    digits += p - fraction_begin;
  }
  // Past 19 digits the mantissa may have wrapped around; the slow path takes those.
  if (p != end || digits == 0 || digits > 19 || mantissa > (std::uint64_t{1} << 53) ||
      exponent < -22) {
    return false;
  }
  const double magnitude = static_cast<double>(mantissa);
  value = exponent == 0 ? magnitude : magnitude / kPowers[-exponent];
  if (negative) value = -value;
  return true;
}

// True and the value when the whole text is one number.
inline bool parse_number(std::string_view text, double& value) {
  if (parse_simple_decimal(text.data(), text.data() + text.size(), value)) return true;
  const char* begin = text.data();
  const char* end = begin + text.size();
  while (begin != end && is_ascii_space(*begin))
    ++begin;
  while (end != begin && is_ascii_space(end[-1]))
    --end;
  if (begin == end) return false;
  bool negative = false;
  if (*begin == '+' || *begin == '-') {
    negative = *begin == '-';
    ++begin;
    if (begin == end) return false;
  }
  // from_chars would also take a second sign or "nan"; pandas takes neither.
  const char first = *begin;
  if (!((first >= '0' && first <= '9') || first == '.' || first == 'i' || first == 'I')) {
    return false;
  }
  auto [stop, error] = std::from_chars(begin, end, value, std::chars_format::general);
  if (stop != end) return false;
  if (error == std::errc::result_out_of_range) {
    // Overflow gives +-inf and underflow 0 or a subnormal, as strtod (and pandas) do.
    const std::string copy(begin, end);
    value = std::strtod(copy.c_str(), nullptr);
  } else if (error != std::errc()) {
    return false;
  }
  if (negative) value = -value;
  return true;
}

}  // namespace loom::io::detail
