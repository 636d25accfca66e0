#pragma once
// What the resamplers share (private to src/clean): the target's classes and rows per class,
// the numeric view of the features for the samplers that measure distances, and the output
// (kept rows in input order, then the generated rows) with its labels.
#include <Eigen/Core>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "loom/core/labels.hpp"
#include "loom/core/table.hpp"

namespace loom::clean::detail {

struct ResampleTarget {
  EncodedLabels labels;
  std::vector<std::vector<std::size_t>> rows_of_class;  // per class, its rows in input order
};

// Encodes y (DataError for a missing label or a length that differs from x's rows).
ResampleTarget encode_resample_target(const Table& x, const Column& y, std::string_view caller);

// All columns as doubles; DataError naming a non-numeric column (`hint` ends the message,
// e.g. "use SMOTENC") or the first column holding a missing value.
Eigen::MatrixXd numeric_features(const Table& x, std::string_view caller, std::string_view hint);

// Rows laid out with x's columns: a Dataset of numeric columns of the same names, or a
// dense or sparse FeatureMatrix as x is.
Table numeric_rows_like(const Table& x, const Eigen::MatrixXd& values);

// Rows of a followed by rows of b (same columns).
Table concat_rows(const Table& a, const Table& b);

// The resampled data: x's rows `kept` (in the given order), then `generated` labelled by
// generated_classes (indices into target.labels.classes). y keeps its name and type.
std::pair<Table, Column> assemble_resampled(const Table& x, const Column& y,
                                            const ResampleTarget& target,
                                            const std::vector<std::size_t>& kept,
                                            const std::optional<Table>& generated,
                                            const std::vector<int>& generated_classes);

// 0 .. n-1.
std::vector<std::size_t> all_rows(std::size_t n);

}  // namespace loom::clean::detail
