#include "loom/features/label_encoder.hpp"

#include <cmath>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/core/labels.hpp"

namespace loom::features {

const ParamTable<LabelEncoderParams>& LabelEncoderParams::table() {
  static const ParamTable<LabelEncoderParams> table{};
  return table;
}

void LabelEncoder::fit_labels(const Column& y) {
  classes_ = encode_labels(y, describe()).classes;
  if (feature_names_in_.empty()) feature_names_in_ = {y.name()};
  fitted_ = true;
}

Column LabelEncoder::transform_labels(const Column& y) const {
  require_fitted("transform");
  const std::vector<int> indices = label_indices(classes_, y, describe());
  return Column::numeric(y.name(), std::vector<double>(indices.begin(), indices.end()));
}

Column LabelEncoder::inverse_transform(const Column& codes) const {
  require_fitted("inverse_transform");
  const auto n_classes = static_cast<double>(classes_.size());
  std::vector<int> indices;
  indices.reserve(codes.size());
  for (std::size_t row = 0; row < codes.size(); ++row) {
    const double code = codes.type() == ColumnType::numeric ? codes.numeric_values()[row] : -1.0;
    if (!(code >= 0 && code < n_classes && std::floor(code) == code)) {
      throw DataError(
          fmt::format("{}: inverse_transform got \"{}\" at row {}; expected a class code 0..{}",
                      describe(), codes.value_string(row), row, classes_.size() - 1));
    }
    indices.push_back(static_cast<int>(code));
  }
  return decode_labels(classes_, indices, codes.name());
}

const Column& LabelEncoder::classes() const {
  require_fitted("classes");
  return classes_;
}

const Column& LabelEncoder::single_column(const Table& x, Dataset& storage) const {
  if (x.n_columns() != 1) {
    throw DataError(fmt::format("{}: expects exactly one column (the labels), got {}", describe(),
                                x.n_columns()));
  }
  if (x.is_dataset()) return x.dataset().column(0);
  storage = x.to_dataset();
  return storage.column(0);
}

void LabelEncoder::fit(const Table& x, const Column*) {
  Dataset storage;
  const Column& column = single_column(x, storage);
  feature_names_in_ = {column.name()};
  fit_labels(column);
}

Table LabelEncoder::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  Dataset storage;
  const Column codes = transform_labels(single_column(x, storage));
  const auto values = codes.numeric_values();
  Eigen::MatrixXd matrix(static_cast<Eigen::Index>(values.size()), 1);
  std::copy(values.begin(), values.end(), matrix.data());
  return FeatureMatrix(std::move(matrix), feature_names_in_);
}

std::vector<std::string> LabelEncoder::feature_names_out() const {
  require_fitted("feature_names_out");
  return feature_names_in_;
}

Json LabelEncoder::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_}, {"classes", state::from_column(classes_)}};
}

void LabelEncoder::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  classes_ = state::to_column(saved, "classes");
  fitted_ = true;
}

}  // namespace loom::features
