#include "loom/models/tree/detail/targets.hpp"

#include <fmt/format.h>

#include <cmath>

#include "loom/core/error.hpp"
#include "loom/core/input_check.hpp"

namespace loom::models::detail {

namespace {
void check_rows(const Table& x, const Column* y, std::string_view caller, std::string_view what) {
  require_non_empty(x, caller);
  if (y == nullptr) throw DataError(fmt::format("{}: fit needs a target ({})", caller, what));
  if (y->size() != x.n_rows()) {
    throw DataError(
        fmt::format("{}: {} rows of features but {} targets", caller, x.n_rows(), y->size()));
  }
}
}  // namespace

EncodedLabels classification_target(const Table& x, const Column* y, std::string_view caller) {
  check_rows(x, y, caller, "labels");
  EncodedLabels labels = encode_labels(*y, caller);
  if (labels.classes.size() < 2) {
    throw DataError(
        fmt::format("{}: the target \"{}\" has a single class \"{}\"; at least 2 are "
                    "needed",
                    caller, y->name(), labels.classes.value_string(0)));
  }
  return labels;
}

std::vector<double> regression_target(const Table& x, const Column* y, std::string_view caller) {
  check_rows(x, y, caller, "numeric values");
  if (y->type() != ColumnType::numeric) {
    throw DataError(fmt::format("{}: the target \"{}\" is {}; a regressor needs a numeric target",
                                caller, y->name(), to_string(y->type())));
  }
  const auto values = y->numeric_values();
  for (std::size_t row = 0; row < values.size(); ++row) {
    if (!std::isfinite(values[row])) {
      throw DataError(fmt::format("{}: the target \"{}\" is missing or infinite at row {}", caller,
                                  y->name(), row));
    }
  }
  return {values.begin(), values.end()};
}

void normalise_rows(Eigen::MatrixXd& weights) {
  for (Eigen::Index i = 0; i < weights.rows(); ++i) {
    const double total = weights.row(i).sum();
    if (total > 0.0) weights.row(i) /= total;
  }
}

std::vector<int> argmax_rows(const Eigen::MatrixXd& scores) {
  std::vector<int> result(static_cast<std::size_t>(scores.rows()));
  for (Eigen::Index i = 0; i < scores.rows(); ++i) {
    Eigen::Index best = 0;
    for (Eigen::Index k = 1; k < scores.cols(); ++k) {
      if (scores(i, k) > scores(i, best)) best = k;
    }
    result[static_cast<std::size_t>(i)] = static_cast<int>(best);
  }
  return result;
}

}  // namespace loom::models::detail
