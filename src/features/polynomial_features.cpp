#include "loom/features/polynomial_features.hpp"

#include <map>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/features/detail/numeric_columns.hpp"

namespace loom::features {

namespace {

std::string check_degree(const Json& value) {
  if (value.is_number_integer() && value.get<std::int64_t>() >= 0) return "";
  if (value.is_array() && value.size() == 2 && value[0].is_number_integer() &&
      value[1].is_number_integer() && value[0].get<std::int64_t>() >= 0 &&
      value[0].get<std::int64_t>() <= value[1].get<std::int64_t>()) {
    return "";
  }
  return "must be an integer >= 0 or [min_degree, max_degree] with min_degree <= max_degree";
}

// Appends the combinations of `degree` features out of n (with replacement unless
// interaction_only) in lexicographic order, as itertools does.
void add_combinations(int n, int degree, bool interaction_only, std::vector<int>& current,
                      std::vector<std::vector<int>>& out) {
  if (static_cast<int>(current.size()) == degree) {
    out.push_back(current);
    return;
  }
  int first = 0;
  if (!current.empty()) first = current.back() + (interaction_only ? 1 : 0);
  for (int feature = first; feature < n; ++feature) {
    current.push_back(feature);
    add_combinations(n, degree, interaction_only, current, out);
    current.pop_back();
  }
}

}  // namespace

const ParamTable<PolynomialFeaturesParams>& PolynomialFeaturesParams::table() {
  using P = PolynomialFeaturesParams;
  static const ParamTable<P> table{
      param("degree", &P::degree, ParamCheck<Json>(check_degree)),
      param("interaction_only", &P::interaction_only),
      param("include_bias", &P::include_bias),
      param("order", &P::order, one_of({"C", "F"})),
  };
  return table;
}

void PolynomialFeatures::build_combinations() {
  int min_degree = 0, max_degree = 0;
  if (params_.degree.is_array()) {
    min_degree = params_.degree[0].get<int>();
    max_degree = params_.degree[1].get<int>();
  } else {
    max_degree = params_.degree.get<int>();
  }
  const auto n = static_cast<int>(feature_names_in_.size());
  combinations_.clear();
  if (params_.include_bias) combinations_.emplace_back();
  std::vector<int> current;
  for (int degree = std::max(1, min_degree); degree <= max_degree; ++degree)
    add_combinations(n, degree, params_.interaction_only, current, combinations_);
}

void PolynomialFeatures::fit(const Table& x, const Column*) {
  validate_params();
  require_non_empty(x, describe());
  if (!x.is_sparse()) {
    detail::require_finite_columns(detail::numeric_columns(x, describe()), x.column_names(),
                                   describe());
  }
  feature_names_in_ = x.column_names();
  build_combinations();
  if (combinations_.empty()) {
    throw ParameterError(
        fmt::format("{}: parameter degree = {} with include_bias = false gives no output features",
                    describe(), params_.degree.dump()));
  }
  fitted_ = true;
}

Table PolynomialFeatures::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  const bool sparse = x.is_sparse();
  Eigen::MatrixXd dense_input;
  detail::NumericColumns input;
  if (sparse) {
    dense_input = Eigen::MatrixXd(x.matrix().sparse());
    input.n_rows = static_cast<std::size_t>(dense_input.rows());
    for (Eigen::Index j = 0; j < dense_input.cols(); ++j)
      input.columns.push_back(dense_input.col(j).data());
  } else {
    input = detail::numeric_columns(x, describe());
  }
  detail::require_finite_columns(input, feature_names_in_, describe());
  const std::size_t n_rows = input.n_rows;
  Eigen::MatrixXd values(static_cast<Eigen::Index>(n_rows),
                         static_cast<Eigen::Index>(combinations_.size()));
  for (std::size_t c = 0; c < combinations_.size(); ++c) {
    const auto& features = combinations_[c];
    double* out = values.col(static_cast<Eigen::Index>(c)).data();
    if (features.empty()) {
      std::fill(out, out + n_rows, 1.0);
      continue;
    }
    // scikit-learn builds degree d from degree d - 1: x_i1 x_i2 ... x_id is
    // (x_id x_i(d-1) ... x_i2) x_i1, multiplied in that order.
    const double* last = input.columns[static_cast<std::size_t>(features.back())];
    std::copy(last, last + n_rows, out);
    for (std::size_t k = features.size() - 1; k-- > 0;) {
      const double* column = input.columns[static_cast<std::size_t>(features[k])];
      for (std::size_t i = 0; i < n_rows; ++i)
        out[i] *= column[i];
    }
  }
  if (sparse) return FeatureMatrix(SparseMatrix(values.sparseView()), feature_names_out());
  return FeatureMatrix(std::move(values), feature_names_out());
}

std::vector<std::string> PolynomialFeatures::feature_names_out() const {
  require_fitted("feature_names_out");
  std::vector<std::string> names;
  for (const auto& features : combinations_) {
    if (features.empty()) {
      names.emplace_back("1");
      continue;
    }
    std::map<int, int> powers;
    for (int feature : features)
      ++powers[feature];
    std::string name;
    for (const auto& [feature, power] : powers) {
      if (!name.empty()) name += ' ';
      name += feature_names_in_[static_cast<std::size_t>(feature)];
      if (power != 1) name += fmt::format("^{}", power);
    }
    names.push_back(std::move(name));
  }
  return names;
}

Json PolynomialFeatures::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_}};
}

void PolynomialFeatures::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  if (!check_degree(params_.degree).empty()) {
    throw ParseError(fmt::format("{}: saved parameters hold an invalid degree {}", describe(),
                                 params_.degree.dump()));
  }
  build_combinations();
  fitted_ = true;
}

}  // namespace loom::features
