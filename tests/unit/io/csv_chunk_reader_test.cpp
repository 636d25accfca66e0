#include "loom/io/csv_chunk_reader.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "check_throws.hpp"
#include "io_test_support.hpp"
#include "loom/core/error.hpp"

using loom::ColumnSchema;
using loom::ColumnType;
using loom::Dataset;
using loom::io::CsvChunkReader;
using loom::io::CsvOptions;

namespace {
// id, a number; color, one of three words; line = row + 2.
std::string make_csv(int rows) {
  std::string text = "id,color\n";
  const char* colors[] = {"red", "green", "blue"};
  for (int row = 0; row < rows; ++row)
    text += std::to_string(row) + "," + colors[row % 3] + "\n";
  return text;
}
}  // namespace

TEST_CASE("CsvChunkReader returns the rows in chunks with one schema", "[io][csv][chunks]") {
  loom::test::TemporaryFolder folder;
  const std::string path = folder.file("data.csv");
  loom::test::write_text(path, make_csv(10));
  CsvChunkReader reader(path, {}, 4);
  const std::vector<ColumnSchema> expected = {{"id", ColumnType::numeric},
                                              {"color", ColumnType::categorical}};
  CHECK(reader.schema() == expected);

  std::vector<std::size_t> sizes;
  std::vector<double> ids;
  while (auto chunk = reader.next()) {
    CHECK(chunk->schema() == expected);
    sizes.push_back(chunk->n_rows());
    for (double id : chunk->column("id").numeric_values())
      ids.push_back(id);
  }
  CHECK(sizes == std::vector<std::size_t>{4, 4, 2});
  CHECK(ids.size() == 10);
  CHECK(ids[9] == 9);
  CHECK(reader.rows_read() == 10);
  CHECK_FALSE(reader.next().has_value());
}

TEST_CASE("CsvChunkReader gives each categorical chunk its own dictionary", "[io][csv][chunks]") {
  loom::test::TemporaryFolder folder;
  const std::string path = folder.file("data.csv");
  loom::test::write_text(path, "c\nb\nb\na\nz\n");
  CsvChunkReader reader(path, {}, 2);
  const auto first = reader.next();
  const auto second = reader.next();
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->column("c").categories() == std::vector<std::string>{"b"});
  CHECK(second->column("c").categories() == std::vector<std::string>{"a", "z"});
}

TEST_CASE("CsvChunkReader fixes types from the first chunk", "[io][csv][chunks]") {
  loom::test::TemporaryFolder folder;
  const std::string path = folder.file("late.csv");
  loom::test::write_text(path, "id,v\n1,1\n2,2\n3,3\n4,x\n");

  SECTION("a later non-number in a numeric column names file, line and column") {
    CsvChunkReader reader(path, {}, 2);
    CHECK(reader.schema()[1].type == ColumnType::numeric);
    CHECK(reader.next()->n_rows() == 2);
    // The macro evaluates its expression twice: read from a fresh reader each time.
    const auto read_all = [&] {
      CsvChunkReader fresh(path, {}, 2);
      while (fresh.next()) {
      }
    };
    CHECK_LOOM_THROWS(read_all(), loom::ParseError, path + ":5: column \"v\": expected a number");
  }
  SECTION("inference_rows reads further ahead") {
    CsvOptions options;
    options.inference_rows = 100;
    CsvChunkReader reader(path, options, 2);
    CHECK(reader.schema()[1].type == ColumnType::categorical);
    const auto first = reader.next();
    REQUIRE(first);
    CHECK(first->column("v").value_string(0) == "1");
    CHECK(reader.next()->column("v").categories() == std::vector<std::string>{"3", "x"});
    CHECK_FALSE(reader.next());
  }
  SECTION("a categorical column stays categorical when a chunk holds only numbers") {
    loom::test::write_text(path, "v\na\nb\n1\n2\n");
    CsvChunkReader reader(path, {}, 2);
    reader.next();
    const auto numbers = reader.next();
    REQUIRE(numbers);
    CHECK(numbers->column("v").type() == ColumnType::categorical);
  }
}

TEST_CASE("CsvChunkReader keeps counting physical lines across chunks", "[io][csv][chunks]") {
  loom::test::TemporaryFolder folder;
  const std::string path = folder.file("lines.csv");
  loom::test::write_text(path, "a,b\n1,\"x\ny\"\n2,z\n\n3,w,extra\n");
  CsvChunkReader reader(path, {}, 1);
  CHECK(reader.next()->column("b").value_string(0) == "x\ny");
  CHECK(reader.next()->column("b").value_string(0) == "z");
  const auto read_all = [&] {
    CsvChunkReader fresh(path, {}, 1);
    while (fresh.next()) {
    }
  };
  CHECK_LOOM_THROWS(read_all(), loom::ParseError, path + ":6: expected 2 fields, found 3");
}

TEST_CASE("CsvChunkReader handles header-only files, progress and bad arguments",
          "[io][csv][chunks]") {
  loom::test::TemporaryFolder folder;
  const std::string path = folder.file("data.csv");

  loom::test::write_text(path, "a,b\n");
  CsvChunkReader empty(path, {}, 10);
  CHECK(empty.schema().size() == 2);
  CHECK_FALSE(empty.next());

  const std::string text = make_csv(100);
  loom::test::write_text(path, text);
  std::size_t last_done = 0;
  CsvOptions options;
  options.progress = [&](const loom::ProgressEvent& event) {
    CHECK(event.total == text.size());
    last_done = event.done;
  };
  CsvChunkReader reader(path, options, 30);
  while (reader.next()) {
  }
  CHECK(last_done == text.size());

  CHECK_LOOM_THROWS(CsvChunkReader(path, {}, 0), loom::ParameterError, "chunk_rows");
  CHECK_LOOM_THROWS(CsvChunkReader(folder.file("absent.csv"), {}, 5), loom::IoError, "absent.csv");
  CsvOptions unknown;
  unknown.types = {{"nope", ColumnType::text}};
  CHECK_LOOM_THROWS(CsvChunkReader(path, unknown, 5), loom::SchemaError, "\"nope\"");
}
