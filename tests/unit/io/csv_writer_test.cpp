#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "check_throws.hpp"
#include "io_test_support.hpp"
#include "loom/core/error.hpp"
#include "loom/io/atomic_file.hpp"
#include "loom/io/csv.hpp"

using loom::Column;
using loom::ColumnType;
using loom::Dataset;
using loom::FeatureMatrix;

namespace {
Dataset sample() {
  return Dataset(
      {Column::numeric("x", {1.0, 0.1, std::nan(""), -2.5e-7}),
       Column::categorical_from_values("label", {"a,b", "say \"hi\"", std::nullopt, "plain"}),
       Column::text("note", {"two\nlines", "ok", "", "x"}, {0, 0, 1, 0})});
}

std::size_t count_files(const std::filesystem::path& folder) {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder))
    ++count;
  return count;
}
}  // namespace

TEST_CASE("write_csv writes numbers round-trip, missing as empty, RFC 4180 quotes",
          "[io][csv][write]") {
  loom::test::TemporaryFolder folder;
  const std::string path = folder.file("out.csv");
  loom::io::write_csv(sample(), path);
  CHECK(loom::test::read_text(path) ==
        "x,label,note\n"
        "1,\"a,b\",\"two\nlines\"\n"
        "0.1,\"say \"\"hi\"\"\",ok\n"
        ",,\n"
        "-2.5e-07,plain,x\n");
  CHECK(count_files(folder.path()) == 1);

  SECTION("reading it back gives the same values") {
    const Dataset back = loom::io::read_csv(path);
    CHECK(back.column("x").numeric_values()[3] == -2.5e-7);
    CHECK(back.column("x").is_missing(2));
    CHECK(back.column("label").value_string(1) == "say \"hi\"");
    CHECK(back.column("note").value_string(0) == "two\nlines");
    CHECK(back.column("note").is_missing(2));
  }
  SECTION("another delimiter quotes fields holding it") {
    loom::io::write_csv(Dataset({Column::categorical_from_values("v", {"a;b", "c,d"})}), path, ';');
    CHECK(loom::test::read_text(path) == "v\n\"a;b\"\nc,d\n");
  }
}

TEST_CASE("write_csv writes dense and sparse feature matrices", "[io][csv][write]") {
  loom::test::TemporaryFolder folder;
  const std::string path = folder.file("matrix.csv");
  Eigen::MatrixXd dense(2, 3);
  dense << 1, 0, 0.5, 0, 2, 0;
  loom::io::write_csv(FeatureMatrix(dense, {"a", "b", "c"}), path);
  const std::string expected = "a,b,c\n1,0,0.5\n0,2,0\n";
  CHECK(loom::test::read_text(path) == expected);

  loom::SparseMatrix sparse = dense.sparseView();
  loom::io::write_csv(FeatureMatrix(sparse, {"a", "b", "c"}), path);
  CHECK(loom::test::read_text(path) == expected);
}

TEST_CASE("write_csv refuses a missing folder and leaves nothing behind", "[io][csv][write]") {
  loom::test::TemporaryFolder folder;
  const std::string missing = folder.file("no_such_folder");
  CHECK_LOOM_THROWS(loom::io::write_csv(sample(), missing + "/out.csv"), loom::IoError,
                    "folder \"" + missing + "\" does not exist");
  CHECK_FALSE(std::filesystem::exists(missing));
  CHECK(count_files(folder.path()) == 0);
}

TEST_CASE("write_file_atomically replaces the file only on success", "[io][atomic]") {
  loom::test::TemporaryFolder folder;
  const std::string path = folder.file("out.txt");
  loom::io::write_file_atomically(path, [](std::ostream& out) { out << "first"; });
  CHECK(loom::test::read_text(path) == "first");

  CHECK_THROWS_WITH(loom::io::write_file_atomically(path,
                                                    [](std::ostream& out) {
                                                      out << "partial";
                                                      throw std::runtime_error("writer failed");
                                                    }),
                    "writer failed");
  CHECK(loom::test::read_text(path) == "first");
  CHECK(count_files(folder.path()) == 1);

  CHECK_LOOM_THROWS(loom::io::write_file_atomically(folder.path().string(), [](std::ostream&) {}),
                    loom::IoError, "it is a folder");
}
