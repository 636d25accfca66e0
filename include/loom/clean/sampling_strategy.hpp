#pragma once
// imbalanced-learn's sampling_strategy, shared by every resampler: "auto", "minority",
// "majority", "not minority", "not majority", "all", a float ratio (binary targets only), a
// JSON object {"label": count} or, for cleaning samplers, a list of labels. Resolved per class
// as imblearn.utils.check_sampling_strategy; ties between equally large classes go to the
// smallest label. Throws ParameterError naming the caller for a strategy that does not fit
// the sampler or the target, DataError for a target with fewer than two classes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loom/core/labels.hpp"
#include "loom/core/params.hpp"

namespace loom::clean {

enum class SamplingType { over_sampling, under_sampling, clean_sampling };

// Per class (in the order of labels.classes), nullopt when the class is not targeted, else:
// over-sampling, the number of rows to generate; under-sampling, the number of rows to keep;
// cleaning, the size of the smallest class (the class is cleaned).
std::vector<std::optional<std::size_t>> check_sampling_strategy(const Json& strategy,
                                                                const EncodedLabels& labels,
                                                                SamplingType type,
                                                                std::string_view caller);

// Rows per class, in the order of labels.classes.
std::vector<std::size_t> class_counts(const EncodedLabels& labels);

// The parameter-table checks of sampling_strategy (a known string, a number, an object of
// counts or a list) and random_state (null or an integer in [0, 2^32)).
std::string sampling_strategy_check(const Json& value);
std::string random_state_check(const std::optional<std::int64_t>& seed);

}  // namespace loom::clean
