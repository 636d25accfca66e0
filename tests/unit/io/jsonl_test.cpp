#include "loom/io/jsonl.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "check_throws.hpp"
#include "io_test_support.hpp"
#include "loom/core/error.hpp"

using loom::Column;
using loom::ColumnType;
using loom::Dataset;

TEST_CASE("read_jsonl makes columns from the union of keys", "[io][jsonl]") {
  loom::test::TemporaryFolder folder;
  const std::string path = folder.file("data.jsonl");
  loom::test::write_text(path,
                         "{\"b\": 1.5, \"a\": \"x\"}\n"
                         "\n"
                         "{\"a\": null, \"c\": true, \"b\": 2}\r\n"
                         "{\"a\": \"y\", \"d\": 3, \"c\": false}\n");
  const Dataset data = loom::io::read_jsonl(path);
  REQUIRE(data.n_rows() == 3);
  CHECK(data.column_names() == std::vector<std::string>{"b", "a", "c", "d"});
  CHECK(data.column("b").type() == ColumnType::numeric);
  CHECK(data.column("b").numeric_values()[1] == 2.0);
  CHECK(data.column("b").is_missing(2));
  CHECK(data.column("a").type() == ColumnType::categorical);
  CHECK(data.column("a").is_missing(1));
  CHECK(data.column("a").value_string(2) == "y");
  CHECK(data.column("c").categories() == std::vector<std::string>{"false", "true"});
  CHECK(data.column("c").is_missing(0));
  CHECK(data.column("d").count_missing() == 2);
}

TEST_CASE("read_jsonl infers text and keeps numbers among strings as written", "[io][jsonl]") {
  loom::test::TemporaryFolder folder;
  const std::string path = folder.file("data.jsonl");
  loom::test::write_text(path,
                         "{\"t\": \"a long free text value\", \"m\": 1}\n"
                         "{\"t\": \"another long free text\", \"m\": \"b\"}\n");
  const Dataset data = loom::io::read_jsonl(path);
  CHECK(data.column("t").type() == ColumnType::text);
  CHECK(data.column("m").categories() == std::vector<std::string>{"1", "b"});
}

TEST_CASE("read_jsonl names file and line of a malformed line", "[io][jsonl]") {
  loom::test::TemporaryFolder folder;
  const std::string path = folder.file("bad.jsonl");
  loom::test::write_text(path, "{\"a\": 1}\n\n{\"a\": 2,\n");
  CHECK_LOOM_THROWS(loom::io::read_jsonl(path), loom::ParseError, path + ":3: invalid JSON");
  loom::test::write_text(path, "{\"a\": 1}\n[1, 2]\n");
  CHECK_LOOM_THROWS(loom::io::read_jsonl(path), loom::ParseError,
                    path + ":2: expected a JSON object, found an array");
  loom::test::write_text(path, "{\"a\": {\"b\": 1}}\n");
  CHECK_LOOM_THROWS(loom::io::read_jsonl(path), loom::ParseError,
                    path + ":1: key \"a\": expected a number, string, boolean or null");
  CHECK_LOOM_THROWS(loom::io::read_jsonl(folder.file("absent.jsonl")), loom::IoError,
                    "absent.jsonl");
}

TEST_CASE("write_jsonl writes nulls, numbers and strings, and reads back", "[io][jsonl]") {
  loom::test::TemporaryFolder folder;
  const std::string path = folder.file("out.jsonl");
  const Dataset data({Column::numeric("x", {1.0, std::nan(""), 0.25}),
                      Column::categorical_from_values("c", {"a\"b", std::nullopt, "z"}),
                      Column::text("t", {"x y", "", "w"}, {0, 1, 0})});
  loom::io::write_jsonl(data, path);
  CHECK(loom::test::read_text(path) ==
        "{\"x\": 1, \"c\": \"a\\\"b\", \"t\": \"x y\"}\n"
        "{\"x\": null, \"c\": null, \"t\": null}\n"
        "{\"x\": 0.25, \"c\": \"z\", \"t\": \"w\"}\n");
  const Dataset back = loom::io::read_jsonl(path);
  CHECK(back.column("x").numeric_values()[2] == 0.25);
  CHECK(back.column("c").value_string(0) == "a\"b");
  CHECK(back.column("t").is_missing(1));
  CHECK_LOOM_THROWS(loom::io::write_jsonl(data, folder.file("none/out.jsonl")), loom::IoError,
                    "does not exist");
}
