#include "loom/metrics/detail/checks.hpp"

#include <fmt/format.h>

#include <cmath>

#include "loom/core/error.hpp"

namespace loom::metrics::detail {

void check_same_length(std::string_view caller, std::string_view first_name, std::size_t first_size,
                       std::string_view second_name, std::size_t second_size) {
  if (first_size != second_size) {
    throw DataError(fmt::format("{}: {} has {} values but {} has {}", caller, first_name,
                                first_size, second_name, second_size));
  }
}

void check_not_empty(std::string_view caller, std::string_view name, std::size_t size) {
  if (size == 0) throw DataError(fmt::format("{}: {} is empty", caller, name));
}

void check_finite(std::string_view caller, std::string_view name, std::span<const double> values) {
  for (std::size_t index = 0; index < values.size(); ++index) {
    if (!std::isfinite(values[index])) {
      throw DataError(fmt::format("{}: {}[{}] is {}", caller, name, index,
                                  std::isnan(values[index]) ? "NaN" : "infinite"));
    }
  }
}

void check_pair(std::string_view caller, std::string_view first_name, std::size_t first_size,
                std::string_view second_name, std::size_t second_size) {
  check_same_length(caller, first_name, first_size, second_name, second_size);
  check_not_empty(caller, first_name, first_size);
}

}  // namespace loom::metrics::detail
