#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "io_test_support.hpp"
#include "loom/core/error.hpp"
#include "loom/io/csv.hpp"

using loom::Column;
using loom::ColumnType;
using loom::Dataset;
using loom::io::CsvOptions;
using loom::io::read_csv_string;

namespace {
std::vector<std::string> strings_of(const Column& column) {
  std::vector<std::string> values;
  for (std::size_t row = 0; row < column.size(); ++row)
    values.push_back(column.is_missing(row) ? "<missing>" : column.value_string(row));
  return values;
}
}  // namespace

TEST_CASE("read_csv_string infers numeric and categorical columns", "[io][csv]") {
  const Dataset data = read_csv_string("age,color\n30,red\n40.5,blue\n,red\n");
  REQUIRE(data.n_rows() == 3);
  REQUIRE(data.column_names() == std::vector<std::string>{"age", "color"});
  CHECK(data.column("age").type() == ColumnType::numeric);
  CHECK(data.column("age").numeric_values()[1] == 40.5);
  CHECK(std::isnan(data.column("age").numeric_values()[2]));
  CHECK(data.column("color").type() == ColumnType::categorical);
  CHECK(data.column("color").categories() == std::vector<std::string>{"blue", "red"});
  CHECK(data.column("color").codes()[0] == 1);
}

TEST_CASE("read_csv_string follows RFC 4180 quoting", "[io][csv]") {
  const Dataset data = read_csv_string(
      "name,quote,n\n"
      "\"Smith, John\",\"said \"\"hi\"\"\",1\n"
      "\"two\nlines\",\"\",2\n"
      "plain,\"a\"\"\",3\n");
  REQUIRE(data.n_rows() == 3);
  CHECK(strings_of(data.column("name")) ==
        std::vector<std::string>{"Smith, John", "two\nlines", "plain"});
  CHECK(strings_of(data.column("quote")) ==
        std::vector<std::string>{"said \"hi\"", "<missing>", "a\""});
  CHECK(data.column("n").numeric_values()[2] == 3);

  SECTION("text after a closing quote stays in the field, as pandas") {
    const Dataset tail = read_csv_string("a,b\n\"x\"y,1\n");
    CHECK(tail.column("a").value_string(0) == "xy");
  }
  SECTION("a quote inside an unquoted field is plain text") {
    const Dataset inner = read_csv_string("a,b\n5\"6,1\n");
    CHECK(inner.column("a").value_string(0) == "5\"6");
  }
}

TEST_CASE("read_csv_string reads CRLF, skips blank lines and the final empty line", "[io][csv]") {
  const Dataset data = read_csv_string("a,b\r\n1,x\r\n\r\n   \r\n2,y\r\n\r\n");
  REQUIRE(data.n_rows() == 2);
  CHECK(data.column("a").numeric_values()[1] == 2);
  CHECK(strings_of(data.column("b")) == std::vector<std::string>{"x", "y"});

  SECTION("no final line break") {
    const Dataset last = read_csv_string("a,b\n1,x\n2,y");
    CHECK(last.n_rows() == 2);
    CHECK(last.column("b").value_string(1) == "y");
  }
  SECTION("a UTF-8 byte order mark is dropped") {
    const Dataset bom = read_csv_string("\xEF\xBB\xBFid,v\n1,2\n");
    CHECK(bom.column_names() == std::vector<std::string>{"id", "v"});
  }
  SECTION("a trailing delimiter is one more empty field") {
    const Dataset trailing = read_csv_string("a,b,c\n1,2,\n");
    CHECK(trailing.column("c").is_missing(0));
  }
}

TEST_CASE("read_csv_string without a header names columns x0, x1, ...", "[io][csv]") {
  CsvOptions options;
  options.header = false;
  const Dataset data = read_csv_string("1,a\n2,b\n", options);
  CHECK(data.column_names() == std::vector<std::string>{"x0", "x1"});
  CHECK(data.n_rows() == 2);
  CHECK(data.column("x0").numeric_values()[0] == 1);
}

TEST_CASE("read_csv_string renames duplicate and empty header names as pandas", "[io][csv]") {
  const Dataset data = read_csv_string("a,a,a.1,,a\n1,2,3,4,5\n");
  CHECK(data.column_names() == std::vector<std::string>{"a", "a.1", "a.1.1", "Unnamed: 3", "a.2"});
}

TEST_CASE("read_csv_string treats missing markers after unquoting", "[io][csv]") {
  const Dataset data = read_csv_string("x,y\n1,NA\n\"NA\",?\nNaN,\"\"\n?,b\n");
  CHECK(data.column("x").type() == ColumnType::numeric);
  CHECK(data.column("x").count_missing() == 3);
  CHECK(data.column("y").count_missing() == 3);

  SECTION("extra markers add to the defaults") {
    CsvOptions options;
    options.na_values = {"-999"};
    const Dataset extra = read_csv_string("x\n-999\nNA\n4\n", options);
    CHECK(extra.column("x").count_missing() == 2);
  }
  SECTION("keep_default_na = false drops the defaults") {
    CsvOptions options;
    options.keep_default_na = false;
    options.na_values = {"-"};
    const Dataset own = read_csv_string("x,y\nNA,1\n-,2\n", options);
    CHECK(own.column("x").type() == ColumnType::categorical);
    CHECK(strings_of(own.column("x")) == std::vector<std::string>{"NA", "<missing>"});
  }
}

TEST_CASE("read_csv_string accepts the number forms pandas reads as float", "[io][csv]") {
  const Dataset data =
      read_csv_string("v\n1\n1.0\n1.5e3\n.5\n-3\n+2\n 7 \n1.\ninf\n-Infinity\n1E-2\n");
  REQUIRE(data.column("v").type() == ColumnType::numeric);
  const auto values = data.column("v").numeric_values();
  const double infinity = std::numeric_limits<double>::infinity();
  CHECK(std::vector<double>(values.begin(), values.end()) ==
        std::vector<double>{1, 1, 1500, 0.5, -3, 2, 7, 1, infinity, -infinity, 0.01});

  for (const char* text : {"nan", "1e", "0x10", "+-1", "\"1,5\"", "--1", "1 2", "."}) {
    INFO(text);
    const Dataset other = read_csv_string(std::string("v\n1\n") + text + "\n");
    CHECK(other.column("v").type() == ColumnType::categorical);
  }
}

TEST_CASE("read_csv_string keeps categorical values as written, sorted as strings", "[io][csv]") {
  const Dataset data = read_csv_string("v\n1\n1.0\nb\n10\n1\n");
  const Column& column = data.column("v");
  REQUIRE(column.type() == ColumnType::categorical);
  CHECK(column.categories() == std::vector<std::string>{"1", "1.0", "10", "b"});
  CHECK(strings_of(column) == std::vector<std::string>{"1", "1.0", "b", "10", "1"});
}

TEST_CASE("read_csv_string types long, mostly distinct strings as text", "[io][csv]") {
  SECTION("more than half distinct, more than three words on average") {
    const Dataset data = read_csv_string(
        "review\nvery good film indeed\nawful plot and acting\nvery good film indeed\n"
        "a long and winding story\n");
    CHECK(data.column("review").type() == ColumnType::text);
    CHECK(data.column("review").text_values()[3] == "a long and winding story");
  }
  SECTION("exactly half distinct stays categorical") {
    const Dataset data = read_csv_string(
        "review\nvery good film indeed\nvery good film indeed\nawful plot and acting\n"
        "awful plot and acting\n");
    CHECK(data.column("review").type() == ColumnType::categorical);
  }
  SECTION("distinct but three words or fewer on average stays categorical") {
    const Dataset data = read_csv_string("name\nAnn Lee\nBob Stone\nCy Young Jr\n");
    CHECK(data.column("name").type() == ColumnType::categorical);
  }
  SECTION("an all-missing column is numeric, as pandas") {
    const Dataset data = read_csv_string("a,b\n1,\n2,NA\n");
    CHECK(data.column("b").type() == ColumnType::numeric);
    CHECK(data.column("b").count_missing() == 2);
  }
}

TEST_CASE("read_csv_string applies per-column type overrides", "[io][csv]") {
  CsvOptions options;
  options.types = {
      {"code", ColumnType::categorical}, {"note", ColumnType::text}, {"n", ColumnType::numeric}};
  const Dataset data = read_csv_string("code,note,n\n1,a,1\n2.0,,NA\n1,c,3\n", options);
  CHECK(data.column("code").type() == ColumnType::categorical);
  CHECK(data.column("code").categories() == std::vector<std::string>{"1", "2.0"});
  CHECK(data.column("note").type() == ColumnType::text);
  CHECK(data.column("note").is_missing(1));
  CHECK(data.column("n").type() == ColumnType::numeric);

  SECTION("a numeric override on a non-number names file, line and column") {
    CsvOptions numeric;
    numeric.types = {{"n", ColumnType::numeric}};
    CHECK_LOOM_THROWS(read_csv_string("n,m\n1,2\n\"two\nlines\",3\nabc,4\n", numeric, "in.csv"),
                      loom::ParseError,
                      "in.csv:3: column \"n\": expected a number (the column is numeric), "
                      "found \"two\nlines\"");
    CHECK_LOOM_THROWS(read_csv_string("m,n\n1,2\n\"x\ny\",3\n5,abc\n", numeric, "in.csv"),
                      loom::ParseError, "in.csv:5: column \"n\"");
  }
  SECTION("an override for an unknown column is a SchemaError naming it") {
    CsvOptions unknown;
    unknown.types = {{"nope", ColumnType::numeric}};
    CHECK_LOOM_THROWS(read_csv_string("a,b\n1,2\n", unknown, "in.csv"), loom::SchemaError,
                      "in.csv: type override for unknown column \"nope\"");
  }
}

TEST_CASE("read_csv_string reports a wrong field count with the physical line", "[io][csv]") {
  CHECK_LOOM_THROWS(read_csv_string("a,b,c,d,e\n1,2,3,4,5\n\n\"x\ny\",2,3,4,5\n1,2,3,4,5\n"
                                    "1,2,3,4,5\n1,2,3,4,5,6\n",
                                    {}, "file.csv"),
                    loom::ParseError, "file.csv:8: expected 5 fields, found 6");
  CHECK_LOOM_THROWS(read_csv_string("a,b,c\n1,2\n", {}, "file.csv"), loom::ParseError,
                    "file.csv:2: expected 3 fields, found 2");

  SECTION("skip_bad_lines drops such rows instead") {
    CsvOptions options;
    options.skip_bad_lines = true;
    const Dataset data = read_csv_string("a,b\nx,1\njunk\ny,2,3\nz,3\n", options);
    CHECK(strings_of(data.column("a")) == std::vector<std::string>{"x", "z"});
    CHECK(data.column("b").type() == ColumnType::numeric);
  }
}

TEST_CASE("read_csv_string names the line where an unterminated quote opened", "[io][csv]") {
  CHECK_LOOM_THROWS(read_csv_string("a,b\n1,2\n3,\"open\n4,5\n6,7\n", {}, "q.csv"),
                    loom::ParseError, "q.csv:3: column \"b\": unterminated quote");
  CHECK_LOOM_THROWS(read_csv_string("a,\"b\n", {}, "q.csv"), loom::ParseError,
                    "q.csv:1: field 2: unterminated quote");
}

TEST_CASE("read_csv_string rejects an empty input", "[io][csv]") {
  CHECK_LOOM_THROWS(read_csv_string("\n\n", {}, "empty.csv"), loom::ParseError,
                    "empty.csv: no columns to parse");
  const Dataset header_only = read_csv_string("a,b\n");
  CHECK(header_only.n_columns() == 2);
  CHECK(header_only.n_rows() == 0);
}

TEST_CASE("read_csv_string trims spaces after delimiters when asked", "[io][csv]") {
  CsvOptions options;
  options.trim = true;
  const Dataset data =
      read_csv_string("age, work, note\n39, State-gov, \"a, b\"\n50, ?, x\n", options);
  CHECK(data.column_names() == std::vector<std::string>{"age", "work", "note"});
  CHECK(strings_of(data.column("work")) == std::vector<std::string>{"State-gov", "<missing>"});
  CHECK(data.column("note").value_string(0) == "a, b");

  const Dataset untrimmed = read_csv_string("a,b\n1, x\n");
  CHECK(untrimmed.column("b").value_string(0) == " x");
}

TEST_CASE("read_csv_string reads other delimiters and unquoted text", "[io][csv]") {
  CsvOptions semicolon;
  semicolon.delimiter = ';';
  const Dataset data = read_csv_string("\"fixed acidity\";\"q\"\n7.4;\"a,b\"\n", semicolon);
  CHECK(data.column("fixed acidity").type() == ColumnType::numeric);
  CHECK(data.column("q").value_string(0) == "a,b");

  CsvOptions tab;
  tab.delimiter = '\t';
  tab.quoting = false;
  const Dataset tsv = read_csv_string("label\ttext\nham\t\"quoted\" start\nspam\tx \"y\n", tab);
  REQUIRE(tsv.n_rows() == 2);
  CHECK(tsv.column("text").value_string(0) == "\"quoted\" start");
  CHECK(tsv.column("text").value_string(1) == "x \"y");
}

TEST_CASE("read_csv_string reports progress in bytes", "[io][csv]") {
  std::string text = "a,b\n";
  for (int row = 0; row < 200000; ++row)
    text += std::to_string(row) + ",x\n";
  std::vector<std::size_t> done;
  CsvOptions options;
  options.progress = [&](const loom::ProgressEvent& event) {
    CHECK(event.stage == "read_csv");
    CHECK(event.total == text.size());
    done.push_back(event.done);
  };
  const Dataset data = read_csv_string(text, options);
  CHECK(data.n_rows() == 200000);
  REQUIRE(done.size() >= 3);
  CHECK(std::is_sorted(done.begin(), done.end()));
  CHECK(done.back() == text.size());
}

TEST_CASE("read_csv reads a file and names it in errors", "[io][csv]") {
  loom::test::TemporaryFolder folder;
  const std::string path = folder.file("data.csv");
  loom::test::write_text(path, "a,b\n1,x\n2,y,z\n");
  CHECK_LOOM_THROWS(loom::io::read_csv(path), loom::ParseError,
                    path + ":3: expected 2 fields, found 3");
  loom::test::write_text(path, "a,b\n1,x\n");
  CHECK(loom::io::read_csv(path).n_rows() == 1);
  CHECK_LOOM_THROWS(loom::io::read_csv(folder.file("absent.csv")), loom::IoError, "absent.csv");
  CHECK_LOOM_THROWS(loom::io::read_csv(folder.path().string()), loom::IoError, "folder");
}

TEST_CASE("read_csv matches pandas.read_csv on a tricky file", "[io][csv][reference]") {
  const auto expected = loom::test::load_fixture("io/tricky_pandas.json");
  const Dataset data = loom::io::read_csv(std::string(LOOM_FIXTURES_DIR) + "/io/tricky.csv");
  REQUIRE(data.n_rows() == expected["rows"].get<std::size_t>());
  REQUIRE(data.n_columns() == expected["columns"].size());
  for (const auto& column : expected["columns"]) {
    const std::string name = column["name"].get<std::string>();
    INFO(name);
    const Column& loom_column = data.column(name);
    CHECK((loom_column.type() == ColumnType::numeric) == column["numeric"].get<bool>());
    CHECK(loom_column.count_missing() == column["missing"].get<std::size_t>());
    for (std::size_t row = 0; row < data.n_rows(); ++row) {
      const auto& value = column["values"][row];
      if (value.is_null()) {
        CHECK(loom_column.is_missing(row));
      } else if (loom_column.type() == ColumnType::numeric) {
        const double number = value.is_string() ? (value.get<std::string>() == "inf" ? 1.0 : -1.0) *
                                                      std::numeric_limits<double>::infinity()
                                                : value.get<double>();
        CHECK(loom_column.numeric_values()[row] == number);
      } else {
        CHECK(loom_column.value_string(row) == value.get<std::string>());
      }
    }
  }
}
