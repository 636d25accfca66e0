// read_csv on two threads must give exactly what one thread gives, whatever the cut between
// the halves falls on, and report errors with the same lines.
#include <catch2/catch.hpp>
#include <string>

#include "check_throws.hpp"
#include "loom/core/error.hpp"
#include "loom/io/csv.hpp"

using loom::ColumnType;
using loom::Dataset;
using loom::io::CsvOptions;

namespace {

// About 9 MB, so that the parallel reader cuts it in two (parts of at least 4 MB).
constexpr int kRows = 150000;

std::string make_input(int late_text_row) {
  std::string text = "id,amount,color,late,note,quoted\n";
  const char* colors[] = {"red", "green", "blue", "amber"};
  const char* words[] = {"alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa"};
  for (int row = 0; row < kRows; ++row) {
    text += std::to_string(row) + ",";
    text += row % 97 == 0 ? "" : std::to_string(row % 1000) + "." + std::to_string(row % 7);
    text += std::string(",") + colors[row % 4] + ",";
    text += row == late_text_row ? "oops" : std::to_string(row % 13);
    text += ",";
    for (int word = 0; word < 5; ++word) {
      text += (word > 0 ? " " : "") + std::string(words[(row * (word + 3) + word) % 7]);
    }
    text += " " + std::to_string(row);
    text += row % 1000 == 0 ? ",\"multi\nline, " + std::to_string(row) + "\"" : ",plain";
    text += "\n";
  }
  return text;
}

Dataset read_with_threads(const std::string& text, std::size_t threads, CsvOptions options = {}) {
  options.n_threads = threads;
  return loom::io::read_csv_string(text, options, "big.csv");
}

void check_same(const Dataset& a, const Dataset& b) {
  REQUIRE(a.schema() == b.schema());
  REQUIRE(a.n_rows() == b.n_rows());
  for (std::size_t index = 0; index < a.n_columns(); ++index) {
    const auto& left = a.column(index);
    const auto& right = b.column(index);
    INFO(left.name());
    if (left.type() == ColumnType::categorical) CHECK(left.categories() == right.categories());
    long first_difference = -1;
    for (std::size_t row = 0; row < a.n_rows(); ++row) {
      if (left.is_missing(row) != right.is_missing(row) ||
          left.value_string(row) != right.value_string(row)) {
        first_difference = static_cast<long>(row);
        break;
      }
    }
    CHECK(first_difference == -1);
  }
}

}  // namespace

TEST_CASE("read_csv gives the same Dataset on one or two threads", "[io][csv][parallel]") {
  SECTION("a column turning non-numeric in the second half") {
    const std::string text = make_input(kRows - 10);
    const Dataset one = read_with_threads(text, 1);
    const Dataset two = read_with_threads(text, 2);
    CHECK(one.column("late").type() == ColumnType::categorical);
    CHECK(one.column("amount").type() == ColumnType::numeric);
    CHECK(one.column("note").type() == ColumnType::text);
    CHECK(one.column("quoted").value_string(1000) == "multi\nline, 1000");
    check_same(one, two);
  }
  SECTION("a column turning non-numeric in the first half") {
    const std::string text = make_input(10);
    check_same(read_with_threads(text, 1), read_with_threads(text, 2));
  }
  SECTION("types fixed by overrides") {
    CsvOptions options;
    options.types = {{"late", ColumnType::text}, {"id", ColumnType::categorical}};
    const std::string text = make_input(-1);
    const Dataset one = read_with_threads(text, 1, options);
    CHECK(one.column("id").categories().size() == kRows);
    check_same(one, read_with_threads(text, 2, options));
  }
}

TEST_CASE("read_csv on two threads survives a cut inside a quoted field", "[io][csv][parallel]") {
  // One quoted field of many lines around the middle: a cut after any of its line breaks
  // is not a row boundary.
  std::string text = "a,b\n";
  for (int row = 0; row < 200000; ++row)
    text += std::to_string(row) + ",x\n";
  text += "-1,\"";
  for (int line = 0; line < 400000; ++line)
    text += "inside a quoted field\n";
  text += "\"\n";
  for (int row = 0; row < 10; ++row)
    text += std::to_string(row) + ",y\n";
  const Dataset one = read_with_threads(text, 1);
  const Dataset two = read_with_threads(text, 2);
  CHECK(one.n_rows() == 200011);
  check_same(one, two);
}

TEST_CASE("read_csv on two threads reports errors with the right lines", "[io][csv][parallel]") {
  std::string text = make_input(-1);
  // Rows 1000, 2000, ... each span two lines.
  const auto line_of_row = [](int row) { return 2 + row + (row + 999) / 1000; };
  SECTION("a wrong field count late in the file") {
    const int row = kRows - 5;
    std::size_t position = 0;
    for (int line = 1; line < line_of_row(row); ++line)
      position = text.find('\n', position) + 1;
    text.insert(text.find('\n', position), ",extra");
    const std::string expected = "big.csv:" + std::to_string(line_of_row(row)) + ": expected 6";
    CHECK_LOOM_THROWS(read_with_threads(text, 2), loom::ParseError, expected);
  }
  SECTION("a non-number in a numeric column late in the file") {
    CsvOptions options;
    options.types = {{"late", ColumnType::numeric}};
    const std::string bad = make_input(kRows - 3);
    const std::string expected = "big.csv:" + std::to_string(line_of_row(kRows - 3)) +
                                 ": column \"late\": expected a number";
    CHECK_LOOM_THROWS(read_with_threads(bad, 2, options), loom::ParseError, expected);
  }
}
