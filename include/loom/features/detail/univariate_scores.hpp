#pragma once
// The univariate score functions of scikit-learn's feature_selection (chi2, f_classif,
// f_regression) with their p-values, computed in scikit-learn's order of operations so
// scores agree to rounding, and the column selection the selectors share. Internal to
// loom::features.
#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

#include "loom/core/table.hpp"

namespace loom::features::detail {

struct UnivariateScores {
  Eigen::VectorXd scores, pvalues;
};

// score_func "chi2" | "f_classif" | "f_regression" on a numeric table (dense or sparse) and
// target. DataError naming the caller for a missing target, NaN, a non-numeric column, or
// negative values with chi2.
UnivariateScores score_features(const Table& x, const Column* y, const std::string& score_func,
                                std::string_view caller);

// Upper tail of the chi-squared distribution (scipy.special.chdtrc) and of the F
// distribution (scipy.stats.f.sf).
double chi2_survival(double degrees_of_freedom, double x);
double f_survival(double dfn, double dfd, double f);

// The kept columns of x (a Dataset keeps its column types; a matrix stays dense or sparse).
Table select_columns(const Table& x, const std::vector<bool>& support);

// Names of the kept columns.
std::vector<std::string> selected_names(const std::vector<std::string>& names,
                                        const std::vector<bool>& support);

}  // namespace loom::features::detail
