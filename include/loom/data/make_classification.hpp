#pragma once
// A synthetic classification table that looks like real data: numeric columns x0, x1, ...
// (x0 .. x{n_informative - 1} carry the signal; every column has its own scale and offset),
// categorical columns c0, c1, ... (categories "a", "b", ...; c0 depends on the class),
// missing cells at missing_rate, and a numeric "target" 0 .. n_classes - 1, imbalanced when
// weights say so. scikit-learn: sklearn.datasets.make_classification (class centres on the
// vertices of a hypercube), plus the categorical and missing values that its output lacks.
// The same seed gives the same table with every standard library. Throws ParameterError.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "loom/core/dataset.hpp"
#include "loom/core/params.hpp"

namespace loom::data {

struct MakeClassificationParams {
  std::size_t n_samples = 1000;
  std::size_t n_numeric = 6;      // numeric columns x0 ...
  std::size_t n_informative = 4;  // the first n_informative numeric columns depend on the class
  std::size_t n_categorical = 2;  // categorical columns c0 ...; c0 depends on the class
  std::size_t n_categories = 4;   // categories per categorical column: "a", "b", ...
  std::size_t n_classes = 2;      // at most 2^n_informative, as scikit-learn requires
  // Class proportions, n_classes of them or n_classes - 1 (the last class takes the rest),
  // e.g. {0.9, 0.1} for imbalance; empty = balanced.
  std::vector<double> weights = {};
  double missing_rate = 0.05;     // chance that a feature cell is missing, in [0, 1)
  double class_separation = 1.0;  // half the side of the hypercube the class centres sit on
  std::uint64_t seed = 0;
  static const ParamTable<MakeClassificationParams>& table();
};

// Columns: x0 .. x{n_numeric - 1} (numeric, NaN = missing), c0 .. c{n_categorical - 1}
// (categorical, missing code = missing), then "target" (numeric class labels, never missing).
// Class sizes are exactly n_samples * weight, rounded down, with the remainder given one row
// at a time to the first classes; rows are in random order.
Dataset make_classification(const MakeClassificationParams& params = {});

}  // namespace loom::data
