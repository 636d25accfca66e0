#include "loom/features/one_hot_encoder.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "loom/core/detail/parallel.hpp"
#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"

namespace loom::features {

namespace {

std::string check_drop(const Json& drop) {
  if (drop.is_null() || drop == "first" || drop == "if_binary") return "";
  return "must be null, \"first\" or \"if_binary\"";
}

std::string check_sparse(const Json& sparse) {
  if (sparse == "deprecated" || sparse.is_boolean()) return "";
  return "must be a boolean";
}

std::string check_min_frequency(const Json& value) {
  if (value.is_null()) return "";
  if (value.is_number_integer() && value.get<std::int64_t>() >= 1) return "";
  if (value.is_number_float() && value.get<double>() > 0.0 && value.get<double>() < 1.0) return "";
  return "must be null, an integer >= 1 or a fraction in (0, 1)";
}

}  // namespace

const ParamTable<OneHotEncoderParams>& OneHotEncoderParams::table() {
  using P = OneHotEncoderParams;
  static const ParamTable<P> table{
      param("categories", &P::categories, one_of({"auto"})),
      param("drop", &P::drop, ParamCheck<Json>(check_drop)),
      param("sparse_output", &P::sparse_output),
      param("sparse", &P::sparse, ParamCheck<Json>(check_sparse)),
      param("handle_unknown", &P::handle_unknown,
            one_of({"error", "ignore", "infrequent_if_exist"})),
      param("min_frequency", &P::min_frequency, ParamCheck<Json>(check_min_frequency)),
      param("max_categories", &P::max_categories,
            ParamCheck<std::optional<int>>([](const std::optional<int>& value) {
              return !value || *value >= 1 ? std::string() : std::string("must be >= 1 or null");
            })),
  };
  return table;
}

bool OneHotEncoder::sparse_output() const {
  // As scikit-learn 1.2: a `sparse` given explicitly overrides sparse_output.
  if (params_.sparse.is_boolean()) return params_.sparse.get<bool>();
  return params_.sparse_output;
}

bool OneHotEncoder::infrequent_enabled() const {
  return params_.max_categories.has_value() || !params_.min_frequency.is_null();
}

namespace {

// scikit-learn's _identify_infrequent: below min_frequency, then the smallest counts (stable
// order) until at most max_categories outputs remain, the infrequent group counting as one.
std::vector<std::int32_t> identify_infrequent(const std::vector<std::int64_t>& counts,
                                              std::size_t n_samples, const Json& min_frequency,
                                              std::optional<int> max_categories) {
  const std::size_t n = counts.size();
  std::vector<bool> infrequent(n, false);
  if (min_frequency.is_number_integer()) {
    const auto bound = min_frequency.get<std::int64_t>();
    for (std::size_t k = 0; k < n; ++k)
      infrequent[k] = counts[k] < bound;
  } else if (min_frequency.is_number()) {
    const double bound = static_cast<double>(n_samples) * min_frequency.get<double>();
    for (std::size_t k = 0; k < n; ++k)
      infrequent[k] = static_cast<double>(counts[k]) < bound;
  }
  const auto n_infrequent =
      static_cast<std::size_t>(std::count(infrequent.begin(), infrequent.end(), true));
  const std::size_t n_current = n - n_infrequent + 1;
  if (max_categories && static_cast<std::size_t>(*max_categories) < n_current) {
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return counts[a] < counts[b]; });
    // numpy's argsort(...)[: -max_categories + 1]: with max_categories == 1 that slice is
    // empty, so scikit-learn 1.2 marks nothing more.
    const std::size_t n_smallest =
        *max_categories == 1 ? 0 : n - static_cast<std::size_t>(*max_categories - 1);
    for (std::size_t k = 0; k < n_smallest && k < n; ++k)
      infrequent[order[k]] = true;
  }
  std::vector<std::int32_t> result;
  for (std::size_t k = 0; k < n; ++k) {
    if (infrequent[k]) result.push_back(static_cast<std::int32_t>(k));
  }
  return result;
}

}  // namespace

void OneHotEncoder::fit(const Table& x, const Column*) {
  validate_params();
  require_non_empty(x, describe());
  Dataset storage;
  const Dataset& data = detail::input_dataset(x, storage);
  const std::size_t n_columns = data.n_columns();
  feature_names_in_ = data.column_names();
  categories_.assign(n_columns, {});
  loom::detail::parallel_for(n_columns,
                             loom::detail::items_for(std::size_t{1} << 18, data.n_rows()),
                             [&](std::size_t begin, std::size_t end) {
                               for (std::size_t j = begin; j < end; ++j)
                                 categories_[j] = detail::find_categories(data.column(j));
                             });
  infrequent_.assign(n_columns, {});
  if (infrequent_enabled()) {
    for (std::size_t j = 0; j < n_columns; ++j) {
      infrequent_[j] = identify_infrequent(categories_[j].counts, data.n_rows(),
                                           params_.min_frequency, params_.max_categories);
    }
  }
  drop_idx_.assign(n_columns, -1);
  for (std::size_t j = 0; j < n_columns; ++j) {
    const std::size_t n_grouped =
        categories_[j].size() - (infrequent_[j].empty() ? 0 : infrequent_[j].size() - 1);
    if (params_.drop == "first" || (params_.drop == "if_binary" && n_grouped == 2)) {
      drop_idx_[j] = 0;
    }
  }
  build_layout();
  fitted_ = true;
}

void OneHotEncoder::build_layout() {
  const std::size_t n_columns = categories_.size();
  output_of_.assign(n_columns, {});
  unknown_output_.assign(n_columns, -1);
  names_out_.clear();
  std::int32_t offset = 0;
  for (std::size_t j = 0; j < n_columns; ++j) {
    const auto& categories = categories_[j];
    const auto& infrequent = infrequent_[j];
    const std::size_t n_categories = categories.size();
    // Grouped index of each category: frequent ones in order, the infrequent ones last.
    std::vector<std::int32_t> grouped(n_categories);
    std::vector<bool> is_infrequent(n_categories, false);
    for (std::int32_t k : infrequent)
      is_infrequent.at(static_cast<std::size_t>(k)) = true;
    const auto n_frequent = static_cast<std::int32_t>(n_categories - infrequent.size());
    std::vector<std::string> grouped_labels;
    std::int32_t next = 0;
    for (std::size_t k = 0; k < n_categories; ++k) {
      if (is_infrequent[k]) {
        grouped[k] = n_frequent;
      } else {
        grouped[k] = next++;
        grouped_labels.push_back(categories.label(k));
      }
    }
    if (!infrequent.empty()) grouped_labels.push_back("infrequent_sklearn");
    const std::int32_t drop = drop_idx_[j];
    auto place = [&](std::int32_t index) -> std::int32_t {
      if (index == drop) return -1;
      return offset + (drop >= 0 && index > drop ? index - 1 : index);
    };
    output_of_[j].resize(n_categories);
    for (std::size_t k = 0; k < n_categories; ++k)
      output_of_[j][k] = place(grouped[k]);
    if (params_.handle_unknown == "infrequent_if_exist" && !infrequent.empty()) {
      unknown_output_[j] = place(n_frequent);
    }
    for (std::size_t g = 0; g < grouped_labels.size(); ++g) {
      if (static_cast<std::int32_t>(g) == drop) continue;
      names_out_.push_back(categories.column + "_" + grouped_labels[g]);
    }
    offset += static_cast<std::int32_t>(grouped_labels.size()) - (drop >= 0 ? 1 : 0);
  }
}

Table OneHotEncoder::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  Dataset storage;
  const Dataset& data = detail::input_dataset(x, storage);
  const std::size_t n_rows = data.n_rows();
  const std::size_t n_columns = data.n_columns();
  // outputs[j][row]: the output column of the cell, -1 for none (dropped or ignored).
  std::vector<std::vector<std::int32_t>> outputs(n_columns);
  std::vector<std::size_t> first_unknown(n_columns, n_rows);
  loom::detail::parallel_for(n_columns, loom::detail::items_for(std::size_t{1} << 18, n_rows),
                             [&](std::size_t begin, std::size_t end) {
                               for (std::size_t j = begin; j < end; ++j) {
                                 auto& out = outputs[j];
                                 out.resize(n_rows);
                                 detail::encode_rows(data.column(j), categories_[j], out,
                                                     &first_unknown[j]);
                                 const std::int32_t* output_of = output_of_[j].data();
                                 const std::int32_t unknown = unknown_output_[j];
                                 for (std::size_t row = 0; row < n_rows; ++row) {
                                   const std::int32_t code = out[row];
                                   out[row] = code < 0 ? unknown : output_of[code];
                                 }
                               }
                             });
  if (params_.handle_unknown == "error") {
    for (std::size_t j = 0; j < n_columns; ++j) {
      if (first_unknown[j] == n_rows) continue;
      const Column& column = data.column(j);
      const std::size_t row = first_unknown[j];
      const std::string value = column.is_missing(row) ? "nan" : column.value_string(row);
      throw DataError(fmt::format(
          "{}: column \"{}\" has category \"{}\" (row index {}) that was not seen at fit; set "
          "handle_unknown to \"ignore\" or \"infrequent_if_exist\" to accept unknown categories",
          describe(), column.name(), value, row));
    }
  }
  const auto n_out = static_cast<Eigen::Index>(names_out_.size());
  if (!sparse_output()) {
    Eigen::MatrixXd values = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(n_rows), n_out);
    for (std::size_t j = 0; j < n_columns; ++j) {
      for (std::size_t row = 0; row < n_rows; ++row) {
        if (outputs[j][row] >= 0) values(static_cast<Eigen::Index>(row), outputs[j][row]) = 1.0;
      }
    }
    return FeatureMatrix(std::move(values), names_out_);
  }
  // CSR built in place: the row pointers from the count of outputs per row, then the column
  // indices (increasing within a row, since input columns map to increasing output ranges).
  SparseMatrix values(static_cast<Eigen::Index>(n_rows), n_out);
  std::vector<SparseMatrix::StorageIndex> row_start(n_rows + 1, 0);
  for (std::size_t row = 0; row < n_rows; ++row) {
    SparseMatrix::StorageIndex count = 0;
    for (std::size_t j = 0; j < n_columns; ++j)
      count += outputs[j][row] >= 0 ? 1 : 0;
    row_start[row + 1] = row_start[row] + count;
  }
  const auto nnz = static_cast<Eigen::Index>(row_start[n_rows]);
  values.resizeNonZeros(nnz);
  std::copy(row_start.begin(), row_start.end(), values.outerIndexPtr());
  auto* inner = values.innerIndexPtr();
  std::fill(values.valuePtr(), values.valuePtr() + nnz, 1.0);
  loom::detail::parallel_for(n_rows, std::size_t{1} << 16, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row) {
      auto position = row_start[row];
      for (std::size_t j = 0; j < n_columns; ++j) {
        const std::int32_t output = outputs[j][row];
        if (output >= 0) inner[position++] = output;
      }
    }
  });
  return FeatureMatrix(std::move(values), names_out_);
}

std::vector<std::string> OneHotEncoder::feature_names_out() const {
  require_fitted("feature_names_out");
  return names_out_;
}

Json OneHotEncoder::categories(std::size_t column) const {
  require_fitted("categories");
  Json values = Json::array();
  const auto& categories = categories_.at(column);
  for (std::size_t k = 0; k < categories.size(); ++k)
    values.push_back(categories.value(k));
  return values;
}

Json OneHotEncoder::infrequent_categories(std::size_t column) const {
  require_fitted("infrequent_categories");
  Json values = Json::array();
  for (std::int32_t k : infrequent_.at(column))
    values.push_back(categories_.at(column).value(static_cast<std::size_t>(k)));
  return values;
}

Json OneHotEncoder::fitted_state() const {
  require_fitted("fitted_state");
  Json categories = Json::array();
  for (const auto& column : categories_)
    categories.push_back(column.to_json());
  return {{"feature_names_in", feature_names_in_},
          {"categories", categories},
          {"infrequent_indices", infrequent_},
          {"drop_idx", drop_idx_}};
}

void OneHotEncoder::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  const Json& categories = state::field(saved, "categories");
  const Json& infrequent = state::field(saved, "infrequent_indices");
  const Json& drop = state::field(saved, "drop_idx");
  const std::size_t n = feature_names_in_.size();
  if (!categories.is_array() || categories.size() != n || !infrequent.is_array() ||
      infrequent.size() != n || !drop.is_array() || drop.size() != n) {
    throw ParseError(fmt::format("{}: saved state has lists whose sizes do not match {} features",
                                 describe(), n));
  }
  categories_.clear();
  for (const auto& column : categories)
    categories_.push_back(detail::ColumnCategories::from_json(column));
  try {
    infrequent_ = infrequent.get<std::vector<std::vector<std::int32_t>>>();
    drop_idx_ = drop.get<std::vector<std::int32_t>>();
  } catch (const Json::exception& error) {
    throw ParseError(fmt::format("{}: malformed saved state: {}", describe(), error.what()));
  }
  for (std::size_t j = 0; j < n; ++j) {
    for (std::int32_t k : infrequent_[j]) {
      if (k < 0 || static_cast<std::size_t>(k) >= categories_[j].size()) {
        throw ParseError(fmt::format("{}: saved infrequent index {} out of range for column \"{}\"",
                                     describe(), k, feature_names_in_[j]));
      }
    }
  }
  build_layout();
  fitted_ = true;
}

}  // namespace loom::features
