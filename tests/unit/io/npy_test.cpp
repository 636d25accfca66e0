#include "loom/io/npy.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "io_test_support.hpp"
#include "loom/core/error.hpp"

namespace {
std::string fixture(const std::string& name) {
  return std::string(LOOM_FIXTURES_DIR) + "/io/" + name;
}
}  // namespace

TEST_CASE("read_npy reads numpy's dtypes and orders as row-major doubles", "[io][npy]") {
  const auto expected = loom::test::load_fixture("io/npy_expected.json");
  for (const auto& [name, array] : expected["arrays"].items()) {
    INFO(name);
    const xt::xarray<double> values = loom::io::read_npy(fixture(name));
    const auto shape = array["shape"].get<std::vector<std::size_t>>();
    CHECK(std::vector<std::size_t>(values.shape().begin(), values.shape().end()) == shape);
    const auto flat = array["values"].get<std::vector<double>>();
    REQUIRE(values.size() == flat.size());
    for (std::size_t index = 0; index < flat.size(); ++index) {
      CHECK(values.data()[index] == flat[index]);
    }
  }
}

TEST_CASE("read_npy_matrix maps a C or Fortran array to the same Eigen matrix", "[io][npy]") {
  const Eigen::MatrixXd c_order = loom::io::read_npy_matrix(fixture("c_f8.npy"));
  const Eigen::MatrixXd fortran = loom::io::read_npy_matrix(fixture("fortran_f8.npy"));
  REQUIRE(c_order.rows() == 3);
  REQUIRE(c_order.cols() == 4);
  CHECK(c_order(0, 1) == -0.5);  // arange(12).reshape(3, 4) * 0.5 - 1
  CHECK(c_order(1, 0) == 1.0);
  CHECK(c_order == fortran);
  const Eigen::MatrixXd vector = loom::io::read_npy_matrix(fixture("i8.npy"));
  CHECK(vector.rows() == 6);
  CHECK(vector.cols() == 1);
  CHECK(vector(0, 0) == -3);
  CHECK_LOOM_THROWS(loom::io::read_npy_matrix(fixture("fortran_3d.npy")), loom::ParseError,
                    "expected a 1-D or 2-D array, found shape (2, 3, 4)");
}

TEST_CASE("write_npy round-trips arrays and matrices", "[io][npy]") {
  loom::test::TemporaryFolder folder;
  const std::string path = folder.file("a.npy");

  Eigen::MatrixXd matrix(2, 3);
  matrix << 1, 2, 3, 4, 5, 6.5;
  loom::io::write_npy(path, matrix);
  CHECK(loom::io::read_npy_matrix(path) == matrix);
  const std::string bytes = loom::test::read_text(path);
  CHECK(bytes.size() == 128 + 6 * 8);
  CHECK(bytes.substr(10, 59) == "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }");

  for (const std::vector<std::size_t>& shape :
       {std::vector<std::size_t>{}, {5}, {2, 3}, {2, 3, 4}, {0, 3}}) {
    auto array = xt::xarray<double>::from_shape(shape);
    for (std::size_t index = 0; index < array.size(); ++index)
      array.data()[index] = static_cast<double>(index) * 0.25;
    loom::io::write_npy(path, array);
    const bool same = loom::io::read_npy(path) == array;  // outside CHECK: xtensor vs Catch
    CHECK(same);
  }
}

TEST_CASE("read_npy names the file and what it expected in a corrupt file", "[io][npy]") {
  loom::test::TemporaryFolder folder;
  const std::string path = folder.file("bad.npy");
  auto array = xt::xarray<double>::from_shape({100});
  array.fill(1.0);
  loom::io::write_npy(path, array);
  const std::string good = loom::test::read_text(path);
  REQUIRE(good.size() == 128 + 800);

  loom::test::write_text(path, good.substr(0, 128 + 120));
  CHECK_LOOM_THROWS(loom::io::read_npy(path), loom::ParseError,
                    path + ": expected 800 bytes of data (100 values of '<f8'), found 120");
  loom::test::write_text(path, "not numpy at all");
  CHECK_LOOM_THROWS(loom::io::read_npy(path), loom::ParseError, "magic string");
  loom::test::write_text(path, good.substr(0, 40));
  CHECK_LOOM_THROWS(loom::io::read_npy(path), loom::ParseError,
                    "expected a .npy header of 118 bytes, found 30");

  std::string other_dtype = good;
  other_dtype.replace(other_dtype.find("<f8"), 3, "<c8");
  loom::test::write_text(path, other_dtype);
  CHECK_LOOM_THROWS(loom::io::read_npy(path), loom::ParseError, "unsupported .npy dtype '<c8'");

  std::string bad_dict = good;
  bad_dict.replace(bad_dict.find("False"), 5, "Maybe");
  loom::test::write_text(path, bad_dict);
  CHECK_LOOM_THROWS(loom::io::read_npy(path), loom::ParseError, "expected True or False");
  CHECK_LOOM_THROWS(loom::io::read_npy(folder.file("absent.npy")), loom::IoError, "absent.npy");
}
