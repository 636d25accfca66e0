#pragma once
// A profile of a Dataset, as `loom profile` prints it: per column its type, count (present
// cells), missing and distinct counts, popularity (share of rows where it is present); for
// numeric columns min, max, mean, std and variance (ddof 1, as pandas), zeros and
// quartiles (linear interpolation, as pandas); for categorical and text columns the most
// frequent values; and for the table duplicate rows, constant columns, highly correlated
// numeric pairs and, given a target, its class balance. pandas: DataFrame.describe().
// Keys keep a reading order: rows, columns, then the table-level keys; per column name and
// type first. Throws SchemaError when the target column does not exist.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "loom/core/dataset.hpp"
#include "loom/core/params.hpp"

namespace loom::data {

struct ProfileOptions {
  std::optional<std::string> target = std::nullopt;  // adds class_balance
  std::size_t top_values = 10;                       // entries in each "top" list
  double correlation_threshold = 0.9;                // |pearson r| for correlated_pairs
};

nlohmann::ordered_json profile(const Dataset& data, const ProfileOptions& options = {});

// A few lines a person reads: rows, columns, per column its type, missing share, distinct
// count and main statistics (min / mean / max / std, or the most frequent value), then the
// duplicate rows, constant columns, correlated pairs and class balance the profile holds.
std::string profile_summary(const nlohmann::ordered_json& profile);

}  // namespace loom::data
