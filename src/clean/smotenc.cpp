#include "loom/clean/smotenc.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "loom/clean/sampling_strategy.hpp"
#include "loom/core/input_check.hpp"
#include "resample_support.hpp"
#include "smote_support.hpp"

namespace loom::clean {

const ParamTable<SMOTENCParams>& SMOTENCParams::table() {
  using P = SMOTENCParams;
  static const ParamTable<P> table{
      param<P, Json>(
          "categorical_features", &P::categorical_features,
          [](const Json& value) {
            if (value.is_null()) return std::string();
            if (value.is_array()) {
              bool all_names = true;
              bool all_indices = true;
              for (const auto& item : value) {
                all_names = all_names && item.is_string();
                all_indices = all_indices && item.is_number_integer() && item.get<long long>() >= 0;
              }
              if (all_names || all_indices) return std::string();
            }
            return std::string("must be null, a list of column names or a list of column indices");
          }),
      param<P, Json>("sampling_strategy", &P::sampling_strategy, sampling_strategy_check),
      param<P, std::optional<std::int64_t>>("random_state", &P::random_state, random_state_check),
      param("k_neighbors", &P::k_neighbors, at_least(1)),
      param<P, std::optional<int>>("n_jobs", &P::n_jobs),
  };
  return table;
}

namespace {

// One categorical feature: its column, each row's category (index into the sorted categories
// present) and, per category, a row holding it (to copy the value in the column's own type).
struct CategoricalFeature {
  std::size_t column = 0;
  std::vector<int> codes;
  std::vector<std::size_t> example_row;
};

CategoricalFeature encode_feature(const Column& column, std::size_t index) {
  CategoricalFeature feature{index, std::vector<int>(column.size()), {}};
  std::vector<std::size_t> order(column.size());
  for (std::size_t row = 0; row < order.size(); ++row)
    order[row] = row;
  // Categories sorted as OneHotEncoder sorts them: numbers numerically, strings bytewise.
  if (column.type() == ColumnType::numeric) {
    const auto values = column.numeric_values();
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    for (std::size_t i = 0; i < order.size(); ++i) {
      if (i == 0 || values[order[i]] != values[order[i - 1]])
        feature.example_row.push_back(order[i]);
      feature.codes[order[i]] = static_cast<int>(feature.example_row.size()) - 1;
    }
    return feature;
  }
  std::vector<std::string> text(column.size());
  for (std::size_t row = 0; row < text.size(); ++row)
    text[row] = column.value_string(row);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return text[a] < text[b]; });
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (i == 0 || text[order[i]] != text[order[i - 1]]) feature.example_row.push_back(order[i]);
    feature.codes[order[i]] = static_cast<int>(feature.example_row.size()) - 1;
  }
  return feature;
}

// The columns categorical_features names, in its order; by default the non-numeric ones.
std::vector<std::size_t> categorical_columns(const Json& given, const Dataset& data,
                                             std::string_view caller) {
  std::vector<std::size_t> columns;
  if (given.is_null()) {
    for (std::size_t j = 0; j < data.n_columns(); ++j) {
      if (data.column(j).type() != ColumnType::numeric) columns.push_back(j);
    }
    return columns;
  }
  for (const auto& item : given) {
    if (item.is_string()) {
      const auto name = item.get<std::string>();
      if (!data.has_column(name)) {
        throw SchemaError(
            fmt::format("{}: categorical_features names unknown column \"{}\" "
                        "(columns: {})",
                        caller, name, fmt::join(data.column_names(), ", ")));
      }
      columns.push_back(data.column_index(name));
    } else {
      const auto index = item.get<std::size_t>();
      if (index >= data.n_columns()) {
        throw ParameterError(fmt::format(
            "{}: categorical_features index {} is out of range; indices should be between 0 "
            "and {}",
            caller, index, data.n_columns() - 1));
      }
      columns.push_back(index);
    }
  }
  return columns;
}

// The minority class as imblearn's SMOTENC finds it: min over a Counter, whose keys are in
// order of first appearance, so ties go to the class seen first.
std::size_t first_seen_minority(const std::vector<int>& indices, std::size_t n_classes) {
  std::vector<std::size_t> counts(n_classes, 0);
  std::vector<std::size_t> seen;
  for (int index : indices) {
    if (counts[static_cast<std::size_t>(index)]++ == 0)
      seen.push_back(static_cast<std::size_t>(index));
  }
  std::size_t best = seen.front();
  for (std::size_t c : seen) {
    if (counts[c] < counts[best]) best = c;
  }
  return best;
}

double median_std_of(const Eigen::MatrixXd& continuous, const std::vector<std::size_t>& rows) {
  std::vector<double> stds;
  const auto n = static_cast<double>(rows.size());
  for (Eigen::Index j = 0; j < continuous.cols(); ++j) {
    double sum = 0.0;
    for (std::size_t row : rows)
      sum += continuous(static_cast<Eigen::Index>(row), j);
    const double mean = sum / n;
    double squares = 0.0;
    for (std::size_t row : rows) {
      const double centred = continuous(static_cast<Eigen::Index>(row), j) - mean;
      squares += centred * centred;
    }
    stds.push_back(std::sqrt(squares / n));
  }
  std::sort(stds.begin(), stds.end());
  const std::size_t middle = stds.size() / 2;
  return stds.size() % 2 ? stds[middle] : (stds[middle - 1] + stds[middle]) / 2.0;
}

}  // namespace

std::pair<Table, Column> SMOTENC::fit_resample(const Table& x, const Column& y) {
  validate_params();
  const std::string caller = describe();
  require_non_empty(x, caller);
  const detail::ResampleTarget target = detail::encode_resample_target(x, y, caller);
  const auto targets = check_sampling_strategy(params_.sampling_strategy, target.labels,
                                               SamplingType::over_sampling, caller);
  const Dataset data = x.to_dataset();
  x.require_no_missing(caller);
  const std::vector<std::size_t> categorical =
      categorical_columns(params_.categorical_features, data, caller);
  std::vector<std::size_t> continuous;
  for (std::size_t j = 0; j < data.n_columns(); ++j) {
    if (std::find(categorical.begin(), categorical.end(), j) != categorical.end()) continue;
    const Column& column = data.column(j);
    if (column.type() != ColumnType::numeric) {
      throw DataError(fmt::format("{}: column \"{}\" is {} but not listed in categorical_features",
                                  caller, column.name(), to_string(column.type())));
    }
    continuous.push_back(j);
  }
  if (continuous.empty()) {
    throw ParameterError(
        fmt::format("{}: every column is categorical; SMOTENC needs numeric features too (use "
                    "RandomOverSampler)",
                    caller));
  }

  const auto n_rows = static_cast<Eigen::Index>(data.n_rows());
  Eigen::MatrixXd numbers(n_rows, static_cast<Eigen::Index>(continuous.size()));
  for (std::size_t j = 0; j < continuous.size(); ++j) {
    const auto values = data.column(continuous[j]).numeric_values();
    for (Eigen::Index row = 0; row < n_rows; ++row)
      numbers(row, static_cast<Eigen::Index>(j)) = values[static_cast<std::size_t>(row)];
  }
  std::vector<CategoricalFeature> features;
  for (std::size_t j : categorical)
    features.push_back(encode_feature(data.column(j), j));
  const std::size_t minority =
      first_seen_minority(target.labels.indices, target.labels.classes.size());
  median_std_ = median_std_of(numbers, target.rows_of_class[minority]);
  // Each category's one-hot column weighs median_std / 2 in distances (and in the votes).
  const double weight = median_std_ / 2.0;
  const double vote = median_std_ == 0.0 ? 1.0 : weight;
  Eigen::Index n_encoded = numbers.cols();
  for (const auto& feature : features)
    n_encoded += static_cast<Eigen::Index>(feature.example_row.size());
  Eigen::MatrixXd encoded = Eigen::MatrixXd::Zero(n_rows, n_encoded);
  encoded.leftCols(numbers.cols()) = numbers;
  Eigen::Index offset = numbers.cols();
  for (const auto& feature : features) {
    for (Eigen::Index row = 0; row < n_rows; ++row)
      encoded(row, offset + feature.codes[static_cast<std::size_t>(row)]) = weight;
    offset += static_cast<Eigen::Index>(feature.example_row.size());
  }

  const Eigen::Index k = params_.k_neighbors;
  std::vector<Eigen::MatrixXd> number_blocks;
  std::vector<std::vector<std::size_t>> example_rows(features.size());
  std::vector<int> new_classes;
  for (std::size_t c = 0; c < targets.size(); ++c) {
    if (!targets[c] || *targets[c] == 0) continue;
    const auto& class_rows = target.rows_of_class[c];
    const Eigen::MatrixXd members = detail::take_rows(encoded, class_rows);
    const NearestNeighbors index(members, params_.n_jobs.value_or(0));
    const detail::IndexMatrix neighbours = detail::neighbours_after_self(
        index, members, k, caller, "k_neighbors", target.labels.classes.value_string(c));
    detail::RandomState random = detail::check_random_state(params_.random_state);
    const detail::SmoteDraws draws =
        detail::draw_samples(random, members.rows(), k, *targets[c], 1.0);
    const Eigen::MatrixXd class_numbers = detail::take_rows(numbers, class_rows);
    number_blocks.push_back(detail::interpolate(class_numbers, class_numbers, neighbours, draws));
    // The most frequent category among the k neighbours; ties go to the first of the tied
    // (sample, category) pairs after a permutation, as imblearn.
    detail::RandomState ties = detail::check_random_state(params_.random_state);
    const std::size_t n_new = draws.rows.size();
    for (std::size_t f = 0; f < features.size(); ++f) {
      const auto& feature = features[f];
      const std::size_t n_categories = feature.example_row.size();
      std::vector<std::pair<std::size_t, int>> tied;
      std::vector<double> votes(n_categories);
      for (std::size_t i = 0; i < n_new; ++i) {
        std::fill(votes.begin(), votes.end(), 0.0);
        for (Eigen::Index j = 0; j < k; ++j) {
          const std::size_t member =
              class_rows[static_cast<std::size_t>(neighbours(draws.rows[i], j))];
          votes[static_cast<std::size_t>(feature.codes[member])] += vote;
        }
        const double best = *std::max_element(votes.begin(), votes.end());
        for (std::size_t cat = 0; cat < n_categories; ++cat) {
          if (std::abs(votes[cat] - best) <= 1e-8 + 1e-5 * std::abs(best))
            tied.emplace_back(i, static_cast<int>(cat));
        }
      }
      ties.shuffle(std::span<std::pair<std::size_t, int>>(tied));
      std::vector<int> chosen(n_new, -1);
      for (const auto& [i, cat] : tied) {
        if (chosen[i] < 0) chosen[i] = cat;
      }
      for (int cat : chosen)
        example_rows[f].push_back(feature.example_row[static_cast<std::size_t>(cat)]);
    }
    new_classes.insert(new_classes.end(), n_new, static_cast<int>(c));
  }

  const Eigen::MatrixXd new_numbers = detail::stack_rows(number_blocks, numbers.cols());
  std::vector<Column> new_columns(data.n_columns());
  for (std::size_t j = 0; j < continuous.size(); ++j) {
    const auto values = new_numbers.col(static_cast<Eigen::Index>(j));
    new_columns[continuous[j]] = Column::numeric(data.column(continuous[j]).name(),
                                                 std::vector<double>(values.begin(), values.end()));
  }
  for (std::size_t f = 0; f < features.size(); ++f)
    new_columns[features[f].column] = data.column(features[f].column).take(example_rows[f]);
  const Dataset new_rows(std::move(new_columns));
  const Table generated =
      x.is_dataset() ? Table(new_rows) : detail::numeric_rows_like(x, new_rows.to_matrix());
  return detail::assemble_resampled(x, y, target, detail::all_rows(x.n_rows()), generated,
                                    new_classes);
}

}  // namespace loom::clean
