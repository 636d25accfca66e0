#include "loom/models/cluster/mini_batch_kmeans.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "check_throws.hpp"
#include "cluster_test_support.hpp"

using loom::models::MiniBatchKMeans;
using loom::test::cluster_table;

TEST_CASE("MiniBatchKMeans inertia is within a few % of scikit-learn's",
          "[models][cluster][mini_batch_kmeans]") {
  const auto fixture = loom::test::load_fixture("models_cluster/kmeans.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    const std::string name =
        test_case["name"].get<std::string>() + " k=" + test_case["n_clusters"].dump();
    DYNAMIC_SECTION(name) {
      const Eigen::MatrixXd x = loom::test::to_matrix(test_case["x"]);
      const int k = test_case["n_clusters"].get<int>();
      const int batch_size = test_case["name"] == "blobs" ? 32 : 64;
      std::vector<double> inertias;
      for (int seed = 0; seed < 5; ++seed) {
        MiniBatchKMeans model({.n_clusters = k, .batch_size = batch_size, .random_state = seed});
        model.fit(cluster_table(x), nullptr);
        inertias.push_back(model.inertia());
        CHECK(model.labels().size() == static_cast<std::size_t>(x.rows()));
        CHECK(model.n_steps() >= 1);
      }
      const double expected =
          loom::test::mean(loom::test::to_vector(test_case["minibatch_inertia"]));
      CHECK(loom::test::mean(inertias) <= expected * 1.03);
    }
  }
}

TEST_CASE("MiniBatchKMeans labels, predict and saved state agree",
          "[models][cluster][mini_batch_kmeans]") {
  const auto fixture = loom::test::load_fixture("models_cluster/kmeans.json");
  const auto& cases = fixture["cases"];
  const auto& blobs = cases[cases.size() - 1];
  const Eigen::MatrixXd x = loom::test::to_matrix(blobs["x"]);
  MiniBatchKMeans model({.n_clusters = 4, .batch_size = 32, .random_state = 3, .tol = 1e-3});
  const std::vector<int> labels = model.fit_predict(cluster_table(x));
  CHECK(loom::test::same_up_to_renumbering(labels, loom::test::to_ints(blobs["labels"])));
  const loom::Column predicted = model.predict(cluster_table(x));
  CHECK(std::vector<double>(predicted.numeric_values().begin(), predicted.numeric_values().end()) ==
        std::vector<double>(labels.begin(), labels.end()));
  const Eigen::MatrixXd distances = model.transform(cluster_table(x));
  double inertia = 0.0;
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    inertia += std::pow(distances(i, labels[static_cast<std::size_t>(i)]), 2);
  CHECK(inertia == Approx(model.inertia()).epsilon(1e-10));

  MiniBatchKMeans loaded;
  loaded.load_fitted_state(nlohmann::json::parse(model.fitted_state().dump()));
  CHECK(loaded.cluster_centers() == model.cluster_centers());
  CHECK(loaded.labels() == model.labels());

  MiniBatchKMeans unlabelled(
      {.n_clusters = 4, .batch_size = 32, .compute_labels = false, .random_state = 3});
  CHECK(unlabelled.fit_predict(cluster_table(x)).size() == static_cast<std::size_t>(x.rows()));
  CHECK(unlabelled.labels().empty());
}

TEST_CASE("MiniBatchKMeans rejects bad parameters and input",
          "[models][cluster][mini_batch_kmeans]") {
  Eigen::MatrixXd x(4, 2);
  x << 0, 1, 2, 3, 4, 5, 6, 7;
  for (const auto& [name, value] :
       std::vector<std::pair<std::string, nlohmann::json>>{{"batch_size", 0},
                                                           {"init_size", 0},
                                                           {"max_no_improvement", -1},
                                                           {"reassignment_ratio", -0.5},
                                                           {"n_init", "sometimes"}}) {
    MiniBatchKMeans bad({.n_clusters = 2});
    bad.set_name("mbk");
    bad.set_param(name, value);
    CHECK_LOOM_THROWS(bad.fit(cluster_table(x), nullptr), loom::ParameterError,
                      "MiniBatchKMeans \"mbk\": parameter " + name);
  }
  MiniBatchKMeans model({.n_clusters = 6});
  CHECK_LOOM_THROWS(model.fit(cluster_table(x), nullptr), loom::DataError, "n_clusters = 6");
  CHECK_LOOM_THROWS(model.transform(cluster_table(x)), loom::NotFittedError, "transform");
}
