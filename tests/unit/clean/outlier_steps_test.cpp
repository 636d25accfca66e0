// The pipeline steps built on the detectors: OutlierRemover (drops flagged rows while
// fitting only) and Winsorizer (clips at quantiles fitted with numpy's nanquantile).
#include <catch2/catch.hpp>
#include <cmath>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "loom/clean/outlier_remover.hpp"
#include "loom/clean/winsorizer.hpp"
#include "loom/clean/zscore_detector.hpp"
#include "loom/core/registry.hpp"
#include "loom/pipeline/pipeline.hpp"
#include "loom/pipeline/serialization.hpp"

using loom::Column;
using loom::Dataset;
using loom::Json;
using loom::clean::OutlierRemover;
using loom::clean::Winsorizer;

namespace {

Dataset numeric_dataset(const Eigen::MatrixXd& x) {
  std::vector<Column> columns;
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    columns.push_back(Column::numeric("x" + std::to_string(j),
                                      std::vector<double>(x.col(j).begin(), x.col(j).end())));
  }
  return Dataset(std::move(columns));
}

Eigen::MatrixXd synthetic() {
  const auto fixture = loom::test::load_fixture("clean_outliers/outliers.json");
  return loom::test::to_matrix(fixture["datasets"]["synthetic"]);
}

}  // namespace

TEST_CASE("OutlierRemover drops the rows its detector flags, and only while fitting",
          "[clean][outlier_remover]") {
  const Eigen::MatrixXd x = synthetic();
  Dataset data = numeric_dataset(x);
  std::vector<std::string> city(static_cast<std::size_t>(x.rows()), "Oslo");
  std::vector<std::optional<std::string>> cities(city.begin(), city.end());
  data.add_column(Column::categorical_from_values("city", cities));
  std::vector<double> target(static_cast<std::size_t>(x.rows()));
  for (std::size_t i = 0; i < target.size(); ++i)
    target[i] = static_cast<double>(i);
  const Column y = Column::numeric("y", target);

  loom::clean::ZScoreDetector reference({.threshold = 2.5});
  const Eigen::VectorXi labels = reference.fit_predict(x);
  std::vector<std::size_t> expected_outliers;
  for (Eigen::Index i = 0; i < labels.size(); ++i) {
    if (labels(i) == -1) expected_outliers.push_back(static_cast<std::size_t>(i));
  }
  REQUIRE(!expected_outliers.empty());

  OutlierRemover remover("zscore", {{"threshold", 2.5}});
  const auto [kept, kept_y] = remover.fit_resample(data, y);
  CHECK(remover.outlier_rows() == expected_outliers);
  CHECK(kept.n_rows() == data.n_rows() - expected_outliers.size());
  CHECK(kept.dataset().column("city").value_string(0) == "Oslo");
  // The labels follow their rows.
  for (std::size_t i = 0; i < kept_y.size(); ++i) {
    const double row = kept_y.numeric_values()[i];
    CHECK(kept.dataset().column("x1").numeric_values()[i] == x(static_cast<Eigen::Index>(row), 1));
  }

  SECTION("params: method plus the detector's own, in any order, from a JSON spec") {
    const Json spec = {{"name", "outliers"},
                       {"type", "OutlierRemover"},
                       {"params", {{"threshold", 2.5}, {"method", "zscore"}}}};
    auto step = loom::make_step(spec);
    CHECK(step->get_params() == Json({{"method", "zscore"}, {"threshold", 2.5}}));
    auto& from_spec = static_cast<OutlierRemover&>(*step);
    from_spec.fit_resample(data, y);
    CHECK(from_spec.outlier_rows() == expected_outliers);
    CHECK(OutlierRemover().get_params()["n_estimators"] == 100);
  }
  SECTION("inside a pipeline: fit drops rows, transform keeps every row") {
    loom::pipeline::Pipeline pipeline;
    pipeline.add("outliers", std::make_unique<OutlierRemover>("zscore", Json{{"threshold", 2.5}}));
    pipeline.add<Winsorizer>("clip", {.lower = 0.0, .upper = 1.0});
    pipeline.fit(data.drop({"city"}), &y);
    const auto& clip = static_cast<const Winsorizer&>(pipeline.step("clip"));
    // Bounds fitted on the kept rows only.
    double kept_max = -INFINITY;
    for (std::size_t i = 0; i < kept.n_rows(); ++i)
      kept_max = std::max(kept_max, kept.dataset().column("x0").numeric_values()[i]);
    CHECK(clip.upper_bounds()(0) == kept_max);
    CHECK(pipeline.transform_features(data.drop({"city"})).n_rows() == data.n_rows());
  }
}

TEST_CASE("OutlierRemover names the culprit of bad parameters and input",
          "[clean][outlier_remover][errors]") {
  const Column y = Column::numeric("y", {0, 1, 0});
  OutlierRemover remover;
  remover.set_name("outliers");
  SECTION("unknown method") {
    remover.set_param("method", "svm");
    CHECK_LOOM_THROWS(remover.validate_params(), loom::ParameterError,
                      "OutlierRemover \"outliers\": unknown outlier detection method \"svm\"");
    CHECK_LOOM_THROWS(remover.set_param("method", 3), loom::ParameterError,
                      "parameter method = 3 must be a string");
  }
  SECTION("a parameter the method does not have") {
    remover.set_param("method", "iqr");
    remover.set_param("threshold", 2);
    CHECK_LOOM_THROWS(remover.validate_params(), loom::ParameterError,
                      "OutlierRemover \"outliers\": iqr: unknown parameter \"threshold\"");
  }
  SECTION("an out-of-range parameter") {
    remover.set_param("contamination", 0.9);
    CHECK_LOOM_THROWS(remover.validate_params(), loom::ParameterError,
                      "parameter contamination = 0.9");
  }
  SECTION("no numeric column, or NaN in one") {
    const Dataset strings({Column::categorical_from_values("city", {"a", "b", "c"})});
    CHECK_LOOM_THROWS(remover.fit_resample(strings, y), loom::DataError,
                      "OutlierRemover \"outliers\": the input has no numeric column");
    const Dataset holes({Column::numeric("age", {1, std::nan(""), 3})});
    CHECK_LOOM_THROWS(remover.fit_resample(holes, y), loom::DataError,
                      "column \"age\" has a missing value (NaN) at row 1");
  }
}

TEST_CASE("Winsorizer clips at numpy's nanquantile bounds and keeps NaN", "[clean][winsorizer]") {
  const auto fixture = loom::test::load_fixture("clean_outliers/winsorizer.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      Winsorizer winsorizer;
      winsorizer.set_params(test_case["params"]);
      const Dataset x = numeric_dataset(loom::test::to_matrix(test_case["X"]));
      const Dataset x_new = numeric_dataset(loom::test::to_matrix(test_case["X_new"]));
      const auto transformed = winsorizer.fit_transform(x, nullptr);
      CHECK(loom::test::all_close(
          winsorizer.lower_bounds(),
          loom::test::to_matrix(Json::array({test_case["lower_bounds"]})).transpose(), 1e-12));
      CHECK(loom::test::all_close(
          winsorizer.upper_bounds(),
          loom::test::to_matrix(Json::array({test_case["upper_bounds"]})).transpose(), 1e-12));
      CHECK(loom::test::all_close(transformed.dataset().to_matrix(),
                                  loom::test::to_matrix(test_case["transformed"]), 1e-12));
      CHECK(loom::test::all_close(winsorizer.transform(x_new).dataset().to_matrix(),
                                  loom::test::to_matrix(test_case["transformed_new"]), 1e-12));
      // A dense FeatureMatrix gives the same values.
      const loom::FeatureMatrix matrix(loom::test::to_matrix(test_case["X_new"]), x.column_names());
      CHECK(loom::test::all_close(winsorizer.transform(matrix).matrix().dense(),
                                  loom::test::to_matrix(test_case["transformed_new"]), 1e-12));
    }
  }
}

TEST_CASE("Winsorizer passes non-numeric columns through and round-trips its state",
          "[clean][winsorizer]") {
  const Dataset data({Column::numeric("age", {1, 2, 3, 4, 100}),
                      Column::categorical_from_values("city", {"a", "b", "a", "b", "c"}),
                      Column::numeric("empty", {NAN, NAN, NAN, NAN, NAN})});
  loom::pipeline::Pipeline pipeline;
  pipeline.add<Winsorizer>("clip", {.lower = 0.0, .upper = 0.75});
  pipeline.fit(data, nullptr);
  const Dataset out = pipeline.transform_features(data).dataset();
  CHECK(out.column("age").numeric_values()[4] == 4.0);
  CHECK(out.column("city").value_string(4) == "c");
  CHECK(std::isnan(out.column("empty").numeric_values()[0]));

  const Json document = loom::pipeline::to_document(pipeline);
  const auto loaded = loom::pipeline::from_document(document, "memory");
  const Dataset again = loaded.transform_features(data).dataset();
  CHECK(again.column("age").numeric_values()[4] == 4.0);
  CHECK(again.column("age").numeric_values()[0] == 1.0);
}

TEST_CASE("Winsorizer names the culprit of bad parameters and input",
          "[clean][winsorizer][errors]") {
  const Dataset data({Column::numeric("age", {1, 2, 3})});
  Winsorizer reversed({.lower = 0.9, .upper = 0.1});
  reversed.set_name("clip");
  CHECK_LOOM_THROWS(reversed.fit(data), loom::ParameterError,
                    "Winsorizer \"clip\": parameter lower = 0.9 must be < upper = 0.1");
  Winsorizer out_of_range({.upper = 1.5});
  CHECK_LOOM_THROWS(out_of_range.fit(data), loom::ParameterError,
                    "parameter upper = 1.5 must be in [0, 1]");
  Winsorizer unfitted;
  CHECK_LOOM_THROWS(unfitted.transform(data), loom::NotFittedError, "Winsorizer");
  Winsorizer fitted;
  fitted.fit(data);
  CHECK_LOOM_THROWS(fitted.transform(Dataset({Column::numeric("height", {1.0})})),
                    loom::SchemaError, "height");
}
