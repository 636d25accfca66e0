#include "loom/features/detail/univariate_scores.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "loom/core/error.hpp"
#include "loom/core/labels.hpp"
#include "loom/features/detail/sparse_rows.hpp"

namespace loom::features::detail {

namespace {

constexpr double kEpsilon = 1e-16;
constexpr double kTiny = 1e-300;

// Regularised upper incomplete gamma Q(a, x): series for P when x < a + 1, else Lentz's
// continued fraction (Numerical Recipes 6.2).
double gamma_q(double a, double x) {
  if (std::isnan(x)) return x;
  if (x <= 0.0) return 1.0;
  if (std::isinf(x)) return 0.0;
  const double log_front = -x + a * std::log(x) - std::lgamma(a);
  if (x < a + 1.0) {
    double term = 1.0 / a, sum = term;
    for (int n = 1; n < 10000; ++n) {
      term *= x / (a + n);
      sum += term;
      if (std::abs(term) < std::abs(sum) * kEpsilon) break;
    }
    return 1.0 - sum * std::exp(log_front);
  }
  double b = x + 1.0 - a, c = 1.0 / kTiny, d = 1.0 / b, h = d;
  for (int i = 1; i < 10000; ++i) {
    const double an = -i * (i - a);
    b += 2.0;
    d = an * d + b;
    if (std::abs(d) < kTiny) d = kTiny;
    c = b + an / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::abs(delta - 1.0) < kEpsilon) break;
  }
  return std::exp(log_front) * h;
}

// Continued fraction of the incomplete beta function (Numerical Recipes 6.4).
double beta_fraction(double a, double b, double x) {
  const double qab = a + b, qap = a + 1.0, qam = a - 1.0;
  double c = 1.0, d = 1.0 - qab * x / qap;
  if (std::abs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m < 10000; ++m) {
    const int m2 = 2 * m;
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1.0 + aa * d;
    if (std::abs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1.0 + aa * d;
    if (std::abs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::abs(delta - 1.0) < kEpsilon) break;
  }
  return h;
}

// Regularised incomplete beta I_x(a, b).
double incomplete_beta(double a, double b, double x) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double log_front =
      std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
  if (x < (a + 1.0) / (a + b + 2.0)) return std::exp(log_front) * beta_fraction(a, b, x) / a;
  return 1.0 - std::exp(log_front) * beta_fraction(b, a, 1.0 - x) / b;
}

struct NumericInput {
  Eigen::MatrixXd dense;
  SparseMatrix sparse;
  bool is_sparse = false;
};

NumericInput numeric_input(const Table& x, std::string_view caller) {
  NumericInput input;
  x.require_no_missing(caller);
  if (x.is_sparse()) {
    input.sparse = x.matrix().sparse();
    input.is_sparse = true;
  } else {
    input.dense = x.to_dense(caller);
  }
  return input;
}

// Calls visit(row, column, value) on every stored value (every value of a dense matrix),
// row by row.
template <class Visit>
void for_each_value(const NumericInput& input, Visit&& visit) {
  if (input.is_sparse) {
    for (Eigen::Index row = 0; row < input.sparse.outerSize(); ++row) {
      for (SparseMatrix::InnerIterator it(input.sparse, row); it; ++it)
        visit(row, it.col(), it.value());
    }
  } else {
    for (Eigen::Index row = 0; row < input.dense.rows(); ++row) {
      for (Eigen::Index column = 0; column < input.dense.cols(); ++column)
        visit(row, column, input.dense(row, column));
    }
  }
}

UnivariateScores chi2(const NumericInput& input, const std::vector<int>& classes,
                      Eigen::Index n_classes, Eigen::Index n_features, std::string_view caller) {
  // With two classes scikit-learn's LabelBinarizer column is stacked as [1 - Y, Y]: the same
  // per-class table as for more classes.
  Eigen::MatrixXd observed = Eigen::MatrixXd::Zero(n_classes, n_features);
  Eigen::VectorXd feature_count = Eigen::VectorXd::Zero(n_features);
  Eigen::VectorXd class_count = Eigen::VectorXd::Zero(n_classes);
  for (const int c : classes)
    class_count(c) += 1.0;
  for_each_value(input, [&](Eigen::Index row, Eigen::Index column, double value) {
    if (value < 0) {
      throw DataError(
          fmt::format("{}: chi2 needs non-negative values; found {} at row {}, column {}", caller,
                      value, row, column));
    }
    observed(classes[static_cast<std::size_t>(row)], column) += value;
    feature_count(column) += value;
  });
  const double n_samples = static_cast<double>(classes.size());
  UnivariateScores result{Eigen::VectorXd::Zero(n_features), Eigen::VectorXd(n_features)};
  for (Eigen::Index j = 0; j < n_features; ++j) {
    double chisq = 0.0;
    for (Eigen::Index c = 0; c < n_classes; ++c) {
      const double expected = class_count(c) / n_samples * feature_count(j);
      const double difference = observed(c, j) - expected;
      chisq += difference * difference / expected;
    }
    result.scores(j) = chisq;
    result.pvalues(j) = chi2_survival(static_cast<double>(n_classes - 1), chisq);
  }
  return result;
}

UnivariateScores f_classif(const NumericInput& input, const std::vector<int>& classes,
                           Eigen::Index n_classes, Eigen::Index n_features) {
  // scikit-learn's f_oneway, operation for operation.
  Eigen::MatrixXd sums = Eigen::MatrixXd::Zero(n_classes, n_features);
  Eigen::MatrixXd squares = Eigen::MatrixXd::Zero(n_classes, n_features);
  Eigen::VectorXd class_count = Eigen::VectorXd::Zero(n_classes);
  for (const int c : classes)
    class_count(c) += 1.0;
  for_each_value(input, [&](Eigen::Index row, Eigen::Index column, double value) {
    const int c = classes[static_cast<std::size_t>(row)];
    sums(c, column) += value;
    squares(c, column) += value * value;
  });
  const double n_samples = static_cast<double>(classes.size());
  const double dfbn = static_cast<double>(n_classes - 1);
  const double dfwn = n_samples - static_cast<double>(n_classes);
  UnivariateScores result{Eigen::VectorXd(n_features), Eigen::VectorXd(n_features)};
  for (Eigen::Index j = 0; j < n_features; ++j) {
    double ss_alldata = 0.0, sum_all = 0.0;
    for (Eigen::Index c = 0; c < n_classes; ++c) {
      ss_alldata += squares(c, j);
      sum_all += sums(c, j);
    }
    const double square_of_sums_alldata = sum_all * sum_all;
    const double sstot = ss_alldata - square_of_sums_alldata / n_samples;
    double ssbn = 0.0;
    for (Eigen::Index c = 0; c < n_classes; ++c)
      ssbn += sums(c, j) * sums(c, j) / class_count(c);
    ssbn -= square_of_sums_alldata / n_samples;
    const double sswn = sstot - ssbn;
    const double f = (ssbn / dfbn) / (sswn / dfwn);
    result.scores(j) = f;
    result.pvalues(j) = f_survival(dfbn, dfwn, f);
  }
  return result;
}

UnivariateScores f_regression(const NumericInput& input, const Eigen::VectorXd& target,
                              Eigen::Index n_features) {
  // scikit-learn's r_regression then f_regression (center=True, force_finite=True).
  const double n_samples = static_cast<double>(target.size());
  const Eigen::VectorXd y = target.array() - target.mean();
  Eigen::VectorXd sums = Eigen::VectorXd::Zero(n_features);
  Eigen::VectorXd squares = Eigen::VectorXd::Zero(n_features);
  Eigen::VectorXd cross = Eigen::VectorXd::Zero(n_features);
  for_each_value(input, [&](Eigen::Index row, Eigen::Index column, double value) {
    sums(column) += value;
    squares(column) += value * value;
    cross(column) += y(row) * value;
  });
  const double y_norm = y.norm();
  const double dof = n_samples - 2.0;
  UnivariateScores result{Eigen::VectorXd(n_features), Eigen::VectorXd(n_features)};
  for (Eigen::Index j = 0; j < n_features; ++j) {
    const double mean = sums(j) / n_samples;
    const double x_norm = std::sqrt(squares(j) - n_samples * mean * mean);
    double r = cross(j) / x_norm / y_norm;
    if (std::isnan(r)) r = 0.0;
    const double r2 = r * r;
    double f = r2 / (1.0 - r2) * dof;
    double p = f_survival(1.0, dof, f);
    if (std::isinf(f)) f = std::numeric_limits<double>::max();
    if (std::isnan(f)) {
      f = 0.0;
      p = 1.0;
    }
    result.scores(j) = f;
    result.pvalues(j) = p;
  }
  return result;
}

}  // namespace

double chi2_survival(double degrees_of_freedom, double x) {
  return gamma_q(degrees_of_freedom / 2.0, x / 2.0);
}

double f_survival(double dfn, double dfd, double f) {
  if (std::isnan(f)) return f;
  if (std::isinf(f)) return 0.0;
  if (f <= 0.0) return 1.0;
  return incomplete_beta(dfd / 2.0, dfn / 2.0, dfd / (dfd + dfn * f));
}

UnivariateScores score_features(const Table& x, const Column* y, const std::string& score_func,
                                std::string_view caller) {
  if (y == nullptr) {
    throw DataError(fmt::format("{}: {} needs a target (y)", caller, score_func));
  }
  if (y->size() != x.n_rows()) {
    throw DataError(
        fmt::format("{}: target has {} rows, input has {}", caller, y->size(), x.n_rows()));
  }
  const NumericInput input = numeric_input(x, caller);
  const auto n_features = static_cast<Eigen::Index>(x.n_columns());
  if (score_func == "f_regression") {
    if (y->type() != ColumnType::numeric) {
      throw DataError(fmt::format("{}: f_regression needs a numeric target; \"{}\" is {}", caller,
                                  y->name(), to_string(y->type())));
    }
    const Eigen::VectorXd target = y->as_eigen();
    if (target.hasNaN()) {
      throw DataError(fmt::format("{}: target \"{}\" has missing values", caller, y->name()));
    }
    return f_regression(input, target, n_features);
  }
  const EncodedLabels labels = encode_labels(*y, caller);
  const auto n_classes = static_cast<Eigen::Index>(labels.classes.size());
  if (score_func == "chi2") return chi2(input, labels.indices, n_classes, n_features, caller);
  return f_classif(input, labels.indices, n_classes, n_features);
}

Table select_columns(const Table& x, const std::vector<bool>& support) {
  const std::vector<std::string> names = selected_names(x.column_names(), support);
  if (x.is_dataset()) return x.dataset().select(names);
  const FeatureMatrix& matrix = x.matrix();
  if (!matrix.is_sparse()) {
    const Eigen::MatrixXd& values = matrix.dense();
    Eigen::MatrixXd kept(values.rows(), static_cast<Eigen::Index>(names.size()));
    Eigen::Index out = 0;
    for (Eigen::Index j = 0; j < values.cols(); ++j) {
      if (support[static_cast<std::size_t>(j)]) kept.col(out++) = values.col(j);
    }
    return FeatureMatrix(std::move(kept), names);
  }
  const SparseMatrix& values = matrix.sparse();
  std::vector<StorageIndex> new_index(static_cast<std::size_t>(values.cols()), -1);
  StorageIndex next = 0;
  for (std::size_t j = 0; j < new_index.size(); ++j) {
    if (support[j]) new_index[j] = next++;
  }
  CsrRows rows;
  std::vector<std::pair<StorageIndex, double>> entries;
  for (Eigen::Index row = 0; row < values.outerSize(); ++row) {
    entries.clear();
    for (SparseMatrix::InnerIterator it(values, row); it; ++it) {
      const StorageIndex column = new_index[static_cast<std::size_t>(it.col())];
      if (column >= 0) entries.emplace_back(column, it.value());
    }
    rows.add_row(entries);
  }
  return FeatureMatrix(concatenate_rows({rows}, next), names);
}

std::vector<std::string> selected_names(const std::vector<std::string>& names,
                                        const std::vector<bool>& support) {
  std::vector<std::string> kept;
  for (std::size_t j = 0; j < names.size(); ++j) {
    if (support[j]) kept.push_back(names[j]);
  }
  return kept;
}

}  // namespace loom::features::detail
