#pragma once
// Reading the metrics fixtures: labels as loom strings, and a 1e-9 comparison that prints both
// values on failure.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "loom/core/column.hpp"

namespace loom::test {

// A JSON label as loom holds it: strings as they are, numbers as format_number writes them.
inline std::string label_string(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : loom::format_number(value.get<double>());
}

inline std::vector<std::string> to_labels(const nlohmann::json& values) {
  std::vector<std::string> labels;
  for (const auto& value : values)
    labels.push_back(label_string(value));
  return labels;
}

// The cases of a fixture file, copied out of the parsed document (a range-for straight over
// load_fixture(...)["cases"] would outlive the document it reads).
inline std::vector<nlohmann::json> fixture_cases(const std::string& fixture) {
  const nlohmann::json document = load_fixture(fixture);
  auto cases = document.at("cases").get<std::vector<nlohmann::json>>();
  REQUIRE_FALSE(cases.empty());
  return cases;
}

// Every case of a fixture file that has the given key (classification cases have "labels").
inline std::vector<nlohmann::json> cases_with(const std::string& fixture, const std::string& key) {
  std::vector<nlohmann::json> cases;
  for (auto& item : fixture_cases(fixture)) {
    if (item.contains(key)) cases.push_back(std::move(item));
  }
  REQUIRE_FALSE(cases.empty());
  return cases;
}

}  // namespace loom::test

// actual matches the fixture's expected value to 1e-9 (relative for large values); NaN = null.
#define CHECK_METRIC(actual, expected)                                                          \
  do {                                                                                          \
    const double actual_value = (actual);                                                       \
    const double expected_value = loom::test::number_or_nan(expected);                          \
    INFO(fmt::format("{} = {:.17g}, expected {:.17g}", #actual, actual_value, expected_value)); \
    CHECK(loom::test::close(actual_value, expected_value, 1e-9));                               \
  } while (false)
