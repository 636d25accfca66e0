#include "loom/metrics/labels.hpp"

#include <catch2/catch.hpp>

using loom::metrics::label_as_number;
using loom::metrics::sort_labels;
using loom::metrics::unique_labels;

TEST_CASE("label_as_number reads whole numbers only", "[metrics][labels]") {
  CHECK(label_as_number("2") == 2.0);
  CHECK(label_as_number("-1.5") == -1.5);
  CHECK(label_as_number("+4") == 4.0);
  CHECK(label_as_number("1e3") == 1000.0);
  CHECK_FALSE(label_as_number("yes"));
  CHECK_FALSE(label_as_number(""));
  CHECK_FALSE(label_as_number("2 "));
  CHECK_FALSE(label_as_number("nan"));
  CHECK_FALSE(label_as_number("++4"));
}

TEST_CASE("sort_labels orders numbers by value and text by characters", "[metrics][labels]") {
  SECTION("numbers") {
    std::vector<std::string> labels{"10", "2", "-1", "2", "1.5"};
    sort_labels(labels);
    CHECK(labels == std::vector<std::string>{"-1", "1.5", "2", "10"});
  }
  SECTION("one non-number makes every label text") {
    std::vector<std::string> labels{"10", "2", "b", "a"};
    sort_labels(labels);
    CHECK(labels == std::vector<std::string>{"10", "2", "a", "b"});
  }
}

TEST_CASE("unique_labels is the sorted union of both inputs", "[metrics][labels]") {
  const std::vector<std::string> first{"3", "1", "3"};
  const std::vector<std::string> second{"20", "1"};
  CHECK(unique_labels(first, second) == std::vector<std::string>{"1", "3", "20"});
  CHECK(unique_labels(first) == std::vector<std::string>{"1", "3"});
}

TEST_CASE("unique_labels handles more labels than the linear-scan limit", "[metrics][labels]") {
  std::vector<std::string> values;
  for (int value = 40; value > 0; --value)
    values.push_back(std::to_string(value % 25));
  const auto labels = unique_labels(values);
  REQUIRE(labels.size() == 25);
  CHECK(labels.front() == "0");
  CHECK(labels[2] == "2");
  CHECK(labels.back() == "24");
}
