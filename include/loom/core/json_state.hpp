#pragma once
// Fitted state to and from JSON: numbers round-trip exactly (shortest representation), NaN is
// written as null, matrices as lists of rows. Reading a value of the wrong shape or type
// throws ParseError naming the field.
#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

#include "loom/core/column.hpp"
#include "loom/core/params.hpp"

namespace loom::state {

Json from_vector(const std::vector<double>& values);
Json from_vector(const Eigen::VectorXd& values);
Json from_matrix(const Eigen::MatrixXd& values);
// A column (labels, categories): {"name", "type", "values"} with missing as null.
Json from_column(const Column& column);

// Reads state[field]; ParseError when absent or malformed.
const Json& field(const Json& state, std::string_view name);
std::vector<double> to_vector(const Json& state, std::string_view name);
Eigen::VectorXd to_eigen_vector(const Json& state, std::string_view name);
Eigen::MatrixXd to_matrix(const Json& state, std::string_view name);
std::vector<std::string> to_strings(const Json& state, std::string_view name);
Column to_column(const Json& state, std::string_view name);

}  // namespace loom::state
