#pragma once
// Relational feature synthesis: aggregates a related table (orders, calls) per entity key and
// joins the aggregates onto the entity table, one row per entity in its order. Entities with
// no related rows are kept: their count is 0 and their other aggregates are missing. Numeric
// columns take count, sum, mean, std (ddof 1, as pandas), min, max, distinct_count and
// most_recent; categorical / text columns take count, distinct_count and most_recent. Output
// columns are named "<prefix>_count" and "<prefix>_<column>_<function>", like pandas'
// groupby().agg() joined with merge(how="left"). Missing values are skipped (a sum of none is
// 0, as pandas). Throws SchemaError for unknown key, time or value columns, ParameterError for
// an unknown function or most_recent without a time column, DataError for a missing entity key.
#include <string>
#include <vector>

#include "loom/core/dataset.hpp"

namespace loom::features {

struct RelationalAggregation {
  std::string entity_key = "";   // key column of the entity table
  std::string related_key = "";  // key column of the related table ("" = entity_key)
  std::string prefix = "";       // output name prefix ("" = "related")
  // Related columns to aggregate; empty = every column but the key and the time column.
  std::vector<std::string> columns = {};
  // Any of: count, sum, mean, std, min, max, distinct_count, most_recent.
  std::vector<std::string> functions = {"count", "sum", "mean",          "std",
                                        "min",   "max", "distinct_count"};
  std::string time_column =
      "";  // orders rows for most_recent (numeric, or strings sorting in time)
};

// The entity table followed by the aggregate columns.
Dataset synthesize_features(const Dataset& entities, const Dataset& related,
                            const RelationalAggregation& aggregation);

}  // namespace loom::features
