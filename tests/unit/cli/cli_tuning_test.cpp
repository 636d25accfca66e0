// loom cv, search and compare end to end, against scikit-learn 1.2's cross_val_score,
// GridSearchCV and RandomizedSearchCV on the same folds (tests/reference/make_tuning.py).
#include <catch2/catch.hpp>

#include "cli_test_support.hpp"
#include "fixtures.hpp"
#include "loom/pipeline/serialization.hpp"

using loom::test::run_loom;
using loom::test::ScratchFolder;
using nlohmann::json;

namespace {

json tuning_fixture() {
  return loom::test::load_fixture("tuning/cv.json");
}

// The fixture's features and multiclass labels as a CSV file (x0..x3, label).
void write_data(const ScratchFolder& folder, const json& fixture) {
  const json& data = fixture["cases"][0];
  std::string text = "x0,x1,x2,x3,label\n";
  for (std::size_t i = 0; i < data["X"].size(); ++i) {
    for (const auto& value : data["X"][i])
      text += fmt::format("{:.17g},", value.get<double>());
    text += data["multiclass"][i].get<std::string>() + "\n";
  }
  loom::test::write_text(folder.file("data.csv"), text);
}

void write_spec(const ScratchFolder& folder, const std::string& name, const json& spec) {
  loom::test::write_text(folder.file(name), spec.dump());
}

const json* find_case(const json& cases, const std::string& kind, const std::string& scoring,
                      int cv) {
  for (const auto& item : cases) {
    if (item["kind"] == kind && item.value("target", "") == "multiclass" &&
        item["scoring"] == scoring && item["cv"] == cv)
      return &item;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("loom cv prints cross_val_score's folds and scores", "[cli][cv]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  const json fixture = tuning_fixture();
  write_data(folder, fixture);
  const json& cases = fixture["cases"];
  int checked = 0;
  for (const auto& item : cases) {
    if (item["kind"] != "cross_val_score" || item["target"] != "multiclass") continue;
    INFO(item["scoring"] << " cv=" << item["cv"] << " shuffle=" << item["shuffle"]);
    write_spec(folder, "spec.json", item["spec"]);
    std::vector<std::string> args = {"cv",     "--spec",   "spec.json",
                                     "--data", "data.csv", "--target",
                                     "label",  "--cv",     std::to_string(item["cv"].get<int>()),
                                     "--quiet"};
    if (item["scoring"] != "accuracy") {
      args.push_back("--scoring");
      args.push_back(item["scoring"]);
    }
    if (item["shuffle"].get<bool>()) {
      args.insert(args.end(), {"--shuffle", "--seed", std::to_string(item["seed"].get<int>())});
    }
    const auto result = run_loom(folder, args);
    REQUIRE(result.exit_code == 0);
    const json out = json::parse(result.out);
    CHECK(out["scoring"] == item["scoring"]);
    const auto expected = item["scores"].get<std::vector<double>>();
    REQUIRE(out["scores"].size() == expected.size());
    double mean = 0.0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      CHECK(loom::test::near(out["scores"][i].get<double>(), expected[i], 1e-6));
      mean += expected[i] / static_cast<double>(expected.size());
    }
    CHECK(loom::test::near(out["mean"].get<double>(), mean, 1e-6));
    CHECK(out["std"].get<double>() >= 0.0);
    ++checked;
  }
  CHECK(checked == 4);
}

TEST_CASE("loom search writes GridSearchCV's scores and ranks and saves the best model",
          "[cli][search]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  const json fixture = tuning_fixture();
  write_data(folder, fixture);
  const json* item = find_case(fixture["cases"], "grid_search", "neg_log_loss", 5);
  REQUIRE(item);
  write_spec(folder, "spec.json", (*item)["spec"]);
  write_spec(folder, "grid.json", (*item)["grid"]);
  const auto result =
      run_loom(folder, {"search", "--spec", "spec.json", "--grid", "grid.json", "--data",
                        "data.csv", "--target", "label", "--scoring", "neg_log_loss", "--out",
                        "results.json", "--model", "best.json", "--n-jobs", "2", "--quiet"});
  REQUIRE(result.exit_code == 0);
  const json out = json::parse(loom::test::read_text(folder.file("results.json")));
  REQUIRE(out["results"].size() == (*item)["params"].size());
  for (std::size_t i = 0; i < out["results"].size(); ++i) {
    const json& row = out["results"][i];
    CHECK(row["params"]["model.C"].get<double>() == (*item)["params"][i]["model.C"].get<double>());
    CHECK(
        loom::test::near(row["mean_score"].get<double>(), (*item)["mean"][i].get<double>(), 1e-6));
    CHECK(loom::test::near(row["std_score"].get<double>(), (*item)["std"][i].get<double>(), 1e-5));
    CHECK(row["rank"] == (*item)["rank"][i]);
    CHECK(row["fit_time"].get<double>() >= 0.0);
  }
  CHECK(out["best_params"]["model.C"].get<double>() ==
        (*item)["best_params"]["model.C"].get<double>());
  CHECK(
      loom::test::near(out["best_score"].get<double>(), (*item)["best_score"].get<double>(), 1e-6));
  const auto best = loom::pipeline::load(folder.file("best.json"));
  CHECK(best.is_fitted());
  CHECK(best.get_param("model.C").get<double>() == (*item)["best_params"]["model.C"].get<double>());
  const auto predicted = run_loom(
      folder, {"predict", "--model", "best.json", "--data", "data.csv", "--out", "pred.csv"});
  CHECK(predicted.exit_code == 0);
}

TEST_CASE("loom search --random draws RandomizedSearchCV's candidates", "[cli][search]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  const json fixture = tuning_fixture();
  write_data(folder, fixture);
  const json* item = find_case(fixture["cases"], "random_search", "accuracy", 3);
  REQUIRE(item);
  write_spec(folder, "spec.json", (*item)["spec"]);
  write_spec(folder, "grid.json", (*item)["distributions"]);
  const auto result =
      run_loom(folder, {"search", "--spec", "spec.json", "--grid", "grid.json", "--data",
                        "data.csv", "--target", "label", "--cv", "3", "--random", "6", "--seed",
                        "5", "--out", "results.csv", "--quiet"});
  REQUIRE(result.exit_code == 0);
  const auto rows = loom::test::parse_csv(loom::test::read_text(folder.file("results.csv")));
  REQUIRE(rows.size() == 7);
  CHECK(rows[0] == std::vector<std::string>{"param_model.C", "mean_score", "std_score", "rank",
                                            "fit_time", "score_time"});
  for (std::size_t i = 1; i < rows.size(); ++i) {
    CHECK(loom::test::parse_double(rows[i][0]) ==
          Approx((*item)["params"][i - 1]["model.C"].get<double>()).epsilon(1e-14));
    CHECK(loom::test::near(loom::test::parse_double(rows[i][1]),
                           (*item)["mean"][i - 1].get<double>(), 1e-9));
    CHECK(rows[i][3] == std::to_string((*item)["rank"][i - 1].get<int>()));
  }
}

TEST_CASE("loom compare ranks specs by mean score on the same folds", "[cli][compare]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  const json fixture = tuning_fixture();
  write_data(folder, fixture);
  const json* item = find_case(fixture["cases"], "grid_search", "neg_log_loss", 5);
  REQUIRE(item);
  // Candidates 0 (C = 0.001) and 6 (C = 1) of the grid, with_mean true: a weak and a strong one.
  json weak = (*item)["spec"];
  weak["steps"][1]["params"]["C"] = 0.001;
  json strong = (*item)["spec"];
  strong["steps"][1]["params"]["C"] = 1.0;
  write_spec(folder, "weak.json", weak);
  write_spec(folder, "strong.json", strong);
  const auto result =
      run_loom(folder, {"compare", "--specs", "weak.json", "strong.json", "--data", "data.csv",
                        "--target", "label", "--scoring", "neg_log_loss", "--quiet"});
  REQUIRE(result.exit_code == 0);
  const json out = json::parse(result.out);
  REQUIRE(out.size() == 2);
  CHECK(out[0]["spec"] == "strong.json");
  CHECK(out[1]["spec"] == "weak.json");
  CHECK(
      loom::test::near(out[0]["mean_score"].get<double>(), (*item)["mean"][6].get<double>(), 1e-6));
  CHECK(
      loom::test::near(out[1]["mean_score"].get<double>(), (*item)["mean"][0].get<double>(), 1e-6));
  CHECK(loom::test::near(out[1]["std_score"].get<double>(), (*item)["std"][0].get<double>(), 1e-5));
}

TEST_CASE("loom cv, search and compare report usage and spec errors with the CLI's exit codes",
          "[cli][cv][search][compare]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  const json fixture = tuning_fixture();
  write_data(folder, fixture);
  const json* item = find_case(fixture["cases"], "grid_search", "accuracy", 5);
  REQUIRE(item);
  write_spec(folder, "spec.json", (*item)["spec"]);
  loom::test::write_text(folder.file("grid.json"), R"({"clf.C": [1, 2]})");
  loom::test::write_text(folder.file("bad_dist.json"), R"({"model.C": {"gamma": [1, 2]}})");

  auto check = [&](std::vector<std::string> args, int code, const std::string& message) {
    const auto result = run_loom(folder, args);
    INFO(result.err);
    CHECK(result.exit_code == code);
    CHECK(result.err.find(message) != std::string::npos);
    CHECK(result.out.empty());
  };
  check({"cv", "--data", "data.csv", "--target", "label"}, 2, "missing required flag --spec");
  check(
      {"cv", "--spec", "spec.json", "--data", "data.csv", "--target", "label", "--scoring", "nope"},
      2, "unknown scorer \"nope\"");
  check({"cv", "--spec", "spec.json", "--data", "data.csv", "--target", "label", "--cv", "x"}, 2,
        "--cv takes a whole number");
  check({"cv", "--spec", "spec.json", "--data", "data.csv", "--target", "label", "--cv", "1"}, 1,
        "--cv = 1 must be at least 2");
  check({"cv", "--spec", "spec.json", "--data", "data.csv"}, 1, "pass --target COLUMN");
  check({"cv", "--spec", "spec.json", "--data", "data.csv", "--target", "nope"}, 1,
        "target column \"nope\" is not in the data");
  check({"cv", "--spec", "spec.json", "--data", "data.csv", "--target", "label", "--scoring", "r2"},
        1, "scorer \"r2\" is for regressors");
  check({"search", "--spec", "spec.json", "--grid", "grid.json", "--data", "data.csv", "--target",
         "label", "--out", "r.json"},
        1, "no step named \"clf\"");
  check({"search", "--spec", "spec.json", "--grid", "bad_dist.json", "--data", "data.csv",
         "--target", "label", "--random", "3", "--out", "r.json"},
        1, "unknown distribution \"gamma\"");
  check({"search", "--spec", "spec.json", "--grid", "grid.json", "--data", "data.csv", "--target",
         "label", "--out", "missing/r.json"},
        1, "folder \"missing\" does not exist");
  check({"search", "--spec", "spec.json", "--grid", "grid.json", "--data", "data.csv", "--target",
         "label"},
        2, "missing required flag --out");
  check({"compare", "--specs", "spec.json", "missing.json", "--data", "data.csv", "--target",
         "label"},
        1, "missing.json");
  CHECK(folder.listing() ==
        std::vector<std::string>{"bad_dist.json", "data.csv", "grid.json", "spec.json"});
}
