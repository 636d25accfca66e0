#include "loom/clean/sampling_strategy.hpp"

#include <catch2/catch.hpp>
#include <map>

#include "check_throws.hpp"
#include "resample_test_support.hpp"

using loom::Column;
using loom::DataError;
using loom::ParameterError;
using loom::clean::check_sampling_strategy;
using loom::clean::SamplingType;

namespace {
SamplingType type_of(const std::string& name) {
  if (name == "over-sampling") return SamplingType::over_sampling;
  if (name == "under-sampling") return SamplingType::under_sampling;
  return SamplingType::clean_sampling;
}
}  // namespace

TEST_CASE("sampling_strategy resolves per class as imbalanced-learn's check_sampling_strategy",
          "[clean][resample][sampling_strategy]") {
  const auto fixture = loom::test::load_fixture("clean/resample_strategy.json");
  const auto& cases = fixture["cases"];
  std::size_t n_errors = 0;
  for (const auto& item : cases) {
    INFO("strategy " << item["strategy"].dump() << ", " << item["type"].get<std::string>() << ", y "
                     << item["y"].dump());
    const Column y = loom::test::labels_column(item["y"]);
    const auto labels = loom::encode_labels(y, "test");
    if (item.contains("error")) {
      ++n_errors;
      CHECK_THROWS_AS(check_sampling_strategy(item["strategy"], labels,
                                              type_of(item["type"].get<std::string>()), "test"),
                      ParameterError);
      continue;
    }
    const auto targets = check_sampling_strategy(item["strategy"], labels,
                                                 type_of(item["type"].get<std::string>()), "test");
    std::map<std::string, std::size_t> actual;
    for (std::size_t c = 0; c < targets.size(); ++c) {
      if (targets[c]) actual[labels.classes.value_string(c)] = *targets[c];
    }
    CHECK(actual == item["expected"].get<std::map<std::string, std::size_t>>());
  }
  CHECK(n_errors > 20);  // the fixture covers the refusals too
}

TEST_CASE("sampling_strategy errors name the caller and the culprit",
          "[clean][resample][sampling_strategy]") {
  const Column y = Column::numeric("y", {0, 0, 0, 1, 1, 2});
  const auto labels = loom::encode_labels(y, "test");
  CHECK_LOOM_THROWS(
      check_sampling_strategy("majority", labels, SamplingType::over_sampling, "SMOTE \"s\""),
      ParameterError, "SMOTE \"s\": sampling_strategy = \"majority\" cannot be used");
  CHECK_LOOM_THROWS(check_sampling_strategy("minority", labels, SamplingType::under_sampling, "T"),
                    ParameterError, "\"minority\" cannot be used with an under-sampler");
  CHECK_LOOM_THROWS(check_sampling_strategy(0.5, labels, SamplingType::over_sampling, "T"),
                    ParameterError, "only for a binary target (3 classes here)");
  CHECK_LOOM_THROWS(check_sampling_strategy(1.5, labels, SamplingType::over_sampling, "T"),
                    ParameterError, "sampling_strategy = 1.5 must be in (0, 1]");
  CHECK_LOOM_THROWS(check_sampling_strategy({{"7", 3}}, labels, SamplingType::over_sampling, "T"),
                    ParameterError,
                    "names class \"7\", which is not in the target (classes: 0, 1, 2)");
  CHECK_LOOM_THROWS(check_sampling_strategy({{"1", 1}}, labels, SamplingType::over_sampling, "T"),
                    ParameterError, "sampling_strategy[\"1\"] = 1 is below the 2 rows");
  CHECK_LOOM_THROWS(check_sampling_strategy({{"0", 9}}, labels, SamplingType::under_sampling, "T"),
                    ParameterError, "sampling_strategy[\"0\"] = 9 is above the 3 rows");
  CHECK_LOOM_THROWS(check_sampling_strategy({{"0", -1}}, labels, SamplingType::under_sampling, "T"),
                    ParameterError, "must be a non-negative integer");
  CHECK_LOOM_THROWS(check_sampling_strategy({{"0", 1}}, labels, SamplingType::clean_sampling, "T"),
                    ParameterError, "cannot be an object of counts for a cleaning sampler");
  CHECK_LOOM_THROWS(check_sampling_strategy(nlohmann::json::array({"0"}), labels,
                                            SamplingType::over_sampling, "T"),
                    ParameterError, "a list of classes only for a cleaning sampler");
  CHECK_LOOM_THROWS(check_sampling_strategy("most", labels, SamplingType::over_sampling, "T"),
                    ParameterError, "sampling_strategy = \"most\" must be one of \"auto\"");
  const auto one_class = loom::encode_labels(Column::numeric("y", {1, 1}), "test");
  CHECK_LOOM_THROWS(check_sampling_strategy("auto", one_class, SamplingType::over_sampling, "T"),
                    DataError, "T: the target \"y\" needs more than one class, found 1");
}

TEST_CASE("a numeric class can be named by any spelling of its number",
          "[clean][resample][sampling_strategy]") {
  const auto labels = loom::encode_labels(Column::numeric("y", {0, 0, 0, 1}), "test");
  const auto targets =
      check_sampling_strategy({{"1.0", 3}}, labels, SamplingType::over_sampling, "T");
  REQUIRE(targets[1]);
  CHECK(*targets[1] == 2);
  CHECK_FALSE(targets[0]);
}
