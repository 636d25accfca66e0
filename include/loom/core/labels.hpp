#pragma once
// Class labels for classifiers, as scikit-learn's LabelEncoder inside every classifier:
// classes sorted (numerically for numeric targets, as strings otherwise) and each row's class
// index. A missing label throws DataError naming the row.
#include <string_view>
#include <vector>

#include "loom/core/column.hpp"

namespace loom {

struct EncodedLabels {
  Column classes;            // sorted unique labels, same type as the target
  std::vector<int> indices;  // per row, the index into classes
};

// `caller` names the step in messages.
EncodedLabels encode_labels(const Column& y, std::string_view caller);
// Maps class indices back to labels (a column of the classes' type, named `name`).
Column decode_labels(const Column& classes, const std::vector<int>& indices, std::string name);
// Index of each y value in classes; a label not among them throws DataError naming it.
std::vector<int> label_indices(const Column& classes, const Column& y, std::string_view caller);

}  // namespace loom
