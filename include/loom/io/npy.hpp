#pragma once
// NumPy's .npy files (numpy.load / numpy.save) for dense arrays of doubles.
#include <Eigen/Core>
#include <string>
#include <xtensor/xarray.hpp>

namespace loom::io {

// Reads an array of any rank. Accepts format versions 1.0 to 3.0, dtypes <f8, <f4, <i8 and
// <i4 (converted to double), C or Fortran order (the result is always row-major). Throws
// IoError (cannot open) and ParseError naming the file and what was expected: a bad magic
// string or header, an unsupported dtype, or too few / too many data bytes.
xt::xarray<double> read_npy(const std::string& path);

// Reads a 1-D (as one column) or 2-D array into an Eigen matrix; other ranks are a
// ParseError.
Eigen::MatrixXd read_npy_matrix(const std::string& path);

// Writes format 1.0, dtype <f8, C order, atomically (write_file_atomically).
void write_npy(const std::string& path, const xt::xarray<double>& array);
// The same for a matrix (shape (rows, columns), stored row by row as numpy expects).
void write_npy(const std::string& path, const Eigen::MatrixXd& matrix);

}  // namespace loom::io
