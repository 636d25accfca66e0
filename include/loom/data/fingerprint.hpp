#pragma once
// A stable content fingerprint of a Dataset: the sha256 (lowercase hex) of a canonical
// serialisation of its column names, types and cell values, in column and row order.
// Numbers are written as the shortest text that reads back to the same double (-0 as 0),
// categorical cells by their value (not their code), missing cells by a marker no value can
// take; so two equal datasets have the same fingerprint however they were read or built,
// and changing one cell changes it. (pandas has no counterpart; DVC hashes files.) Never throws.
#include <string>

#include "loom/core/dataset.hpp"

namespace loom::data {

// The canonical byte string the fingerprint hashes (format "loom-dataset-v1").
std::string canonical_serialisation(const Dataset& data);

std::string fingerprint(const Dataset& data);

}  // namespace loom::data
