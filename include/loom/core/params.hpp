#pragma once
// Hyperparameters: each step's parameters are a plain struct with defaults plus one table of
// its fields (name, member, check). get/set by name, JSON and validation all derive from that
// table, so a parameter is declared once. Wrong JSON types and failed checks throw
// ParameterError naming the step, the parameter, the value and what is allowed.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "loom/core/error.hpp"

namespace loom {

using Json = nlohmann::json;

namespace detail {

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};

// Converts a JSON value to T, or returns what was expected ("a number", "a boolean", ...).
template <class T>
std::optional<std::string> json_to_value(const Json& value, T& out) {
  if constexpr (std::is_same_v<T, Json>) {
    out = value;
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!value.is_boolean()) return "a boolean";
    out = value.get<bool>();
  } else if constexpr (std::is_integral_v<T>) {
    if (value.is_number_integer()) {
      out = value.get<T>();
    } else if (value.is_number_float() &&
               value.get<double>() == static_cast<double>(static_cast<T>(value.get<double>()))) {
      out = static_cast<T>(value.get<double>());
    } else {
      return "an integer";
    }
  } else if constexpr (std::is_floating_point_v<T>) {
    if (!value.is_number()) return "a number";
    out = value.get<T>();
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!value.is_string()) return "a string";
    out = value.get<std::string>();
  } else if constexpr (is_optional<T>::value) {
    if (value.is_null()) {
      out.reset();
      return std::nullopt;
    }
    typename T::value_type inner{};
    if (auto expected = json_to_value(value, inner)) return *expected + " or null";
    out = std::move(inner);
  } else if constexpr (is_vector<T>::value) {
    if (!value.is_array()) return "a list";
    T result;
    for (const auto& element : value) {
      typename T::value_type inner{};
      if (auto expected = json_to_value(element, inner)) return "a list of " + *expected;
      result.push_back(std::move(inner));
    }
    out = std::move(result);
  } else {
    static_assert(sizeof(T) == 0, "unsupported parameter type");
  }
  return std::nullopt;
}

template <class T>
Json value_to_json(const T& value) {
  if constexpr (is_optional<T>::value) {
    return value ? value_to_json(*value) : Json(nullptr);
  } else {
    return Json(value);
  }
}

}  // namespace detail

// A check returns "" when the value is allowed, else what is allowed ("must be > 0").
template <class T>
using ParamCheck = std::function<std::string(const T&)>;

template <class Params>
struct ParamField {
  std::string name;
  std::function<Json(const Params&)> get;
  // Returns what was expected when the JSON value has the wrong type, else nullopt.
  std::function<std::optional<std::string>(Params&, const Json&)> set;
  std::function<std::string(const Params&)> check;
};

template <class Params>
using ParamTable = std::vector<ParamField<Params>>;

// One row of a parameter table: the parameter's scikit-learn name, the struct member, a check.
template <class Params, class T>
ParamField<Params> param(std::string name, T Params::*member, ParamCheck<T> check = {}) {
  ParamField<Params> field;
  field.name = std::move(name);
  field.get = [member](const Params& params) { return detail::value_to_json(params.*member); };
  field.set = [member](Params& params, const Json& value) {
    return detail::json_to_value(value, params.*member);
  };
  field.check = [member, check](const Params& params) {
    return check ? check(params.*member) : std::string();
  };
  return field;
}

// Common checks.
template <class T>
ParamCheck<T> greater_than(T bound) {
  return [bound](const T& value) {
    return value > bound ? std::string() : fmt::format("must be > {}", bound);
  };
}
template <class T>
ParamCheck<T> at_least(T bound) {
  return [bound](const T& value) {
    return value >= bound ? std::string() : fmt::format("must be >= {}", bound);
  };
}
template <class T>
ParamCheck<T> between(T low, T high) {
  return [low, high](const T& value) {
    return (value >= low && value <= high) ? std::string()
                                           : fmt::format("must be in [{}, {}]", low, high);
  };
}
inline ParamCheck<std::string> one_of(std::vector<std::string> allowed) {
  return [allowed](const std::string& value) {
    for (const auto& option : allowed) {
      if (value == option) return std::string();
    }
    return fmt::format("must be one of \"{}\"", fmt::join(allowed, "\", \""));
  };
}

// get / set / validate through a table. `owner` names the step in messages:
// LogisticRegression "model".
template <class Params>
Json params_to_json(const Params& params) {
  Json result = Json::object();
  for (const auto& field : Params::table())
    result[field.name] = field.get(params);
  return result;
}

template <class Params>
const ParamField<Params>& find_param(std::string_view owner, std::string_view name) {
  for (const auto& field : Params::table()) {
    if (field.name == name) return field;
  }
  std::vector<std::string> names;
  for (const auto& field : Params::table())
    names.push_back(field.name);
  throw ParameterError(fmt::format("{}: unknown parameter \"{}\" (parameters: {})", owner, name,
                                   fmt::join(names, ", ")));
}

template <class Params>
void set_param_from_json(std::string_view owner, Params& params, std::string_view name,
                         const Json& value) {
  const auto& field = find_param<Params>(owner, name);
  if (auto expected = field.set(params, value)) {
    throw ParameterError(
        fmt::format("{}: parameter {} = {} must be {}", owner, name, value.dump(), *expected));
  }
}

template <class Params>
void validate_params(std::string_view owner, const Params& params) {
  for (const auto& field : Params::table()) {
    std::string problem = field.check(params);
    if (!problem.empty()) {
      throw ParameterError(fmt::format("{}: parameter {} = {} {}", owner, field.name,
                                       field.get(params).dump(), problem));
    }
  }
}

}  // namespace loom
