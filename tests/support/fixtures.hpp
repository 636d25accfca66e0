#pragma once
// Helpers for reading the oracle fixtures written by tests/reference/make_*.py.
#include <Eigen/Core>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace loom::test {

inline nlohmann::json load_fixture(const std::string& relative_path) {
  const std::string path = std::string(LOOM_FIXTURES_DIR) + "/" + relative_path;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open fixture " + path);
  return nlohmann::json::parse(in);
}

inline double number_or_nan(const nlohmann::json& value) {
  return value.is_null() ? std::numeric_limits<double>::quiet_NaN() : value.get<double>();
}

inline std::vector<double> to_vector(const nlohmann::json& values) {
  std::vector<double> result;
  for (const auto& value : values)
    result.push_back(number_or_nan(value));
  return result;
}

inline Eigen::MatrixXd to_matrix(const nlohmann::json& rows) {
  const auto n_rows = static_cast<Eigen::Index>(rows.size());
  const auto n_columns = n_rows ? static_cast<Eigen::Index>(rows[0].size()) : 0;
  Eigen::MatrixXd matrix(n_rows, n_columns);
  for (Eigen::Index i = 0; i < n_rows; ++i) {
    for (Eigen::Index j = 0; j < n_columns; ++j) {
      matrix(i, j) = number_or_nan(rows[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)]);
    }
  }
  return matrix;
}

// True when both are NaN or they differ by at most tolerance.
inline bool close(double a, double b, double tolerance) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::abs(a - b) <= tolerance * (1.0 + std::abs(b));
}

inline bool all_close(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b, double tolerance) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
  for (Eigen::Index i = 0; i < a.rows(); ++i) {
    for (Eigen::Index j = 0; j < a.cols(); ++j) {
      if (!close(a(i, j), b(i, j), tolerance)) return false;
    }
  }
  return true;
}

inline bool shared_data_available(const std::string& file) {
  return std::filesystem::exists(std::string(LOOM_SHARED_DATA_DIR) + "/" + file);
}

}  // namespace loom::test
