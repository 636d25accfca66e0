// The CSV flags every reading command shares (CLI.md "General" and "Details"), and how loom
// writes CSV: round-trip numbers, missing as empty fields, categorical values as written.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"
#include "loom/core/error.hpp"
#include "loom/io/csv.hpp"

using loom::test::parse_csv;
using loom::test::read_text;
using loom::test::run_loom;
using loom::test::ScratchFolder;
using loom::test::write_text;
using Json = nlohmann::json;

namespace {

// `loom profile --data data.csv extra...` on the given text; the parsed JSON.
Json profile_of(const ScratchFolder& folder, const std::string& text,
                std::vector<std::string> extra = {}) {
  write_text(folder.file("data.csv"), text);
  std::vector<std::string> args = {"profile", "--data", "data.csv"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto result = run_loom(folder, args);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return Json::parse(result.out);
}

const Json& column_of(const Json& profile, const std::string& name) {
  for (const auto& column : profile["columns"]) {
    if (column["name"] == name) return column;
  }
  FAIL("no column \"" << name << "\" in " << profile.dump());
  throw std::logic_error("unreachable");
}

std::vector<std::string> names_of(const Json& profile) {
  std::vector<std::string> names;
  for (const auto& column : profile["columns"])
    names.push_back(column["name"].get<std::string>());
  return names;
}

// `loom transform` with an imputer on `columns` and the rest passed through; the output rows.
std::vector<std::vector<std::string>> transform_of(const ScratchFolder& folder,
                                                   const std::string& text,
                                                   const std::string& strategy,
                                                   const std::string& columns,
                                                   std::vector<std::string> extra = {}) {
  write_text(folder.file("data.csv"), text);
  write_text(folder.file("spec.json"),
             R"({"steps": [{"name": "prep", "type": "ColumnTransformer", "params": {
                 "transformers": [{"name": "imp", "type": "SimpleImputer",
                                   "params": {"strategy": ")" +
                 strategy + R"("}, "columns": )" + columns + R"(}],
                 "remainder": "passthrough"}}]})");
  std::vector<std::string> args = {"transform", "--spec", "spec.json", "--data",
                                   "data.csv",  "--out",  "out.csv"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto result = run_loom(folder, args);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return parse_csv(read_text(folder.file("out.csv")));
}

}  // namespace

TEST_CASE("The --delimiter flag takes one character, or backslash-t for a tab", "[cli][csv]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  const std::string tsv = "a\tb\n1\tx, y\n2\tz\n";
  const Json escaped = profile_of(folder, tsv, {"--delimiter", "\\t"});
  const Json literal = profile_of(folder, tsv, {"--delimiter", "\t"});
  CHECK(escaped == literal);
  CHECK(names_of(escaped) == std::vector<std::string>{"a", "b"});
  CHECK(column_of(escaped, "a")["type"] == "numeric");
  CHECK(column_of(escaped, "b")["top"][0]["value"] == "x, y");

  const Json semicolon = profile_of(folder, "a;b\n1,5;x\n2,5;y\n", {"--delimiter", ";"});
  CHECK(column_of(semicolon, "a")["type"] == "categorical");
  CHECK(column_of(semicolon, "a")["top"][0]["value"] == "1,5");
}

TEST_CASE("The --na flag adds missing markers and --no-default-na drops the defaults",
          "[cli][csv]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  const std::string text = "a,b\n1,x\n-999,y\nNA,z\n?,w\n\"NA\",v\nNaN,u\n,t\n";

  const Json defaults = profile_of(folder, text);
  CHECK(column_of(defaults, "a")["type"] == "numeric");
  // NA, ?, a quoted "NA", NaN and the empty field are missing by default.
  CHECK(column_of(defaults, "a")["missing"] == 5);
  CHECK(column_of(defaults, "a")["min"] == -999.0);

  const Json added = profile_of(folder, text, {"--na", "-999", "--na", "w"});
  CHECK(column_of(added, "a")["missing"] == 6);
  CHECK(column_of(added, "a")["distinct"] == 1);
  CHECK(column_of(added, "b")["missing"] == 1);

  const Json replaced = profile_of(folder, text, {"--no-default-na", "--na", "-999"});
  const Json& a = column_of(replaced, "a");
  CHECK(a["type"] == "categorical");
  CHECK(a["missing"] == 1);
  // "NA" and its quoted form are the same value once unquoted.
  CHECK(a["top"][0] == Json{{"value", "NA"}, {"count", 2}});
}

TEST_CASE("The --no-header flag names the columns x0, x1, ...", "[cli][csv]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  const Json profile = profile_of(folder, "1,a\n2,b\n3,a\n", {"--no-header"});
  CHECK(profile["rows"] == 3);
  CHECK(names_of(profile) == std::vector<std::string>{"x0", "x1"});

  SECTION("and a model fitted without a header predicts on such files") {
    write_text(folder.file("train.csv"), "-2,0\n-1,0\n-0.5,0\n0.5,1\n1,1\n2,1\n");
    write_text(folder.file("spec.json"),
               R"({"steps": [{"name": "model", "type": "LogisticRegression", "params": {}}]})");
    REQUIRE(run_loom(folder, {"fit", "--spec", "spec.json", "--data", "train.csv", "--target", "x1",
                              "--model", "model.json", "--no-header"})
                .exit_code == 0);
    write_text(folder.file("new.csv"), "-3\n3\n");
    const auto result = run_loom(folder, {"predict", "--model", "model.json", "--data", "new.csv",
                                          "--out", "out.csv", "--no-header"});
    REQUIRE(result.exit_code == 0);
    CHECK(parse_csv(read_text(folder.file("out.csv"))) ==
          std::vector<std::vector<std::string>>{{"prediction"}, {"0"}, {"1"}});
  }
}

TEST_CASE("The --trim flag strips the spaces after delimiters, in the header too", "[cli][csv]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  const std::string text = "a, b\n1, x\n2, y\n";
  const Json trimmed = profile_of(folder, text, {"--trim"});
  CHECK(names_of(trimmed) == std::vector<std::string>{"a", "b"});
  CHECK(column_of(trimmed, "b")["top"][0]["value"] == "x");

  const Json kept = profile_of(folder, text);
  CHECK(names_of(kept) == std::vector<std::string>{"a", " b"});
  CHECK(column_of(kept, " b")["top"][0]["value"] == " x");
}

TEST_CASE("The --no-quote flag reads quotes as plain text", "[cli][csv]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  const Json quoted = profile_of(folder, "a\tb\n\"q\"\t1\nr\t2\n", {"--delimiter", "\\t"});
  CHECK(column_of(quoted, "a")["top"][0]["value"] == "q");
  const Json plain =
      profile_of(folder, "a\tb\n\"q\"\t1\nr\t2\n", {"--delimiter", "\\t", "--no-quote"});
  CHECK(column_of(plain, "a")["top"][0]["value"] == "\"q\"");

  // An unbalanced quote, as in SMS exports: an error unless quotes are plain text.
  const std::string unbalanced = "a\tb\n\"q\t1\nr\t2\n";
  write_text(folder.file("data.csv"), unbalanced);
  const auto refused = run_loom(folder, {"profile", "--data", "data.csv", "--delimiter", "\\t"});
  CHECK(refused.exit_code == 1);
  CHECK_THAT(refused.err, Catch::Contains("data.csv:2"));
  const Json read = profile_of(folder, unbalanced, {"--delimiter", "\\t", "--no-quote"});
  CHECK(read["rows"] == 2);
  CHECK(column_of(read, "a")["top"][0]["value"] == "\"q");
}

TEST_CASE("numbers parse as doubles; --type COL=categorical keeps values as written",
          "[cli][csv]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  const std::string text = "code,v\n1,1.5e3\n2,.5\n1.0,1.\n1,-2\n";

  const Json inferred = profile_of(folder, text);
  const Json& code = column_of(inferred, "code");
  CHECK(code["type"] == "numeric");
  CHECK(code["distinct"] == 2);  // 1 equals 1.0
  CHECK(column_of(inferred, "v")["max"] == 1500.0);
  CHECK(column_of(inferred, "v")["min"] == -2.0);

  const Json typed = profile_of(folder, text, {"--type", "code=categorical"});
  const Json& categorical = column_of(typed, "code");
  CHECK(categorical["type"] == "categorical");
  CHECK(categorical["distinct"] == 3);
  CHECK(categorical["top"] == Json::parse(R"([{"value": "1", "count": 2},
                                              {"value": "1.0", "count": 1},
                                              {"value": "2", "count": 1}])"));

  const auto rows =
      transform_of(folder, text, "most_frequent", R"(["code"])", {"--type", "code=categorical"});
  CHECK(rows[0] == std::vector<std::string>{"imp__code", "remainder__v"});
  CHECK(rows[1] == std::vector<std::string>{"1", "1500"});
  CHECK(rows[3] == std::vector<std::string>{"1.0", "1"});
}

TEST_CASE("a column of long, mostly distinct phrases is text", "[cli][csv]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  const Json profile = profile_of(folder,
                                  "review,short\n"
                                  "\"great value, would buy again\",a b c\n"
                                  "arrived late and the box was damaged,a b c\n"
                                  "does exactly what it says on the tin,a b d\n"
                                  "not worth the money at all,a b d\n");
  CHECK(column_of(profile, "review")["type"] == "text");
  CHECK(column_of(profile, "short")["type"] == "categorical");  // three words, not more
}

TEST_CASE("output CSVs round-trip doubles and write missing values as empty fields",
          "[cli][csv][output]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  const std::vector<std::string> values = {"0.1",    "0.3333333333333333", "1e-300",
                                           "2.5e-8", "123456789.12345679", "-7",
                                           "1e+22",  "4503599627370497",   "-0.000123456789012345"};
  std::string text = "v,w,c\n";
  for (std::size_t i = 0; i < values.size(); ++i) {
    text +=
        values[i] + "," + (i == 2 ? "NA" : std::to_string(i)) + "," + (i == 4 ? "" : "k") + "\n";
  }
  // The imputer fits on v (nothing missing, so values pass unchanged); w and c pass through.
  const auto rows = transform_of(folder, text, "mean", R"(["v"])");
  CHECK(rows[0] == std::vector<std::string>{"imp__v", "remainder__w", "remainder__c"});
  REQUIRE(rows.size() == values.size() + 1);
  for (std::size_t i = 0; i < values.size(); ++i) {
    INFO(values[i] << " written as " << rows[i + 1][0]);
    CHECK(std::strtod(rows[i + 1][0].c_str(), nullptr) == std::strtod(values[i].c_str(), nullptr));
  }
  CHECK(rows[3][1].empty());  // NA in a numeric column
  CHECK(rows[5][2].empty());  // an empty categorical cell
  CHECK(rows[5][1] == "4");   // integers without ".0"
}

TEST_CASE("CsvOptions::ignore_unknown_type_overrides skips types of absent columns",
          "[cli][csv][io]") {
  loom::io::CsvOptions options;
  options.types = {{"a", loom::ColumnType::categorical}, {"target", loom::ColumnType::numeric}};
  CHECK_THROWS_AS(loom::io::read_csv_string("a,b\n1,2\n", options, "new.csv"), loom::SchemaError);
  options.ignore_unknown_type_overrides = true;
  const loom::Dataset data = loom::io::read_csv_string("a,b\n1,2\n", options, "new.csv");
  CHECK(data.column_names() == std::vector<std::string>{"a", "b"});
  CHECK(data.column("a").type() == loom::ColumnType::categorical);
  CHECK(data.column("a").value_string(0) == "1");
  CHECK(data.column("b").type() == loom::ColumnType::numeric);
}
