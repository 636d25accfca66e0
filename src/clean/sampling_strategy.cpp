#include "loom/clean/sampling_strategy.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>

#include "loom/core/error.hpp"

namespace loom::clean {

namespace {

const std::vector<std::string>& strategy_names() {
  static const std::vector<std::string> names{"auto",         "minority",     "majority",
                                              "not minority", "not majority", "all"};
  return names;
}

std::string class_list(const Column& classes) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < classes.size(); ++i)
    names.push_back(classes.value_string(i));
  return fmt::format("{}", fmt::join(names, ", "));
}

// The class a JSON key or list element names: its text as loom writes the label, or for a
// numeric target any number equal to it ("1.0" names class 1).
std::size_t find_class(const Json& key, const Column& classes, std::string_view caller) {
  std::string text = key.is_string() ? key.get<std::string>() : key.dump();
  for (std::size_t i = 0; i < classes.size(); ++i) {
    if (classes.value_string(i) == text) return i;
  }
  if (classes.type() == ColumnType::numeric) {
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc() && end == text.data() + text.size()) {
      const auto values = classes.numeric_values();
      for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i] == value) return i;
      }
    }
  }
  throw ParameterError(fmt::format(
      "{}: sampling_strategy names class \"{}\", which is not in the target (classes: {})", caller,
      text, class_list(classes)));
}

// imblearn takes max / min over a dict in sorted class order: ties go to the smallest label.
std::size_t majority_class(const std::vector<std::size_t>& counts) {
  return static_cast<std::size_t>(std::max_element(counts.begin(), counts.end()) - counts.begin());
}
std::size_t minority_class(const std::vector<std::size_t>& counts) {
  return static_cast<std::size_t>(std::min_element(counts.begin(), counts.end()) - counts.begin());
}

using Targets = std::vector<std::optional<std::size_t>>;

Targets from_name(const std::string& name, const std::vector<std::size_t>& counts,
                  SamplingType type, std::string_view caller) {
  const std::size_t n_classes = counts.size();
  const std::size_t majority = majority_class(counts);
  const std::size_t minority = minority_class(counts);
  const bool over = type == SamplingType::over_sampling;
  std::string effective = name;
  if (name == "auto") effective = over ? "not majority" : "not minority";
  if (over && effective == "majority") {
    throw ParameterError(fmt::format(
        "{}: sampling_strategy = \"majority\" cannot be used with an over-sampler", caller));
  }
  if (!over && effective == "minority") {
    throw ParameterError(fmt::format(
        "{}: sampling_strategy = \"minority\" cannot be used with an under-sampler or a "
        "cleaning sampler",
        caller));
  }
  Targets targets(n_classes);
  for (std::size_t c = 0; c < n_classes; ++c) {
    bool targeted = true;
    if (effective == "minority") targeted = c == minority;
    if (effective == "majority") targeted = c == majority;
    if (effective == "not minority") targeted = c != minority;
    if (effective == "not majority") targeted = c != majority;
    if (targeted) targets[c] = over ? counts[majority] - counts[c] : counts[minority];
  }
  return targets;
}

Targets from_ratio(double ratio, const std::vector<std::size_t>& counts, SamplingType type,
                   std::string_view caller) {
  if (!(ratio > 0.0 && ratio <= 1.0)) {
    throw ParameterError(fmt::format(
        "{}: sampling_strategy = {} must be in (0, 1] when it is a number", caller, ratio));
  }
  if (type == SamplingType::clean_sampling) {
    throw ParameterError(
        fmt::format("{}: sampling_strategy cannot be a ratio for a cleaning sampler", caller));
  }
  if (counts.size() != 2) {
    throw ParameterError(fmt::format(
        "{}: sampling_strategy can be a number only for a binary target ({} classes here); "
        "use an object of counts per class",
        caller, counts.size()));
  }
  Targets targets(2);
  if (type == SamplingType::over_sampling) {
    const std::size_t majority = majority_class(counts);
    for (std::size_t c = 0; c < 2; ++c) {
      if (c == majority) continue;
      // int() of a float truncates toward zero, as in imblearn.
      const double wanted =
          static_cast<double>(counts[majority]) * ratio - static_cast<double>(counts[c]);
      const auto n_new = static_cast<long long>(wanted);
      if (n_new <= 0) {
        throw ParameterError(fmt::format(
            "{}: sampling_strategy = {} would remove rows from the minority class instead of "
            "generating them; increase the ratio",
            caller, ratio));
      }
      targets[c] = static_cast<std::size_t>(n_new);
    }
  } else {
    const std::size_t minority = minority_class(counts);
    for (std::size_t c = 0; c < 2; ++c) {
      if (c == minority) continue;
      const auto n_keep = static_cast<std::size_t>(static_cast<double>(counts[minority]) / ratio);
      if (n_keep > counts[c]) {
        throw ParameterError(fmt::format(
            "{}: sampling_strategy = {} would need more rows of the majority class than it "
            "has; increase the ratio",
            caller, ratio));
      }
      targets[c] = n_keep;
    }
  }
  return targets;
}

Targets from_counts(const Json& wanted, const Column& classes,
                    const std::vector<std::size_t>& counts, SamplingType type,
                    std::string_view caller) {
  if (type == SamplingType::clean_sampling) {
    throw ParameterError(fmt::format(
        "{}: sampling_strategy cannot be an object of counts for a cleaning sampler; give a "
        "list of the classes to clean",
        caller));
  }
  Targets targets(counts.size());
  for (const auto& [key, value] : wanted.items()) {
    const std::size_t c = find_class(Json(key), classes, caller);
    if (!value.is_number_integer() || value.get<long long>() < 0) {
      throw ParameterError(
          fmt::format("{}: sampling_strategy[\"{}\"] = {} must be a non-negative integer", caller,
                      key, value.dump()));
    }
    const auto n = static_cast<std::size_t>(value.get<long long>());
    if (type == SamplingType::over_sampling) {
      if (n < counts[c]) {
        throw ParameterError(
            fmt::format("{}: sampling_strategy[\"{}\"] = {} is below the {} rows the class has; an "
                        "over-sampler only adds rows",
                        caller, key, n, counts[c]));
      }
      targets[c] = n - counts[c];
    } else {
      if (n > counts[c]) {
        throw ParameterError(
            fmt::format("{}: sampling_strategy[\"{}\"] = {} is above the {} rows the class has; an "
                        "under-sampler only removes rows",
                        caller, key, n, counts[c]));
      }
      targets[c] = n;
    }
  }
  return targets;
}

}  // namespace

std::vector<std::size_t> class_counts(const EncodedLabels& labels) {
  std::vector<std::size_t> counts(labels.classes.size(), 0);
  for (int index : labels.indices)
    ++counts[static_cast<std::size_t>(index)];
  return counts;
}

std::vector<std::optional<std::size_t>> check_sampling_strategy(const Json& strategy,
                                                                const EncodedLabels& labels,
                                                                SamplingType type,
                                                                std::string_view caller) {
  const std::vector<std::size_t> counts = class_counts(labels);
  if (counts.size() < 2) {
    throw DataError(fmt::format("{}: the target \"{}\" needs more than one class, found {}", caller,
                                labels.classes.name(), counts.size()));
  }
  if (strategy.is_string()) {
    const auto& name = strategy.get_ref<const std::string&>();
    if (std::find(strategy_names().begin(), strategy_names().end(), name) ==
        strategy_names().end()) {
      throw ParameterError(fmt::format("{}: sampling_strategy = \"{}\" {}", caller, name,
                                       sampling_strategy_check(strategy)));
    }
    return from_name(name, counts, type, caller);
  }
  if (strategy.is_number()) return from_ratio(strategy.get<double>(), counts, type, caller);
  if (strategy.is_object()) return from_counts(strategy, labels.classes, counts, type, caller);
  if (strategy.is_array()) {
    if (type != SamplingType::clean_sampling) {
      throw ParameterError(fmt::format(
          "{}: sampling_strategy can be a list of classes only for a cleaning sampler", caller));
    }
    Targets targets(counts.size());
    for (const auto& element : strategy)
      targets[find_class(element, labels.classes, caller)] = counts[minority_class(counts)];
    return targets;
  }
  throw ParameterError(fmt::format("{}: sampling_strategy = {} {}", caller, strategy.dump(),
                                   sampling_strategy_check(strategy)));
}

std::string sampling_strategy_check(const Json& value) {
  if (value.is_number() || value.is_object() || value.is_array()) return {};
  if (value.is_string()) {
    const auto& name = value.get_ref<const std::string&>();
    for (const auto& known : strategy_names()) {
      if (name == known) return {};
    }
  }
  return fmt::format(
      "must be one of \"{}\", a ratio in (0, 1], an object of counts per class or a list of "
      "classes",
      fmt::join(strategy_names(), "\", \""));
}

std::string random_state_check(const std::optional<std::int64_t>& seed) {
  if (!seed || (*seed >= 0 && *seed <= 0xFFFFFFFFLL)) return {};
  return "must be null or an integer in [0, 4294967295]";
}

}  // namespace loom::clean
