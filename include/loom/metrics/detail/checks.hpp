#pragma once
// Precondition checks shared by the metrics; each message names the calling metric.
#include <cstddef>
#include <span>
#include <string_view>

namespace loom::metrics::detail {

// DataError "caller: first_name has 5 values but second_name has 4".
void check_same_length(std::string_view caller, std::string_view first_name, std::size_t first_size,
                       std::string_view second_name, std::size_t second_size);

// DataError "caller: name is empty".
void check_not_empty(std::string_view caller, std::string_view name, std::size_t size);

// DataError "caller: name[3] is NaN" (or infinite).
void check_finite(std::string_view caller, std::string_view name, std::span<const double> values);

// The three checks for a pair of inputs that must be non-empty, of equal length.
void check_pair(std::string_view caller, std::string_view first_name, std::size_t first_size,
                std::string_view second_name, std::size_t second_size);

}  // namespace loom::metrics::detail
