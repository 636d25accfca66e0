#include "loom/models/cluster/kmeans.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

#include "check_throws.hpp"
#include "cluster_test_support.hpp"
#include "loom/io/csv.hpp"
#include "loom/models/cluster/detail/kmeans_core.hpp"

using loom::models::KMeans;
using loom::test::cluster_table;

namespace {
double mean_inertia(const Eigen::MatrixXd& x, int k, const std::string& init, int n_seeds) {
  std::vector<double> inertias;
  for (int seed = 0; seed < n_seeds; ++seed) {
    KMeans model({.n_clusters = k, .init = init, .random_state = seed});
    model.fit(cluster_table(x), nullptr);
    inertias.push_back(model.inertia());
  }
  return loom::test::mean(inertias);
}
}  // namespace

TEST_CASE("KMeans inertia is within 1% of scikit-learn's on iris and scaled wine",
          "[models][cluster][kmeans]") {
  const auto fixture = loom::test::load_fixture("models_cluster/kmeans.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    if (!test_case.contains("kmeans_random_inertia")) continue;
    const std::string name =
        test_case["name"].get<std::string>() + " k=" + test_case["n_clusters"].dump();
    DYNAMIC_SECTION(name) {
      const Eigen::MatrixXd x = loom::test::to_matrix(test_case["x"]);
      const int k = test_case["n_clusters"].get<int>();
      const double expected = loom::test::mean(loom::test::to_vector(test_case["kmeans_inertia"]));
      const double expected_random =
          loom::test::mean(loom::test::to_vector(test_case["kmeans_random_inertia"]));
      CHECK(mean_inertia(x, k, "k-means++", 5) <= expected * 1.01);
      CHECK(mean_inertia(x, k, "k-means++", 5) >= expected * 0.99);
      CHECK(std::abs(mean_inertia(x, k, "random", 5) / expected_random - 1.0) <= 0.01);
    }
  }
}

TEST_CASE("KMeans finds scikit-learn's clusters on separated blobs", "[models][cluster][kmeans]") {
  const auto fixture = loom::test::load_fixture("models_cluster/kmeans.json");
  const auto& cases = fixture["cases"];
  const auto& blobs = cases[cases.size() - 1];
  REQUIRE(blobs["name"] == "blobs");
  const Eigen::MatrixXd x = loom::test::to_matrix(blobs["x"]);
  const std::vector<int> expected = loom::test::to_ints(blobs["labels"]);
  const Eigen::MatrixXd expected_centers = loom::test::to_matrix(blobs["cluster_centers"]);
  for (int seed : {0, 1, 2}) {
    KMeans model({.n_clusters = 4, .random_state = seed});
    const std::vector<int> labels = model.fit_predict(cluster_table(x));
    CHECK(loom::test::same_up_to_renumbering(labels, expected));
    CHECK(model.inertia() == Approx(blobs["kmeans_inertia"][0].get<double>()).epsilon(1e-10));
    // The same fixed point: each centre equals scikit-learn's centre of the same rows.
    for (std::size_t i = 0; i < labels.size(); ++i) {
      const auto ours = model.cluster_centers().row(labels[i]);
      const auto theirs = expected_centers.row(expected[i]);
      REQUIRE(loom::test::all_close(ours, theirs, 1e-10));
    }
    CHECK(model.n_iter() >= 1);
  }
}

TEST_CASE("KMeans predict, transform and score agree with the fit", "[models][cluster][kmeans]") {
  const auto fixture = loom::test::load_fixture("models_cluster/kmeans.json");
  const Eigen::MatrixXd x = loom::test::to_matrix(fixture["cases"][0]["x"]);
  KMeans model({.n_clusters = 3, .n_init = "auto", .random_state = 42});
  model.fit(cluster_table(x), nullptr);
  const loom::Column predicted = model.predict(cluster_table(x));
  const Eigen::MatrixXd distances = model.transform(cluster_table(x));
  REQUIRE(distances.rows() == x.rows());
  REQUIRE(distances.cols() == 3);
  double inertia = 0.0;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const int label = model.labels()[static_cast<std::size_t>(i)];
    CHECK(predicted.numeric_values()[static_cast<std::size_t>(i)] == label);
    Eigen::Index nearest = 0;
    distances.row(i).minCoeff(&nearest);
    CHECK(nearest == label);
    CHECK(distances(i, label) ==
          Approx((x.row(i) - model.cluster_centers().row(label)).norm()).epsilon(1e-12));
    inertia += distances(i, label) * distances(i, label);
  }
  CHECK(model.score(cluster_table(x)) == Approx(-model.inertia()).epsilon(1e-10));
  CHECK(inertia == Approx(model.inertia()).epsilon(1e-10));
}

TEST_CASE("KMeans is reproducible with random_state and round-trips its fitted state",
          "[models][cluster][kmeans]") {
  const auto fixture = loom::test::load_fixture("models_cluster/kmeans.json");
  const Eigen::MatrixXd x = loom::test::to_matrix(fixture["cases"][2]["x"]);
  KMeans first({.n_clusters = 6, .n_init = 3, .random_state = 7});
  KMeans second({.n_clusters = 6, .n_init = 3, .random_state = 7});
  first.fit(cluster_table(x), nullptr);
  second.fit(cluster_table(x), nullptr);
  CHECK(first.labels() == second.labels());
  CHECK(first.inertia() == second.inertia());

  KMeans loaded({.n_clusters = 6});
  loaded.load_fitted_state(nlohmann::json::parse(first.fitted_state().dump()));
  CHECK(loaded.cluster_centers() == first.cluster_centers());
  CHECK(loaded.labels() == first.labels());
  CHECK(loaded.inertia() == first.inertia());
  const loom::Column loaded_prediction = loaded.predict(cluster_table(x));
  const loom::Column first_prediction = first.predict(cluster_table(x));
  CHECK(std::vector<double>(loaded_prediction.numeric_values().begin(),
                            loaded_prediction.numeric_values().end()) ==
        std::vector<double>(first_prediction.numeric_values().begin(),
                            first_prediction.numeric_values().end()));

  auto corrupt = first.fitted_state();
  corrupt["labels"][0] = 6;
  CHECK_LOOM_THROWS(loaded.load_fitted_state(corrupt), loom::ParseError, "labels");
  corrupt = first.fitted_state();
  corrupt["cluster_centers"][0].erase(0);
  CHECK_LOOM_THROWS(loaded.load_fitted_state(corrupt), loom::ParseError, "cluster_centers");
}

TEST_CASE("KMeans relocates empty clusters to the farthest rows", "[models][cluster][kmeans]") {
  // Random seeds often pick two equal rows; the empty cluster then takes the outlier.
  Eigen::MatrixXd x(11, 1);
  x << 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 10;
  for (int seed = 0; seed < 20; ++seed) {
    KMeans model({.n_clusters = 3, .init = "random", .n_init = 1, .random_state = seed});
    model.fit(cluster_table(x), nullptr);
    CHECK(model.inertia() == 0.0);
  }
}

TEST_CASE("KMeans tolerance is tol times the mean feature variance, as scikit-learn",
          "[models][cluster][kmeans]") {
  const auto fixture = loom::test::load_fixture("models_cluster/kmeans.json");
  for (const auto& test_case : fixture["cases"]) {
    const loom::models::detail::RowMatrix x = loom::test::to_matrix(test_case["x"]);
    CHECK(loom::models::detail::kmeans_tolerance(x, 1e-4) ==
          Approx(test_case["tolerance"].get<double>()).epsilon(1e-12));
  }
}

TEST_CASE("KMeans rejects bad parameters and input, naming them", "[models][cluster][kmeans]") {
  Eigen::MatrixXd x(4, 2);
  x << 0, 1, 2, 3, 4, 5, 6, 7;
  KMeans model({.n_clusters = 0});
  model.set_name("km");
  CHECK_LOOM_THROWS(model.fit(cluster_table(x), nullptr), loom::ParameterError, "n_clusters");
  for (const auto& [name, value] :
       std::vector<std::pair<std::string, nlohmann::json>>{{"n_init", "many"},
                                                           {"n_init", 0},
                                                           {"init", "kmeans"},
                                                           {"algorithm", "elkan"},
                                                           {"tol", -1.0},
                                                           {"max_iter", 0}}) {
    KMeans bad({.n_clusters = 2});
    bad.set_name("km");
    bad.set_param(name, value);
    CHECK_LOOM_THROWS(bad.fit(cluster_table(x), nullptr), loom::ParameterError,
                      "KMeans \"km\": parameter " + name);
  }
  CHECK_LOOM_THROWS(model.set_param("max_iter", "many"), loom::ParameterError, "max_iter");
  CHECK_LOOM_THROWS(model.predict(cluster_table(x)), loom::NotFittedError, "predict");
  model.set_param("n_clusters", 5);
  CHECK_LOOM_THROWS(model.fit(cluster_table(x), nullptr), loom::DataError, "n_clusters = 5");
  model.set_param("n_clusters", 2);
  Eigen::MatrixXd with_nan = x;
  with_nan(2, 1) = std::nan("");
  CHECK_LOOM_THROWS(model.fit(cluster_table(with_nan), nullptr), loom::DataError, "x1");
  model.fit(cluster_table(x), nullptr);
  loom::FeatureMatrix renamed(x, {"a", "b"});
  CHECK_LOOM_THROWS(model.predict(renamed), loom::SchemaError, "x0");
}

TEST_CASE("KMeans inertia is within 1% of scikit-learn's on the red wine table",
          "[models][cluster][kmeans][shared]") {
  const auto fixture = loom::test::load_fixture("models_cluster/kmeans_shared.json");
  const std::string path = std::string(LOOM_SHARED_DATA_DIR) + "/wine_quality_red.csv";
  if (fixture["cases"].empty() || !std::filesystem::exists(path)) {
    WARN("shared data not available: skipped");
    return;
  }
  loom::io::CsvOptions options;
  options.delimiter = ';';
  loom::Dataset data = loom::io::read_csv(path, options);
  data = data.split_target("quality").first;
  Eigen::MatrixXd x = loom::Table(data).to_dense("test");
  const Eigen::RowVectorXd mean = x.colwise().mean();
  x.rowwise() -= mean;
  const Eigen::RowVectorXd scale =
      (x.colwise().squaredNorm() / static_cast<double>(x.rows())).cwiseSqrt();
  x = x.array().rowwise() / scale.array();
  const auto& expected = fixture["cases"][0];
  const double sklearn = loom::test::mean(loom::test::to_vector(expected["kmeans_inertia"]));
  CHECK(std::abs(mean_inertia(x, 8, "k-means++", 3) / sklearn - 1.0) <= 0.01);
}
