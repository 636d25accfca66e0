// `loom resample` end to end: class counts equal imbalanced-learn's on the fixture, the
// output layout of CLI.md, and the errors for a bad method or parameter.
#include <catch2/catch.hpp>
#include <map>

#include "cli_test_support.hpp"
#include "fixtures.hpp"

using loom::test::parse_csv;
using loom::test::read_text;
using loom::test::run_loom;
using loom::test::ScratchFolder;

namespace {
const std::string kFixtures = std::string(LOOM_FIXTURES_DIR) + "/clean";

std::map<std::string, std::size_t> column_counts(const std::vector<std::vector<std::string>>& rows,
                                                 std::size_t column) {
  std::map<std::string, std::size_t> counts;
  for (std::size_t i = 1; i < rows.size(); ++i)
    ++counts[rows[i].at(column)];
  return counts;
}
}  // namespace

TEST_CASE("loom resample gives imbalanced-learn's class counts", "[cli][resample]") {
  LOOM_REQUIRE_CLI();
  const auto expected = loom::test::load_fixture("clean/resample_cli.json");
  const auto& cases = expected["cases"];
  for (const auto& item : cases) {
    const bool numeric_only = item["numeric_only"].get<bool>();
    const std::string data =
        kFixtures + (numeric_only ? "/resample_cli_numeric.csv" : "/resample_cli.csv");
    std::vector<std::string> args{"resample", "--method", item["method"].get<std::string>(),
                                  "--data",   data,       "--target",
                                  "label",    "--out",    "{tmp}/out.csv"};
    for (const auto& [name, value] : item["params"].items()) {
      args.push_back("--param");
      args.push_back(name + "=" + (value.is_string() ? value.get<std::string>() : value.dump()));
    }
    INFO(item.dump());
    ScratchFolder folder;
    const auto result = run_loom(folder, args);
    REQUIRE(result.exit_code == 0);
    const auto rows = parse_csv(read_text(folder.file("out.csv")));
    const auto input = parse_csv(read_text(data));
    REQUIRE(rows.size() == item["rows"].get<std::size_t>() + 1);
    CHECK(rows[0] == input[0]);  // every column, in the file's order
    const std::size_t label = rows[0].size() - 1;
    CHECK(column_counts(rows, label) == item["counts"].get<std::map<std::string, std::size_t>>());
    if (item["method"] != "RandomUnderSampler" && item["method"] != "TomekLinks") {
      // Over-samplers keep every input row first, in input order.
      for (std::size_t i = 1; i < input.size(); ++i) {
        for (std::size_t j = 0; j < input[i].size(); ++j) {
          if (rows[i][j] != input[i][j] &&
              !loom::test::near(loom::test::parse_double(rows[i][j]),
                                loom::test::parse_double(input[i][j]), 1e-15)) {
            FAIL_CHECK("row " << i << " column " << j << ": " << rows[i][j] << " vs "
                              << input[i][j]);
          }
        }
      }
    }
    if (item["method"] == "SMOTENC") {
      // New rows take categories seen in the data.
      const auto colours = column_counts(input, 1);
      for (std::size_t i = input.size(); i < rows.size(); ++i)
        CHECK(colours.count(rows[i][1]) == 1);
    }
  }
}

TEST_CASE("loom resample reports a bad method, parameter or column with exit status 1",
          "[cli][resample]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  const std::string data = kFixtures + "/resample_cli.csv";
  auto run = [&](std::vector<std::string> extra) {
    std::vector<std::string> args{"resample", "--data", data,           "--target",
                                  "label",    "--out",  "{tmp}/out.csv"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_loom(folder, args);
  };
  auto result = run({"--method", "SMOOTH"});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("\"SMOOTH\" is not a resampler") &&
                             Catch::Contains("SMOTE") && Catch::Contains("TomekLinks"));
  result = run({"--method", "StandardScaler"});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("\"StandardScaler\" is not a resampler"));
  result = run({"--method", "SMOTE", "--param", "k_neighbours=3"});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("unknown parameter \"k_neighbours\""));
  result = run({"--method", "SMOTE", "--param", "k_neighbors=-2"});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("parameter k_neighbors = -2 must be >= 1"));
  result = run({"--method", "SMOTE", "--param", "k_neighbors"});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("--param expects NAME=VALUE, found \"k_neighbors\""));
  result = run({"--method", "SMOTE"});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err,
             Catch::Contains("column \"colour\" is categorical") && Catch::Contains("use SMOTENC"));
  result = run({"--method", "RandomOverSampler", "--param", "sampling_strategy=majority"});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("\"majority\" cannot be used with an over-sampler"));
  CHECK(folder.listing().empty());  // no partial output

  result = run_loom(folder, {"resample", "--method", "SMOTE", "--data", data, "--target", "nope",
                             "--out", "{tmp}/out.csv"});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("nope"));
  result = run_loom(folder, {"resample", "--data", data, "--target", "label", "--out", "o.csv"});
  CHECK(result.exit_code == 2);
}
