#include "loom/clean/nearest_neighbors.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <numeric>
#include <random>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "loom/core/error.hpp"

using loom::clean::NearestNeighbors;
using loom::test::load_fixture;
using loom::test::to_matrix;

namespace {

// The definition the index promises: sort every point by (squared distance, row index).
std::vector<Eigen::Index> naive_neighbors(const Eigen::MatrixXd& points,
                                          const Eigen::RowVectorXd& query, Eigen::Index k) {
  std::vector<std::pair<double, Eigen::Index>> all;
  for (Eigen::Index row = 0; row < points.rows(); ++row) {
    double sum = 0.0;
    for (Eigen::Index j = 0; j < points.cols(); ++j) {
      const double difference = query(j) - points(row, j);
      sum += difference * difference;
    }
    all.emplace_back(sum, row);
  }
  std::sort(all.begin(), all.end());
  std::vector<Eigen::Index> nearest;
  for (Eigen::Index rank = 0; rank < k; ++rank)
    nearest.push_back(all[static_cast<std::size_t>(rank)].second);
  return nearest;
}

// Points on a coarse integer grid: many exact ties and duplicate rows.
Eigen::MatrixXd grid_points(Eigen::Index n, Eigen::Index d, unsigned seed) {
  std::mt19937 engine(seed);
  std::uniform_int_distribution<int> value(0, 3);
  Eigen::MatrixXd points(n, d);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < d; ++j)
      points(i, j) = value(engine);
  return points;
}

}  // namespace

TEST_CASE("NearestNeighbors matches scikit-learn's neighbours and distances",
          "[clean][nearest_neighbors]") {
  const auto fixture = load_fixture("clean/nearest_neighbors.json");
  const auto& cases = fixture["cases"];
  for (const auto& expected : cases) {
    SECTION(expected["name"].get<std::string>()) {
      const Eigen::MatrixXd points = to_matrix(expected["points"]);
      const Eigen::MatrixXd queries = to_matrix(expected["queries"]);
      const auto k = expected["k"].get<Eigen::Index>();
      const NearestNeighbors index(points);
      CHECK(index.uses_tree() == (points.cols() <= 15));

      const auto found = index.kneighbors(queries, k);
      const Eigen::MatrixXd indices = to_matrix(expected["indices"]);
      CHECK(found.indices.cast<double>() == indices);
      CHECK(loom::test::all_close(found.distances, to_matrix(expected["distances"]), 1e-12));

      const auto own = index.kneighbors_of_points(k);
      CHECK(own.indices.cast<double>() == to_matrix(expected["self_indices"]));
      CHECK(loom::test::all_close(own.distances, to_matrix(expected["self_distances"]), 1e-12));

      const auto within = index.radius_neighbors(queries, expected["radius"].get<double>());
      REQUIRE(within.size() == expected["radius_indices"].size());
      for (std::size_t query = 0; query < within.size(); ++query) {
        CHECK(within[query] == expected["radius_indices"][query].get<std::vector<Eigen::Index>>());
      }
    }
  }
}

TEST_CASE("NearestNeighbors breaks ties by row index, with the tree and with brute force",
          "[clean][nearest_neighbors]") {
  for (const Eigen::Index d : {Eigen::Index{2}, Eigen::Index{4}, Eigen::Index{24}}) {
    const Eigen::MatrixXd points = grid_points(500, d, 7);
    const Eigen::MatrixXd queries = grid_points(60, d, 8);
    const NearestNeighbors index(points, 2);
    CHECK(index.uses_tree() == (d <= 15));
    const auto found = index.kneighbors(queries, 9);
    for (Eigen::Index query = 0; query < queries.rows(); ++query) {
      const auto expected = naive_neighbors(points, queries.row(query), 9);
      for (Eigen::Index rank = 0; rank < 9; ++rank)
        CHECK(found.indices(query, rank) == expected[static_cast<std::size_t>(rank)]);
    }
    const auto within = index.radius_neighbors(queries, 1.0);
    for (Eigen::Index query = 0; query < queries.rows(); ++query) {
      std::vector<Eigen::Index> expected;
      for (Eigen::Index row = 0; row < points.rows(); ++row)
        if ((points.row(row) - queries.row(query)).squaredNorm() <= 1.0) expected.push_back(row);
      CHECK(within[static_cast<std::size_t>(query)] == expected);
    }
  }
}

TEST_CASE(
    "NearestNeighbors::kneighbors_of_points drops the point itself, or the first of "
    "earlier duplicates",
    "[clean][nearest_neighbors]") {
  Eigen::MatrixXd points(5, 1);
  points << 0.0, 0.0, 0.0, 5.0, 9.0;
  const NearestNeighbors index(points);
  const auto own = index.kneighbors_of_points(1);
  // Row 2's k + 1 = 2 nearest are rows 0 and 1 (ties to the earlier row); scikit-learn then
  // drops the first of them.
  CHECK(own.indices(0, 0) == 1);
  CHECK(own.indices(1, 0) == 0);
  CHECK(own.indices(2, 0) == 1);
  CHECK(own.indices(3, 0) == 4);
  CHECK(own.distances(3, 0) == 4.0);
  CHECK(own.indices(4, 0) == 3);
}

TEST_CASE("NearestNeighbors gives the same answer with one thread and with several",
          "[clean][nearest_neighbors]") {
  std::mt19937 engine(3);
  std::normal_distribution<double> normal;
  Eigen::MatrixXd points(700, 30);
  for (Eigen::Index i = 0; i < points.size(); ++i)
    points.data()[i] = normal(engine);
  const auto one = NearestNeighbors(points, 1).kneighbors_of_points(6);
  const auto two = NearestNeighbors(points, 2).kneighbors_of_points(6);
  CHECK(one.indices == two.indices);
  CHECK(one.distances == two.distances);
}

TEST_CASE("NearestNeighbors refuses NaN, empty input, wrong widths and k out of range",
          "[clean][nearest_neighbors]") {
  Eigen::MatrixXd points(3, 2);
  points << 0, 1, 2, 3, 4, 5;
  Eigen::MatrixXd with_nan = points;
  with_nan(1, 1) = std::numeric_limits<double>::quiet_NaN();
  CHECK_LOOM_THROWS(NearestNeighbors{with_nan}, loom::DataError, "row 1, column 1 is nan");
  CHECK_LOOM_THROWS(NearestNeighbors{Eigen::MatrixXd(0, 2)}, loom::DataError, "no points");
  const NearestNeighbors index(points);
  CHECK_LOOM_THROWS(index.kneighbors(Eigen::MatrixXd::Zero(1, 3), 1), loom::DataError,
                    "queries have 3 columns, the indexed points 2");
  CHECK_LOOM_THROWS(index.kneighbors(points, 4), loom::DataError, "expected 1 <= k <= 3");
  CHECK_LOOM_THROWS(index.kneighbors_of_points(3), loom::DataError, "expected 1 <= k <= 2");
  CHECK_LOOM_THROWS(index.radius_neighbors(points, -1.0), loom::DataError, "radius = -1");
  CHECK_LOOM_THROWS(index.kneighbors(with_nan, 1), loom::DataError, "queries row 1");
}
