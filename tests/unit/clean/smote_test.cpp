#include "loom/clean/smote.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "loom/clean/nearest_neighbors.hpp"
#include "loom/pipeline/pipeline.hpp"
#include "loom/pipeline/serialization.hpp"
#include "resample_test_support.hpp"

using loom::Column;
using loom::Dataset;
using loom::clean::SMOTE;

TEST_CASE("SMOTE generates the same rows as imbalanced-learn for the same random_state",
          "[clean][resample][smote]") {
  for (const auto& item : loom::test::sampler_cases("SMOTE")) {
    INFO("params " << item["params"].dump());
    const auto data = loom::test::case_data(item);
    SMOTE sampler;
    sampler.set_params(item["params"]);
    const auto [x, y] = sampler.fit_resample(data.x, data.y);
    CHECK(loom::test::label_counts(y) == loom::test::label_counts(item["y_res"]));
    loom::test::check_over_sampled(data, x, y, item);
  }
}

TEST_CASE(
    "every SMOTE sample lies on a segment from a class row to one of its k nearest "
    "neighbours of the class",
    "[clean][resample][smote]") {
  const auto item = loom::test::sampler_cases("SMOTE").front();
  const auto data = loom::test::case_data(item);
  const int k = 5;
  SMOTE sampler({.random_state = 17, .k_neighbors = k});
  const auto [x, y] = sampler.fit_resample(data.x, data.y);
  const Eigen::MatrixXd input = data.x.to_matrix();
  const Eigen::MatrixXd output = x.to_dense("t");
  const auto n = static_cast<Eigen::Index>(data.x.n_rows());
  REQUIRE(output.rows() > n);
  for (Eigen::Index i = n; i < output.rows(); ++i) {
    const std::string label = y.value_string(static_cast<std::size_t>(i));
    std::vector<Eigen::Index> members;
    for (Eigen::Index row = 0; row < n; ++row) {
      if (data.y.value_string(static_cast<std::size_t>(row)) == label) members.push_back(row);
    }
    Eigen::MatrixXd points(static_cast<Eigen::Index>(members.size()), input.cols());
    for (std::size_t m = 0; m < members.size(); ++m)
      points.row(static_cast<Eigen::Index>(m)) = input.row(members[m]);
    // Brute force, independent of the index: the k nearest other members of each member.
    bool on_segment = false;
    for (Eigen::Index a = 0; a < points.rows() && !on_segment; ++a) {
      std::vector<std::pair<double, Eigen::Index>> order;
      for (Eigen::Index b = 0; b < points.rows(); ++b) {
        if (b != a) order.emplace_back((points.row(a) - points.row(b)).squaredNorm(), b);
      }
      std::sort(order.begin(), order.end());
      for (int j = 0; j < k && !on_segment; ++j) {
        const Eigen::RowVectorXd from = points.row(a);
        const Eigen::RowVectorXd direction =
            points.row(order[static_cast<std::size_t>(j)].second) - from;
        const Eigen::RowVectorXd offset = output.row(i) - from;
        const double t = offset.dot(direction) / direction.squaredNorm();
        on_segment = t >= -1e-12 && t <= 1.0 + 1e-12 && (offset - t * direction).norm() <= 1e-9;
      }
    }
    if (!on_segment) FAIL_CHECK("sample " << i << " of class " << label << " is on no segment");
  }
}

TEST_CASE("SMOTE keeps the input's shape: a FeatureMatrix stays one, sparse stays sparse",
          "[clean][resample][smote]") {
  Eigen::MatrixXd values(8, 2);
  values << 0, 0, 1, 0, 0, 1, 1, 1, 5, 5, 6, 5, 5, 6, 9, 9;
  const Column y = Column::numeric("y", {0, 0, 0, 0, 0, 1, 1, 1});
  SMOTE sampler({.random_state = 0, .k_neighbors = 2});
  const auto [dense, dense_labels] =
      sampler.fit_resample(loom::FeatureMatrix(values, {"a", "b"}), y);
  REQUIRE_FALSE(dense.is_dataset());
  CHECK(dense.n_rows() == 10);
  CHECK(dense.column_names() == std::vector<std::string>{"a", "b"});
  const auto [sparse, sparse_labels] = sampler.fit_resample(
      loom::FeatureMatrix(loom::SparseMatrix(values.sparseView()), {"a", "b"}), y);
  CHECK(sparse.is_sparse());
  CHECK(sparse.to_dense("t") == dense.to_dense("t"));
  CHECK(loom::test::label_counts(sparse_labels) ==
        std::map<std::string, std::size_t>{{"0", 5}, {"1", 5}});
}

TEST_CASE("SMOTE refuses categorical or missing features and too small classes",
          "[clean][resample][smote]") {
  const Dataset mixed({Column::numeric("a", {1, 2, 3, 4, 5, 6}),
                       Column::categorical_from_values("colour", {"r", "b", "r", "g", "b", "r"})});
  const Column y = Column::numeric("y", {0, 0, 0, 0, 1, 1});
  SMOTE sampler({.k_neighbors = 1});
  sampler.set_name("smote");
  CHECK_LOOM_THROWS(sampler.fit_resample(mixed, y), loom::DataError,
                    "SMOTE \"smote\": column \"colour\" is categorical, expected numeric features "
                    "(SMOTE interpolates numbers; use SMOTENC)");
  const Dataset missing({Column::numeric("a", {1, 2, NAN, 4, 5, 6})});
  CHECK_LOOM_THROWS(sampler.fit_resample(missing, y), loom::DataError,
                    "column \"a\" has a missing value (NaN) at row 2");
  sampler.set_param("k_neighbors", 2);
  CHECK_LOOM_THROWS(sampler.fit_resample(mixed.select({"a"}), y), loom::DataError,
                    "k_neighbors = 2 needs at least 3 rows to search, but class \"1\" offers 2");
  sampler.set_param("k_neighbors", 0);
  CHECK_LOOM_THROWS(sampler.fit_resample(mixed.select({"a"}), y), loom::ParameterError,
                    "parameter k_neighbors = 0 must be >= 1");
}

TEST_CASE("SMOTE in a pipeline spec shapes the fit only and survives a save and load",
          "[clean][resample][smote]") {
  const auto item = loom::test::sampler_cases("SMOTE").front();
  const auto data = loom::test::case_data(item);
  const loom::Json spec = {
      {"steps",
       {{{"name", "balance"}, {"type", "SMOTE"}, {"params", {{"random_state", 0}}}},
        {{"name", "scale"}, {"type", "StandardScaler"}}}}};
  auto pipeline = loom::pipeline::Pipeline::from_spec(spec);
  const loom::Table fitted = pipeline.fit_transform(data.x, &data.y);
  CHECK(fitted.n_rows() == item["y_res"].size());
  const loom::Table applied = pipeline.transform(data.x);
  CHECK(applied.n_rows() == data.x.n_rows());
  const auto reloaded = loom::pipeline::from_document(loom::pipeline::to_document(pipeline), "t");
  CHECK(reloaded.step("balance").get_params() == pipeline.step("balance").get_params());
  CHECK(reloaded.transform(data.x).to_dense("t") == applied.to_dense("t"));
}
