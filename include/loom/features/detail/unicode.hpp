#pragma once
// UTF-8 decoding and the character classes scikit-learn's text vectorisers get from Python:
// str.lower(), re's \w (str.isalnum() or '_') and \s (str.isspace()). Tables are generated
// from Python by tests/reference/make_features_extraction.py (src/features/unicode_tables.cpp).
// Bytes that are not valid UTF-8 decode as U+DC80..U+DCFF (Python's "surrogateescape") and
// encode back to the same byte, so no input is rejected or altered.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loom::features::detail {

bool is_word_slow(char32_t code);
bool is_space_slow(char32_t code);
// Writes the lowercase form (1 to 3 code points) to out; returns how many.
int lowercase_slow(char32_t code, char32_t* out);

inline bool is_word(char32_t code) {
  if (code < 128) {
    return (code >= '0' && code <= '9') || (code >= 'a' && code <= 'z') ||
           (code >= 'A' && code <= 'Z') || code == '_';
  }
  return is_word_slow(code);
}

inline bool is_space(char32_t code) {
  if (code < 128) return (code >= 9 && code <= 13) || (code >= 28 && code <= 32);
  return is_space_slow(code);
}

// Decodes one code point at text[position], advancing position.
inline char32_t decode_utf8(std::string_view text, std::size_t& position) {
  const auto byte = static_cast<unsigned char>(text[position]);
  if (byte < 0x80) {
    ++position;
    return byte;
  }
  int length = 0;
  char32_t code = 0;
  if (byte >= 0xC2 && byte <= 0xDF) {
    length = 2;
    code = byte & 0x1F;
  } else if (byte >= 0xE0 && byte <= 0xEF) {
    length = 3;
    code = byte & 0x0F;
  } else if (byte >= 0xF0 && byte <= 0xF4) {
    length = 4;
    code = byte & 0x07;
  }
  if (length > 0 && position + static_cast<std::size_t>(length) <= text.size()) {
    bool valid = true;
    for (int k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[position + static_cast<std::size_t>(k)]);
      if ((next & 0xC0) != 0x80) {
        valid = false;
        break;
      }
      code = (code << 6) | (next & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid, as in Python.
    const bool in_range = (length == 3 && code >= 0x800 && (code < 0xD800 || code > 0xDFFF)) ||
                          (length == 4 && code >= 0x10000 && code <= 0x10FFFF) || length == 2;
    if (valid && in_range) {
      position += static_cast<std::size_t>(length);
      return code;
    }
  }
  ++position;
  return 0xDC00 + byte;
}

inline void append_utf8(char32_t code, std::string& out) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code >= 0xDC80 && code <= 0xDCFF) {
    out.push_back(static_cast<char>(code - 0xDC00));  // an undecodable byte, restored
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

}  // namespace loom::features::detail
