#pragma once
// Duplicate rows of a Dataset: rows equal in every column to an earlier row (a missing cell
// equals a missing cell; numbers compare by value, so 0 equals -0). pandas:
// DataFrame.duplicated(keep="first") and DataFrame.drop_duplicates(). Never throws.
#include <cstddef>
#include <vector>

#include "loom/core/dataset.hpp"

namespace loom::data {

// Indices, in increasing order, of the rows equal to an earlier row.
std::vector<std::size_t> find_duplicates(const Dataset& data);

struct DropDuplicatesResult {
  Dataset data;               // the first occurrence of every row, in input order
  std::size_t n_dropped = 0;  // how many rows were removed
};

DropDuplicatesResult drop_duplicates(const Dataset& data);

}  // namespace loom::data
