#pragma once
// Line-for-line ports of what PowerTransformer's fit relies on, so that fitted lambdas agree
// with scikit-learn's to rounding: scipy 1.10's optimize.brent (bracket search from
// brack = (xa, xb), then Brent's method, tol 1.48e-8, at most 500 iterations) and numpy's
// pairwise summation (np.sum, np.var of contiguous doubles). Internal to loom::features.
#include <functional>
#include <span>

namespace loom::features::detail {

// scipy.optimize.brent(function, brack=(xa, xb)): the minimiser found.
double brent_minimize(const std::function<double(double)>& function, double xa, double xb);

// numpy's pairwise sum (blocks of 128 with 8 partial sums).
double pairwise_sum(std::span<const double> values);

// numpy's var (ddof 0): pairwise sums of the values and of the squared deviations.
double numpy_var(std::span<const double> values);

}  // namespace loom::features::detail
