#include "loom/clean/missing_indicator.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"

namespace loom::clean {

const ParamTable<MissingIndicatorParams>& MissingIndicatorParams::table() {
  static const ParamTable<MissingIndicatorParams> table{
      param("features", &MissingIndicatorParams::features, one_of({"missing-only", "all"})),
      param("error_on_new", &MissingIndicatorParams::error_on_new),
  };
  return table;
}

std::vector<std::uint8_t> missing_mask(const Table& x, std::size_t column) {
  std::vector<std::uint8_t> mask(x.n_rows());
  if (x.is_dataset()) {
    const Column& values = x.dataset().column(column);
    for (std::size_t row = 0; row < mask.size(); ++row)
      mask[row] = values.is_missing(row) ? 1 : 0;
    return mask;
  }
  const Eigen::MatrixXd& values = x.matrix().dense();
  for (std::size_t row = 0; row < mask.size(); ++row) {
    mask[row] =
        std::isnan(values(static_cast<Eigen::Index>(row), static_cast<Eigen::Index>(column))) ? 1
                                                                                              : 0;
  }
  return mask;
}

namespace {

bool any_missing(const Table& x, std::size_t column) {
  const auto mask = missing_mask(x, column);
  return std::any_of(mask.begin(), mask.end(), [](std::uint8_t m) { return m != 0; });
}

void require_dense(const Table& x, std::string_view caller) {
  if (x.is_sparse()) {
    throw DataError(fmt::format("{}: sparse input is not supported", caller));
  }
}

}  // namespace

void MissingIndicator::fit(const Table& x, const Column*) {
  validate_params();
  require_non_empty(x, describe());
  require_dense(x, describe());
  features_.clear();
  for (std::size_t j = 0; j < x.n_columns(); ++j) {
    if (params_.features == "all" || any_missing(x, j)) features_.push_back(j);
  }
  feature_names_in_ = x.column_names();
  fitted_ = true;
}

Table MissingIndicator::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  require_dense(x, describe());
  if (params_.features == "missing-only" && params_.error_on_new) {
    std::vector<std::string> new_missing;
    for (std::size_t j = 0; j < x.n_columns(); ++j) {
      if (!std::binary_search(features_.begin(), features_.end(), j) && any_missing(x, j))
        new_missing.push_back(feature_names_in_[j]);
    }
    if (!new_missing.empty()) {
      throw DataError(fmt::format(
          "{}: columns \"{}\" have missing values at transform but had none at fit (set "
          "error_on_new to false to ignore them)",
          describe(), fmt::join(new_missing, "\", \"")));
    }
  }
  Eigen::MatrixXd output(static_cast<Eigen::Index>(x.n_rows()),
                         static_cast<Eigen::Index>(features_.size()));
  for (std::size_t k = 0; k < features_.size(); ++k) {
    const auto mask = missing_mask(x, features_[k]);
    for (std::size_t row = 0; row < mask.size(); ++row)
      output(static_cast<Eigen::Index>(row), static_cast<Eigen::Index>(k)) = mask[row];
  }
  return FeatureMatrix(std::move(output), feature_names_out());
}

std::vector<std::string> MissingIndicator::feature_names_out() const {
  require_fitted("feature_names_out");
  std::vector<std::string> names;
  for (std::size_t j : features_)
    names.push_back("missingindicator_" + feature_names_in_[j]);
  return names;
}

Json MissingIndicator::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_}, {"features", features_}};
}

void MissingIndicator::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  const Json& features = state::field(saved, "features");
  if (!features.is_array())
    throw ParseError(fmt::format("{}: saved features must be a list", describe()));
  features_.clear();
  for (const auto& index : features) {
    if (!index.is_number_unsigned() || index.get<std::size_t>() >= feature_names_in_.size()) {
      throw ParseError(
          fmt::format("{}: saved feature index {} is out of range", describe(), index.dump()));
    }
    features_.push_back(index.get<std::size_t>());
  }
  fitted_ = true;
}

}  // namespace loom::clean
