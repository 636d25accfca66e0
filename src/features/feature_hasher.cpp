#include "loom/features/feature_hasher.hpp"

#include <cmath>

#include "loom/core/detail/parallel.hpp"
#include "loom/features/detail/murmurhash3.hpp"
#include "loom/features/detail/sparse_rows.hpp"

namespace loom::features {

const ParamTable<FeatureHasherParams>& FeatureHasherParams::table() {
  static const ParamTable<FeatureHasherParams> table{
      param("n_features", &FeatureHasherParams::n_features, between<std::int64_t>(1, 2147483647)),
      param("input_type", &FeatureHasherParams::input_type, one_of({"dict", "string"})),
      param("alternate_sign", &FeatureHasherParams::alternate_sign),
  };
  return table;
}

void FeatureHasher::fit(const Table& x, const Column*) {
  validate_params();
  static_cast<void>(x);
}

namespace {

using detail::StorageIndex;

// How one column's cells become hashed features; categorical columns hash each category once.
struct ColumnPlan {
  const Column* column = nullptr;
  detail::HashedIndex name_hash{0, false};  // numeric columns in dict mode
  std::vector<detail::HashedIndex> category_hashes;
};

}  // namespace

Table FeatureHasher::transform(const Table& x) const {
  validate_params();
  if (x.n_rows() == 0) {
    throw DataError(fmt::format("{}: cannot hash an input with 0 rows", describe()));
  }
  // A Dataset is read in place; a matrix is viewed as numeric columns.
  Dataset converted;
  if (!x.is_dataset()) converted = x.to_dataset();
  const Dataset& data = x.is_dataset() ? x.dataset() : converted;
  const bool dict = params_.input_type == "dict";
  const std::int64_t n_features = params_.n_features;
  const double positive = 1.0, negative = params_.alternate_sign ? -1.0 : 1.0;
  std::vector<ColumnPlan> plans;
  for (const Column& column : data.columns()) {
    ColumnPlan plan;
    plan.column = &column;
    if (column.type() == ColumnType::numeric && dict) {
      plan.name_hash = detail::hashed_index(column.name(), n_features);
    } else if (column.type() == ColumnType::categorical) {
      for (const auto& category : column.categories()) {
        plan.category_hashes.push_back(
            detail::hashed_index(dict ? column.name() + "=" + category : category, n_features));
      }
    }
    plans.push_back(std::move(plan));
  }
  const std::size_t n_rows = data.n_rows();
  const std::size_t rows_per_block = std::max<std::size_t>(4096, n_rows / 64 + 1);
  const std::size_t n_blocks = (n_rows + rows_per_block - 1) / rows_per_block;
  std::vector<detail::CsrRows> blocks(n_blocks);
  loom::detail::parallel_for(n_blocks, 1, [&](std::size_t begin, std::size_t end) {
    std::vector<std::pair<StorageIndex, double>> entries;
    std::string key;
    for (std::size_t block = begin; block < end; ++block) {
      detail::CsrRows& rows = blocks[block];
      const std::size_t first = block * rows_per_block;
      const std::size_t last = std::min(n_rows, first + rows_per_block);
      for (std::size_t row = first; row < last; ++row) {
        entries.clear();
        for (const ColumnPlan& plan : plans) {
          const Column& column = *plan.column;
          switch (column.type()) {
            case ColumnType::numeric: {
              const double value = column.numeric_values()[row];
              if (std::isnan(value)) break;
              if (dict) {
                // scikit-learn skips zero values before hashing.
                if (value == 0.0) break;
                entries.emplace_back(plan.name_hash.index,
                                     plan.name_hash.negative ? negative * value : value);
              } else {
                const auto hashed = detail::hashed_index(format_number(value), n_features);
                entries.emplace_back(hashed.index, hashed.negative ? negative : positive);
              }
              break;
            }
            case ColumnType::categorical: {
              const std::int32_t code = column.codes()[row];
              if (code < 0) break;
              const auto& hashed = plan.category_hashes[static_cast<std::size_t>(code)];
              entries.emplace_back(hashed.index, hashed.negative ? negative : positive);
              break;
            }
            case ColumnType::text: {
              if (column.text_missing()[row]) break;
              const std::string& value = column.text_values()[row];
              if (dict) {
                key.assign(column.name());
                key += '=';
                key += value;
              } else {
                key.assign(value);
              }
              const auto hashed = detail::hashed_index(key, n_features);
              entries.emplace_back(hashed.index, hashed.negative ? negative : positive);
              break;
            }
          }
        }
        rows.add_row(entries);
      }
    }
  });
  return FeatureMatrix(detail::concatenate_rows(blocks, static_cast<Eigen::Index>(n_features)),
                       feature_names_out());
}

std::vector<std::string> FeatureHasher::feature_names_out() const {
  return detail::numbered_names("featurehasher", params_.n_features);
}

}  // namespace loom::features
