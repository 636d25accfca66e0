#pragma once
// The header of a .npy file: a Python dict literal such as
// {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }, parsed and written by hand.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace loom::io::detail {

struct NpyHeader {
  std::string descr;  // dtype, e.g. "<f8"
  bool fortran_order = false;
  std::vector<std::size_t> shape;
};

// Parses the dict; ParseError naming path and what was expected otherwise.
NpyHeader parse_npy_header(std::string_view text, const std::string& path);

// Magic string, version 1.0, length and dict for a C-order <f8 array, padded with spaces
// and a final newline to a multiple of 64 bytes, as numpy writes it.
std::string format_npy_header(const std::vector<std::size_t>& shape);

}  // namespace loom::io::detail
