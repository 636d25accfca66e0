// loom cluster, k-means through fit / predict / evaluate, and loom rules (CLI.md).
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <map>

#include "cli_test_support.hpp"
#include "fixtures.hpp"
#include "loom/metrics/clustering.hpp"

using Catch::Matchers::Contains;
using loom::test::run_loom;
using loom::test::ScratchFolder;

namespace {

// The separated blobs of the k-means fixture as a CSV with a label column to ignore.
struct Blobs {
  Eigen::MatrixXd x;
  std::vector<int> sklearn_labels;
  double sklearn_inertia = 0.0;
};

Blobs write_blobs(const ScratchFolder& folder) {
  const auto fixture = loom::test::load_fixture("models_cluster/kmeans.json");
  const auto& cases = fixture["cases"];
  const auto& blobs = cases[cases.size() - 1];
  Blobs result{loom::test::to_matrix(blobs["x"]), blobs["labels"].get<std::vector<int>>(),
               blobs["kmeans_inertia"][0].get<double>()};
  std::string text = "a,b,c,label\n";
  for (Eigen::Index i = 0; i < result.x.rows(); ++i) {
    text += fmt::format("{:.17g},{:.17g},{:.17g},{}\n", result.x(i, 0), result.x(i, 1),
                        result.x(i, 2), i % 2 ? "odd" : "even");
  }
  loom::test::write_text(folder.file("blobs.csv"), text);
  loom::test::write_text(folder.file("kmeans.json"),
                         R"({"steps": [{"name": "km", "type": "KMeans",
                             "params": {"n_clusters": 4, "random_state": 0}}]})");
  return result;
}

std::vector<int> int_column(const std::string& csv_text, const std::string& header) {
  const auto rows = loom::test::parse_csv(csv_text);
  REQUIRE_FALSE(rows.empty());
  REQUIRE(rows[0] == std::vector<std::string>{header});
  std::vector<int> values;
  for (std::size_t r = 1; r < rows.size(); ++r)
    values.push_back(std::stoi(rows[r][0]));
  return values;
}

bool same_up_to_renumbering(const std::vector<int>& a, const std::vector<int>& b) {
  if (a.size() != b.size()) return false;
  std::map<int, int> forward, backward;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (forward.emplace(a[i], b[i]).first->second != b[i]) return false;
    if (backward.emplace(b[i], a[i]).first->second != a[i]) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("loom cluster writes scikit-learn's k-means clusters", "[cli][cluster]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  const Blobs blobs = write_blobs(folder);
  const auto result = run_loom(folder, {"cluster", "--spec", "kmeans.json", "--data", "blobs.csv",
                                        "--target", "label", "--out", "clusters.csv"});
  REQUIRE(result.exit_code == 0);
  const auto labels = int_column(loom::test::read_text(folder.file("clusters.csv")), "cluster");
  CHECK(same_up_to_renumbering(labels, blobs.sklearn_labels));

  SECTION("without --target the label column is a feature, and a categorical one is refused") {
    const auto refused = run_loom(
        folder, {"cluster", "--spec", "kmeans.json", "--data", "blobs.csv", "--out", "c2.csv"});
    CHECK(refused.exit_code == 1);
    CHECK_THAT(refused.err, Contains("label"));
    CHECK_FALSE(std::filesystem::exists(folder.file("c2.csv")));
  }
}

TEST_CASE("k-means through loom fit, predict and evaluate", "[cli][cluster]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  const Blobs blobs = write_blobs(folder);
  // The label column would be a categorical feature: predict on the numeric columns only.
  std::string features = "a,b,c\n";
  for (Eigen::Index i = 0; i < blobs.x.rows(); ++i)
    features +=
        fmt::format("{:.17g},{:.17g},{:.17g}\n", blobs.x(i, 0), blobs.x(i, 1), blobs.x(i, 2));
  loom::test::write_text(folder.file("features.csv"), features);
  const auto fit = run_loom(
      folder, {"fit", "--spec", "kmeans.json", "--data", "features.csv", "--model", "model.json"});
  REQUIRE(fit.exit_code == 0);
  const auto predict = run_loom(folder, {"predict", "--model", "model.json", "--data",
                                         "features.csv", "--out", "predictions.csv"});
  REQUIRE(predict.exit_code == 0);
  const auto labels =
      int_column(loom::test::read_text(folder.file("predictions.csv")), "prediction");
  CHECK(same_up_to_renumbering(labels, blobs.sklearn_labels));

  const auto evaluate =
      run_loom(folder, {"evaluate", "--model", "model.json", "--data", "features.csv"});
  REQUIRE(evaluate.exit_code == 0);
  const auto report = nlohmann::json::parse(evaluate.out);
  CHECK(report["inertia"].get<double>() == Approx(blobs.sklearn_inertia).epsilon(1e-9));
  CHECK(report["silhouette"].get<double>() ==
        Approx(loom::metrics::silhouette_score(blobs.x, labels)).epsilon(1e-12));

  SECTION("with --target, the adjusted Rand index against it too") {
    std::string with_truth = "a,b,c,truth\n";
    for (Eigen::Index i = 0; i < blobs.x.rows(); ++i) {
      with_truth += fmt::format("{:.17g},{:.17g},{:.17g},k{}\n", blobs.x(i, 0), blobs.x(i, 1),
                                blobs.x(i, 2), blobs.sklearn_labels[static_cast<std::size_t>(i)]);
    }
    loom::test::write_text(folder.file("truth.csv"), with_truth);
    const auto scored = run_loom(
        folder, {"evaluate", "--model", "model.json", "--data", "truth.csv", "--target", "truth"});
    REQUIRE(scored.exit_code == 0);
    CHECK(nlohmann::json::parse(scored.out)["adjusted_rand"].get<double>() == 1.0);
  }
  SECTION("--scoring does not apply to a clusterer") {
    const auto scored = run_loom(folder, {"evaluate", "--model", "model.json", "--data",
                                          "features.csv", "--scoring", "accuracy"});
    CHECK(scored.exit_code == 1);
    CHECK_THAT(scored.err, Contains("clusterer"));
  }
}

TEST_CASE("loom cluster refuses a spec that does not end with a clusterer", "[cli][cluster]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  write_blobs(folder);
  loom::test::write_text(folder.file("scaler.json"),
                         R"({"steps": [{"name": "scale", "type": "StandardScaler"}]})");
  const auto result = run_loom(folder, {"cluster", "--spec", "scaler.json", "--data", "blobs.csv",
                                        "--target", "label", "--out", "c.csv"});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Contains("must be a clusterer"));
  CHECK_THAT(result.err, Contains("StandardScaler \"scale\""));
  const auto missing = run_loom(folder, {"cluster", "--data", "blobs.csv", "--out", "c.csv"});
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Contains("--spec"));
}

TEST_CASE("loom rules mines the same rules from basket, long and one-hot files", "[cli][rules]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  loom::test::write_text(folder.file("baskets.csv"),
                         "milk,bread\nmilk,bread,tea\nmilk,tea\nbread,tea\nmilk,bread\n");
  loom::test::write_text(folder.file("long.csv"),
                         "order,product\n1,milk\n1,bread\n2,milk\n2,bread\n2,tea\n3,milk\n"
                         "3,tea\n4,bread\n4,tea\n5,milk\n5,bread\n");
  loom::test::write_text(folder.file("onehot.csv"),
                         "bread,milk,tea\n1,1,0\n1,1,1\n0,1,1\n1,0,1\n1,1,0\n");
  const auto basket =
      run_loom(folder, {"rules", "--data", "baskets.csv", "--format", "basket", "--min-support",
                        "0.4", "--min-confidence", "0.5", "--out", "basket.json"});
  REQUIRE(basket.exit_code == 0);
  const auto rules = nlohmann::json::parse(loom::test::read_text(folder.file("basket.json")));
  CHECK(rules["transactions"] == 5);
  // bread 4, milk 4, tea 3, {bread, milk} 3, {bread, tea} 2, {milk, tea} 2.
  REQUIRE(rules["itemsets"].size() == 6);
  CHECK(rules["itemsets"][0] ==
        nlohmann::json({{"items", {"bread"}}, {"count", 4}, {"support", 0.8}}));
  CHECK(rules["itemsets"][3]["items"] == nlohmann::json({"bread", "milk"}));
  CHECK(rules["itemsets"][3]["support"] == 0.6);
  // Lift: bread -> milk 0.75 / 0.8; bread -> tea 0.5 / 0.6; tea -> bread (2/3) / 0.8; ...
  REQUIRE(rules["rules"].size() == 6);
  const auto& first = rules["rules"][0];
  CHECK(first["antecedent"] == nlohmann::json({"bread"}));
  CHECK(first["consequent"] == nlohmann::json({"milk"}));
  CHECK(first["confidence"].get<double>() == Approx(0.75));
  CHECK(first["lift"].get<double>() == Approx(0.75 / 0.8));
  for (std::size_t r = 1; r < rules["rules"].size(); ++r) {
    CHECK(rules["rules"][r - 1]["lift"].get<double>() >= rules["rules"][r]["lift"].get<double>());
  }
  const auto from_long = run_loom(
      folder, {"rules", "--data", "long.csv", "--transaction", "order", "--item", "product",
               "--min-support", "0.4", "--min-confidence", "0.5", "--out", "long.json"});
  REQUIRE(from_long.exit_code == 0);
  CHECK(nlohmann::json::parse(loom::test::read_text(folder.file("long.json"))) == rules);
  const auto onehot = run_loom(folder, {"rules", "--data", "onehot.csv", "--min-support", "0.4",
                                        "--min-confidence", "0.5", "--out", "onehot.json"});
  REQUIRE(onehot.exit_code == 0);
  CHECK(nlohmann::json::parse(loom::test::read_text(folder.file("onehot.json"))) == rules);
  const auto longest = run_loom(folder, {"rules", "--data", "onehot.csv", "--min-support", "0.2",
                                         "--max-len", "1", "--out", "one.json"});
  REQUIRE(longest.exit_code == 0);
  const auto singles = nlohmann::json::parse(loom::test::read_text(folder.file("one.json")));
  CHECK(singles["itemsets"].size() == 3);
  CHECK(singles["rules"].empty());
}

TEST_CASE("loom rules reports bad flags and data", "[cli][rules][errors]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  loom::test::write_text(folder.file("onehot.csv"), "bread,milk\n1,1\n1,yes\n");
  const auto bad_cell = run_loom(
      folder, {"rules", "--data", "onehot.csv", "--min-support", "0.5", "--out", "r.json"});
  CHECK(bad_cell.exit_code == 1);
  CHECK_THAT(bad_cell.err, Contains("column \"milk\", data row 2"));
  CHECK_FALSE(std::filesystem::exists(folder.file("r.json")));
  const auto zero =
      run_loom(folder, {"rules", "--data", "onehot.csv", "--min-support", "0", "--out", "r.json"});
  CHECK(zero.exit_code == 1);
  CHECK_THAT(zero.err, Contains("min_support"));
  const auto word = run_loom(
      folder, {"rules", "--data", "onehot.csv", "--min-support", "half", "--out", "r.json"});
  CHECK(word.exit_code == 1);
  CHECK_THAT(word.err, Contains("--min-support must be a number"));
  const auto half_long = run_loom(folder, {"rules", "--data", "onehot.csv", "--transaction", "t",
                                           "--min-support", "0.5", "--out", "r.json"});
  CHECK(half_long.exit_code == 2);
  CHECK_THAT(half_long.err, Contains("--item"));
  const auto no_columns = run_loom(folder, {"rules", "--data", "onehot.csv", "--format", "long",
                                            "--min-support", "0.5", "--out", "r.json"});
  CHECK(no_columns.exit_code == 2);
  const auto unknown = run_loom(folder, {"rules", "--data", "onehot.csv", "--format", "wide",
                                         "--min-support", "0.5", "--out", "r.json"});
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Contains("basket, long or onehot"));
}

TEST_CASE("loom cluster writes DBSCAN's labels with -1 for noise", "[cli][cluster]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  const auto fixture = loom::test::load_fixture("models_cluster/dbscan.json");
  const auto& test_case = fixture["cases"][0];
  const Eigen::MatrixXd x = loom::test::to_matrix(test_case["x"]);
  std::string text = "u,v\n";
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    text += fmt::format("{:.17g},{:.17g}\n", x(i, 0), x(i, 1));
  loom::test::write_text(folder.file("moons.csv"), text);
  loom::test::write_text(folder.file("dbscan.json"),
                         fmt::format(R"({{"steps": [{{"name": "db", "type": "DBSCAN", "params":
                                        {{"eps": {}, "min_samples": {}}}}}]}})",
                                     test_case["eps"].dump(), test_case["min_samples"].dump()));
  const auto result = run_loom(
      folder, {"cluster", "--spec", "dbscan.json", "--data", "moons.csv", "--out", "out.csv"});
  REQUIRE(result.exit_code == 0);
  const auto labels = int_column(loom::test::read_text(folder.file("out.csv")), "cluster");
  CHECK(labels == test_case["labels"].get<std::vector<int>>());
  CHECK(std::count(labels.begin(), labels.end(), -1) > 0);
}
