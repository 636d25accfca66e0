#pragma once
// Class labels as loom passes them around: strings, ordered as scikit-learn's np.unique orders
// the typed values they came from (numerically when every label reads as a number, so
// "2" < "10"; otherwise as strings).
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace loom::metrics {

// The number a label reads as ("2", "-1.5", "1e3", "+4"), or nullopt ("yes", "", "nan").
std::optional<double> label_as_number(std::string_view label);

// Sorts labels in np.unique's order and removes duplicates: by value when all of them read as
// numbers (ties such as "1" / "1.0" broken by text), otherwise by text. Never throws.
void sort_labels(std::vector<std::string>& labels);

// The sorted union of the labels in first and second (scikit-learn's unique_labels).
std::vector<std::string> unique_labels(std::span<const std::string> first,
                                       std::span<const std::string> second = {});

}  // namespace loom::metrics
