// `loom profile` on the real files of shared/data (counts from shared/data/SOURCES.md, checked
// with pandas). Each test skips cleanly when its file is absent.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

using loom::test::run_loom;
using loom::test::ScratchFolder;
using Json = nlohmann::json;

namespace {

std::string shared_file(const std::string& name) {
  return std::string(LOOM_SHARED_DATA_DIR) + "/" + name;
}

#define LOOM_REQUIRE_SHARED(name)                                      \
  do {                                                                 \
    LOOM_REQUIRE_CLI();                                                \
    if (!std::filesystem::exists(shared_file(name))) {                 \
      WARN("shared data file " << name << " is absent: test skipped"); \
      return;                                                          \
    }                                                                  \
  } while (false)

Json profile(const std::vector<std::string>& args) {
  ScratchFolder folder;
  const auto result = run_loom(folder, args);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return Json::parse(result.out);
}

const Json& column_of(const Json& profile, const std::string& name) {
  for (const auto& column : profile["columns"]) {
    if (column["name"] == name) return column;
  }
  FAIL("no column \"" << name << "\"");
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("profile of titanic.csv: quoted names, missing ages, numeric target",
          "[cli][shared_data]") {
  LOOM_REQUIRE_SHARED("titanic.csv");
  const Json result =
      profile({"profile", "--data", shared_file("titanic.csv"), "--target", "Survived"});
  CHECK(result["rows"] == 891);
  CHECK(result["columns"].size() == 12);
  CHECK(result["class_balance"] == Json{{"0", 549}, {"1", 342}});
  CHECK(column_of(result, "Age")["missing"] == 177);
  CHECK(column_of(result, "Cabin")["missing"] == 687);
  CHECK(column_of(result, "Embarked")["missing"] == 2);
  CHECK(column_of(result, "Name")["type"] == "text");
  CHECK(column_of(result, "Sex")["type"] == "categorical");
}

TEST_CASE("profile of adult_train.csv with --trim: ? is missing, labels lose their space",
          "[cli][shared_data]") {
  LOOM_REQUIRE_SHARED("adult_train.csv");
  const Json result = profile(
      {"profile", "--data", shared_file("adult_train.csv"), "--trim", "--target", "income"});
  CHECK(result["rows"] == 32561);
  CHECK(result["class_balance"] == Json{{"<=50K", 24720}, {">50K", 7841}});
  CHECK(column_of(result, "workclass")["missing"] == 1836);
  CHECK(column_of(result, "occupation")["missing"] == 1843);
  CHECK(column_of(result, "native_country")["missing"] == 583);
}

TEST_CASE("adult_test.csv: the junk second line is reported with its line number",
          "[cli][shared_data][errors]") {
  LOOM_REQUIRE_SHARED("adult_test.csv");
  ScratchFolder folder;
  const auto result = run_loom(folder, {"profile", "--data", shared_file("adult_test.csv")});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("adult_test.csv:2: expected 15 fields, found 1"));
}

TEST_CASE("profile of sms_spam.tsv needs --no-quote to see every message", "[cli][shared_data]") {
  LOOM_REQUIRE_SHARED("sms_spam.tsv");
  const Json result = profile({"profile", "--data", shared_file("sms_spam.tsv"), "--delimiter",
                               "\\t", "--no-quote", "--target", "label"});
  CHECK(result["rows"] == 5574);
  CHECK(result["class_balance"] == Json{{"ham", 4827}, {"spam", 747}});
  CHECK(column_of(result, "text")["type"] == "text");
  CHECK(result["duplicate_rows"] == 403);
}
