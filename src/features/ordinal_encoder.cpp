#include "loom/features/ordinal_encoder.hpp"

#include <cmath>
#include <limits>

#include "loom/core/detail/parallel.hpp"
#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"

namespace loom::features {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool is_nan_value(const Json& value) {
  return value == "nan" || value == "NaN";
}

std::string check_unknown_value(const Json& value) {
  if (value.is_null() || value.is_number_integer() || is_nan_value(value)) return "";
  return "must be null, an integer or \"nan\"";
}

std::string check_missing_value(const Json& value) {
  if (value.is_null() || value.is_number_integer() || is_nan_value(value)) return "";
  return "must be an integer, or null / \"nan\" for NaN";
}

double code_of(const Json& value) {
  if (value.is_number()) return value.get<double>();
  return kNaN;
}

}  // namespace

const ParamTable<OrdinalEncoderParams>& OrdinalEncoderParams::table() {
  using P = OrdinalEncoderParams;
  static const ParamTable<P> table{
      param("categories", &P::categories, one_of({"auto"})),
      param("handle_unknown", &P::handle_unknown, one_of({"error", "use_encoded_value"})),
      param("unknown_value", &P::unknown_value, ParamCheck<Json>(check_unknown_value)),
      param("encoded_missing_value", &P::encoded_missing_value,
            ParamCheck<Json>(check_missing_value)),
  };
  return table;
}

void OrdinalEncoder::fit(const Table& x, const Column*) {
  validate_params();
  const bool use_encoded = params_.handle_unknown == "use_encoded_value";
  if (use_encoded && params_.unknown_value.is_null()) {
    throw ParameterError(fmt::format(
        "{}: parameter unknown_value = null must be an integer or \"nan\" when handle_unknown "
        "is \"use_encoded_value\"",
        describe()));
  }
  if (!use_encoded && !params_.unknown_value.is_null()) {
    throw ParameterError(
        fmt::format("{}: parameter unknown_value = {} may only be set when handle_unknown is "
                    "\"use_encoded_value\"",
                    describe(), params_.unknown_value.dump()));
  }
  require_non_empty(x, describe());
  Dataset storage;
  const Dataset& data = detail::input_dataset(x, storage);
  feature_names_in_ = data.column_names();
  categories_.assign(data.n_columns(), {});
  loom::detail::parallel_for(data.n_columns(),
                             loom::detail::items_for(std::size_t{1} << 18, data.n_rows()),
                             [&](std::size_t begin, std::size_t end) {
                               for (std::size_t j = begin; j < end; ++j)
                                 categories_[j] = detail::find_categories(data.column(j));
                             });
  for (auto& categories : categories_)
    categories.counts.clear();
  const double unknown = code_of(params_.unknown_value);
  const double missing = code_of(params_.encoded_missing_value);
  for (const auto& categories : categories_) {
    const auto n = static_cast<double>(categories.size());
    if (use_encoded && unknown >= 0 && unknown < n) {
      throw ParameterError(fmt::format(
          "{}: parameter unknown_value = {} is already the code of a category of column \"{}\" "
          "(codes 0..{})",
          describe(), params_.unknown_value.dump(), categories.column, categories.size() - 1));
    }
    if (categories.has_missing && missing >= 0 && missing < n) {
      throw ParameterError(fmt::format(
          "{}: parameter encoded_missing_value = {} is already the code of a category of column "
          "\"{}\" (codes 0..{})",
          describe(), params_.encoded_missing_value.dump(), categories.column,
          categories.size() - 1));
    }
  }
  fitted_ = true;
}

Table OrdinalEncoder::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  Dataset storage;
  const Dataset& data = detail::input_dataset(x, storage);
  const std::size_t n_rows = data.n_rows();
  const std::size_t n_columns = data.n_columns();
  const double unknown = code_of(params_.unknown_value);
  const double missing = code_of(params_.encoded_missing_value);
  Eigen::MatrixXd values(static_cast<Eigen::Index>(n_rows), static_cast<Eigen::Index>(n_columns));
  std::vector<std::size_t> first_unknown(n_columns, n_rows);
  loom::detail::parallel_for(
      n_columns, loom::detail::items_for(std::size_t{1} << 18, n_rows),
      [&](std::size_t begin, std::size_t end) {
        std::vector<std::int32_t> codes(n_rows);
        for (std::size_t j = begin; j < end; ++j) {
          const auto& categories = categories_[j];
          detail::encode_rows(data.column(j), categories, codes, &first_unknown[j]);
          const std::int32_t missing_code =
              categories.has_missing ? static_cast<std::int32_t>(categories.missing_index()) : -2;
          double* out = values.col(static_cast<Eigen::Index>(j)).data();
          for (std::size_t row = 0; row < n_rows; ++row) {
            const std::int32_t code = codes[row];
            out[row] = code < 0 ? unknown : code == missing_code ? missing : code;
          }
        }
      });
  if (params_.handle_unknown == "error") {
    for (std::size_t j = 0; j < n_columns; ++j) {
      if (first_unknown[j] == n_rows) continue;
      const Column& column = data.column(j);
      const std::size_t row = first_unknown[j];
      throw DataError(fmt::format(
          "{}: column \"{}\" has category \"{}\" (row index {}) that was not seen at fit; set "
          "handle_unknown to \"use_encoded_value\" with an unknown_value to accept it",
          describe(), column.name(), column.is_missing(row) ? "nan" : column.value_string(row),
          row));
    }
  }
  return FeatureMatrix(std::move(values), feature_names_in_);
}

std::vector<std::string> OrdinalEncoder::feature_names_out() const {
  require_fitted("feature_names_out");
  return feature_names_in_;
}

Json OrdinalEncoder::categories(std::size_t column) const {
  require_fitted("categories");
  Json values = Json::array();
  const auto& categories = categories_.at(column);
  for (std::size_t k = 0; k < categories.size(); ++k)
    values.push_back(categories.value(k));
  return values;
}

Json OrdinalEncoder::fitted_state() const {
  require_fitted("fitted_state");
  Json categories = Json::array();
  for (const auto& column : categories_)
    categories.push_back(column.to_json());
  return {{"feature_names_in", feature_names_in_}, {"categories", categories}};
}

void OrdinalEncoder::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  const Json& categories = state::field(saved, "categories");
  if (!categories.is_array() || categories.size() != feature_names_in_.size()) {
    throw ParseError(fmt::format("{}: saved state has {} category lists for {} features",
                                 describe(), categories.size(), feature_names_in_.size()));
  }
  categories_.clear();
  for (const auto& column : categories)
    categories_.push_back(detail::ColumnCategories::from_json(column));
  fitted_ = true;
}

}  // namespace loom::features
