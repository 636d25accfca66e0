#include "loom/data/profile.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "loom/core/error.hpp"
#include "loom/data/duplicates.hpp"
#include "loom/io/csv.hpp"

using loom::Column;
using loom::Dataset;
using loom::data::drop_duplicates;
using loom::data::find_duplicates;
using loom::data::profile;
using loom::data::profile_summary;
using loom::data::ProfileOptions;
using loom::test::close;
using loom::test::load_fixture;
using loom::test::number_or_nan;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double number_of(const nlohmann::ordered_json& value) {
  return value.is_null() ? kNaN : value.get<double>();
}

}  // namespace

TEST_CASE("profile matches pandas on a mixed table", "[profile]") {
  const auto fixture = load_fixture("data/profile.json");
  const auto& cases = fixture["cases"];
  for (const auto& item : cases) {
    const Dataset data = loom::io::read_csv_string(item["csv"].get<std::string>());
    ProfileOptions options;
    options.target = item["target"].get<std::string>();
    options.correlation_threshold = item["correlation_threshold"].get<double>();
    const auto result = profile(data, options);
    const auto& expected = item["expected"];
    CHECK(result["rows"].get<std::size_t>() == expected["rows"].get<std::size_t>());
    REQUIRE(result["columns"].size() == expected["columns"].size());
    for (std::size_t j = 0; j < expected["columns"].size(); ++j) {
      const auto& want = expected["columns"][j];
      const auto& got = result["columns"][j];
      INFO("column " << want["name"].get<std::string>());
      CHECK(got["name"].get<std::string>() == want["name"].get<std::string>());
      CHECK(got["type"].get<std::string>() == want["type"].get<std::string>());
      for (const char* key : {"count", "missing", "distinct"}) {
        CHECK(got[key].get<std::size_t>() == want[key].get<std::size_t>());
      }
      CHECK(close(number_of(got["popularity"]), want["popularity"].get<double>(), 1e-12));
      if (want["type"] == "numeric") {
        for (const char* key : {"min", "max", "mean", "std", "variance"}) {
          INFO(key);
          CHECK(close(number_of(got[key]), number_or_nan(want[key]), 1e-12));
        }
        CHECK(got["zeros"].get<std::size_t>() == want["zeros"].get<std::size_t>());
        for (const char* q : {"25%", "50%", "75%"}) {
          CHECK(close(number_of(got["quantiles"][q]), number_or_nan(want["quantiles"][q]), 1e-12));
        }
      } else {
        REQUIRE(got["top"].size() == want["top"].size());
        for (std::size_t k = 0; k < want["top"].size(); ++k) {
          CHECK(got["top"][k]["value"].get<std::string>() ==
                want["top"][k]["value"].get<std::string>());
          CHECK(got["top"][k]["count"].get<std::size_t>() ==
                want["top"][k]["count"].get<std::size_t>());
        }
      }
    }
    CHECK(result["duplicate_rows"].get<std::size_t>() ==
          expected["duplicate_rows"].get<std::size_t>());
    CHECK(result["constant_columns"].get<std::vector<std::string>>() ==
          expected["constant_columns"].get<std::vector<std::string>>());
    REQUIRE(result["correlated_pairs"].size() == expected["correlated_pairs"].size());
    for (std::size_t k = 0; k < expected["correlated_pairs"].size(); ++k) {
      CHECK(result["correlated_pairs"][k]["columns"].get<std::vector<std::string>>() ==
            expected["correlated_pairs"][k]["columns"].get<std::vector<std::string>>());
      CHECK(close(result["correlated_pairs"][k]["correlation"].get<double>(),
                  expected["correlated_pairs"][k]["correlation"].get<double>(), 1e-12));
    }
    for (const auto& [label, count] : expected["class_balance"].items()) {
      CHECK(result["class_balance"][label].get<std::size_t>() == count.get<std::size_t>());
    }
    CHECK(result["class_balance"].size() == expected["class_balance"].size());

    const auto duplicates = find_duplicates(data);
    CHECK(duplicates == expected["duplicate_indices"].get<std::vector<std::size_t>>());
  }
}

TEST_CASE("profile keeps the documented key order and reports edge cases", "[profile]") {
  const Dataset data({Column::numeric("x", {kNaN, kNaN, kNaN}),
                      Column::numeric("one", {4.0, kNaN, kNaN}),
                      Column::categorical_from_values("c", {std::nullopt, "b", "b"})});
  const auto result = profile(data);
  std::vector<std::string> keys;
  for (const auto& [key, value] : result.items())
    keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"rows", "columns", "duplicate_rows", "constant_columns",
                                         "correlated_pairs"});
  const auto& x = result["columns"][0];
  CHECK(x["count"] == 0);
  CHECK(x["popularity"].get<double>() == 0.0);
  CHECK(x["mean"].is_null());
  CHECK(x["variance"].is_null());
  const auto& one = result["columns"][1];
  CHECK(one["mean"].get<double>() == 4.0);
  CHECK(one["std"].is_null());  // ddof 1 of one value
  CHECK(one["variance"].is_null());
  CHECK(close(one["popularity"].get<double>(), 1.0 / 3.0, 1e-15));
  CHECK(result["columns"][2]["top"][0]["value"] == "b");
  CHECK(result["constant_columns"].get<std::vector<std::string>>() ==
        std::vector<std::string>{"x", "one", "c"});
  CHECK(result["duplicate_rows"] == 1);  // rows 1 and 2: missing equals missing

  CHECK_LOOM_THROWS(profile(data, {.target = std::string("label")}), loom::SchemaError,
                    "target column \"label\" is not in the data");
}

TEST_CASE("profile_summary names the statistics a person looks for", "[profile]") {
  const Dataset data({Column::numeric("a", {1.0, 2.0, 3.0, 1.0}),
                      Column::numeric("b", {2.0, 4.0, 6.0, 2.0}),
                      Column::categorical_from_values("y", {"n", "n", "y", "n"})});
  const auto text = profile_summary(profile(data, {.target = std::string("y")}));
  CHECK(text ==
        "4 rows, 3 columns\n"
        "  a                        numeric        0.0% missing, 3 distinct, min 1, mean 1.75, "
        "max 3, std 0.957427\n"
        "  b                        numeric        0.0% missing, 3 distinct, min 2, mean 3.5, "
        "max 6, std 1.91485\n"
        "  y                        categorical    0.0% missing, 2 distinct, most frequent "
        "\"n\" (3)\n"
        "duplicate rows: 1\n"
        "correlated: a ~ b (r = 1.000)\n"
        "class balance: n: 3, y: 1\n");
}

TEST_CASE("drop_duplicates keeps first occurrences and counts the rest", "[duplicates]") {
  const Dataset data({Column::numeric("n", {0.0, -0.0, kNaN, kNaN, 1.5, 0.0}),
                      Column::text("t", {"a,b", "a,b", "", "", "x", "a"}, {0, 0, 1, 1, 0, 0})});
  CHECK(find_duplicates(data) == std::vector<std::size_t>{1, 3});
  const auto result = drop_duplicates(data);
  CHECK(result.n_dropped == 2);
  REQUIRE(result.data.n_rows() == 4);
  CHECK(result.data.column("t").value_string(2) == "x");
  CHECK(result.data.column("t").value_string(3) == "a");
  CHECK(result.data.column("n").numeric_values()[3] == 0.0);

  const auto unchanged = drop_duplicates(result.data);
  CHECK(unchanged.n_dropped == 0);
  CHECK(unchanged.data.n_rows() == 4);
  // A text value cannot imitate two cells: ("a", "bc") differs from ("ab", "c").
  const Dataset tricky(
      {Column::text("p", {"a", "ab"}, {0, 0}), Column::text("q", {"bc", "c"}, {0, 0})});
  CHECK(find_duplicates(tricky).empty());
}
