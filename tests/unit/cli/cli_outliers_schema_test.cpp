// `loom outliers` and `loom schema` end to end (CLI.md): outputs against the numpy /
// scikit-learn fixtures of tests/reference/make_clean_outliers.py, exit statuses, and
// messages that name the file, column, line or parameter at fault.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

using Catch::Contains;
using loom::test::parse_csv;
using loom::test::parse_double;
using loom::test::read_text;
using loom::test::run_loom;
using loom::test::ScratchFolder;
using loom::test::write_text;

namespace {

const std::string kFixtures = std::string(LOOM_FIXTURES_DIR) + "/clean_outliers";
const std::string kSynthetic = kFixtures + "/synthetic.csv";

nlohmann::json fixture_case(const std::string& name) {
  std::ifstream in(kFixtures + "/outliers.json");
  const auto fixture = nlohmann::json::parse(in);
  for (const auto& test_case : fixture["cases"]) {
    if (test_case["name"] == name) return test_case;
  }
  FAIL("no fixture case " << name);
  return {};
}

struct Output {
  std::vector<int> labels;
  std::vector<double> scores;
};

Output read_output(const ScratchFolder& folder) {
  const auto rows = parse_csv(read_text(folder.file("out.csv")));
  REQUIRE(!rows.empty());
  REQUIRE(rows[0] == std::vector<std::string>{"label", "score"});
  Output output;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    output.labels.push_back(static_cast<int>(parse_double(rows[i][0])));
    output.scores.push_back(parse_double(rows[i][1]));
  }
  return output;
}

void check_matches(const Output& output, const nlohmann::json& expected, double tolerance) {
  REQUIRE(output.labels.size() == expected["labels"].size());
  for (std::size_t i = 0; i < output.labels.size(); ++i) {
    CHECK(output.labels[i] == expected["labels"][i].get<int>());
    CHECK(loom::test::near(output.scores[i], expected["scores"][i].get<double>(), tolerance));
  }
}

}  // namespace

TEST_CASE("loom outliers writes sklearn-style labels and scores for each method",
          "[cli][outliers]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  SECTION("zscore on the numeric columns only (the categorical one is left out)") {
    const auto result = run_loom(
        folder, {"outliers", "--method", "zscore", "--data", kSynthetic, "--out", "out.csv"});
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.empty());
    check_matches(read_output(folder), fixture_case("zscore_threshold_3"), 1e-9);
  }
  SECTION("iqr with --param k=3") {
    const auto result = run_loom(folder, {"outliers", "--method", "iqr", "--data", kSynthetic,
                                          "--param", "k=3", "--out", "out.csv"});
    REQUIRE(result.exit_code == 0);
    check_matches(read_output(folder), fixture_case("iqr_k_3"), 1e-9);
  }
  SECTION("PCAReconstruction with two parameters") {
    const auto result = run_loom(
        folder, {"outliers", "--method", "PCAReconstruction", "--data", kSynthetic, "--param",
                 "n_components=2", "--param", "contamination=0.1", "--out", "out.csv"});
    REQUIRE(result.exit_code == 0);
    check_matches(read_output(folder), fixture_case("pca_2_components"), 1e-8);
  }
  SECTION("IsolationForest agrees with scikit-learn on >= 95% of the labels") {
    const auto result =
        run_loom(folder, {"outliers", "--method", "IsolationForest", "--data", kSynthetic,
                          "--param", "random_state=0", "--out", "out.csv"});
    REQUIRE(result.exit_code == 0);
    const Output output = read_output(folder);
    const auto expected = fixture_case("isolation_forest_synthetic_auto");
    REQUIRE(output.labels.size() == expected["labels"].size());
    std::size_t agree = 0;
    for (std::size_t i = 0; i < output.labels.size(); ++i)
      agree += output.labels[i] == expected["labels"][i].get<int>() ? 1 : 0;
    CHECK(static_cast<double>(agree) >= 0.95 * static_cast<double>(output.labels.size()));
    for (double score : output.scores) {
      CHECK(score < 0.0);
      CHECK(score > -1.0);
    }
  }
  SECTION("--columns picks the columns") {
    const auto all = run_loom(folder, {"outliers", "--method", "zscore", "--data", kSynthetic,
                                       "--columns", "a,b,c", "--out", "out.csv"});
    REQUIRE(all.exit_code == 0);
    check_matches(read_output(folder), fixture_case("zscore_threshold_3"), 1e-9);
    const auto one =
        run_loom(folder, {"outliers", "--method", "zscore", "--data", kSynthetic, "--columns", "b",
                          "--param", "threshold=1", "--out", "out.csv"});
    REQUIRE(one.exit_code == 0);
    const Output output = read_output(folder);
    const auto synthetic = fixture_case("zscore_threshold_3");
    const auto& mean = synthetic["mean"];
    const auto& scale = synthetic["std"];
    std::ifstream in(kFixtures + "/outliers.json");
    const auto data = nlohmann::json::parse(in)["datasets"]["synthetic"];
    for (std::size_t i = 0; i < output.scores.size(); ++i) {
      const double z =
          std::abs((data[i][1].get<double>() - mean[1].get<double>()) / scale[1].get<double>());
      CHECK(loom::test::near(output.scores[i], -z, 1e-9));
      CHECK(output.labels[i] == (z > 1.0 ? -1 : 1));
    }
  }
}

TEST_CASE("loom outliers names the culprit of bad input", "[cli][outliers][errors]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  SECTION("a missing value names the column and the physical line") {
    write_text(folder.file("holes.csv"), "x,y\n1,2\n\n3,\"4\"\n5,\n7,8\n");
    const auto result = run_loom(
        folder, {"outliers", "--method", "iqr", "--data", "holes.csv", "--out", "out.csv"});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Contains("column \"y\" is missing a value at line 5"));
    CHECK(folder.listing() == std::vector<std::string>{"holes.csv"});
  }
  SECTION("an unknown method, parameter or out-of-range value is exit 1") {
    const auto method = run_loom(
        folder, {"outliers", "--method", "OneClassSVM", "--data", kSynthetic, "--out", "out.csv"});
    CHECK(method.exit_code == 1);
    CHECK_THAT(method.err, Contains("unknown outlier detection method \"OneClassSVM\""));
    const auto parameter = run_loom(folder, {"outliers", "--method", "zscore", "--data", kSynthetic,
                                             "--param", "k=2", "--out", "out.csv"});
    CHECK(parameter.exit_code == 1);
    CHECK_THAT(parameter.err, Contains("zscore: unknown parameter \"k\""));
    const auto range =
        run_loom(folder, {"outliers", "--method", "IsolationForest", "--data", kSynthetic,
                          "--param", "contamination=0.9", "--out", "out.csv"});
    CHECK(range.exit_code == 1);
    CHECK_THAT(range.err, Contains("parameter contamination = 0.9"));
  }
  SECTION("--columns naming an unknown or a categorical column") {
    const auto unknown = run_loom(folder, {"outliers", "--method", "zscore", "--data", kSynthetic,
                                           "--columns", "a,z", "--out", "out.csv"});
    CHECK(unknown.exit_code == 1);
    CHECK_THAT(unknown.err, Contains("unknown column \"z\""));
    const auto categorical =
        run_loom(folder, {"outliers", "--method", "zscore", "--data", kSynthetic, "--columns",
                          "group", "--out", "out.csv"});
    CHECK(categorical.exit_code == 1);
    CHECK_THAT(categorical.err, Contains("column \"group\" is categorical"));
  }
  SECTION("usage errors are exit 2") {
    const auto no_method = run_loom(folder, {"outliers", "--data", kSynthetic, "--out", "out.csv"});
    CHECK(no_method.exit_code == 2);
    CHECK_THAT(no_method.err, Contains("--method"));
    const auto bad_param = run_loom(folder, {"outliers", "--method", "zscore", "--data", kSynthetic,
                                             "--param", "threshold", "--out", "out.csv"});
    CHECK(bad_param.exit_code == 2);
    CHECK_THAT(bad_param.err, Contains("--param expects KEY=VALUE, found \"threshold\""));
  }
}

TEST_CASE("loom schema infers a schema and validates batches against it", "[cli][schema]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  write_text(folder.file("train.csv"), "age,city,score\n30,Oslo,1.5\n40,Rome,\n50,Oslo,2.5\n");
  const auto infer =
      run_loom(folder, {"schema", "infer", "--data", "train.csv", "--out", "schema.json"});
  REQUIRE(infer.exit_code == 0);
  const auto schema = nlohmann::json::parse(read_text(folder.file("schema.json")));
  CHECK(schema["format"] == "loom-schema");
  CHECK(schema["columns"][0] == nlohmann::json({{"name", "age"},
                                                {"type", "numeric"},
                                                {"missing_allowed", false},
                                                {"missing_rate", 0.0},
                                                {"min", 30.0},
                                                {"max", 50.0}}));
  CHECK(schema["columns"][1]["categories"] == nlohmann::json({"Oslo", "Rome"}));

  SECTION("a conforming batch: empty list, exit 0") {
    const auto result =
        run_loom(folder, {"schema", "validate", "--schema", "schema.json", "--data", "train.csv"});
    CHECK(result.exit_code == 0);
    CHECK(nlohmann::json::parse(result.out) == nlohmann::json::array());
  }
  SECTION("anomalies: their list on stdout, exit 1, physical lines in the evidence") {
    write_text(folder.file("new.csv"), "age,city,extra\n30,Oslo,1\n\n99,\"Mars\",2\n,Rome,3\n");
    const auto result =
        run_loom(folder, {"schema", "validate", "--schema", "schema.json", "--data", "new.csv"});
    CHECK(result.exit_code == 1);
    const auto anomalies = nlohmann::json::parse(result.out);
    REQUIRE(anomalies.size() == 5);
    CHECK(anomalies[0] == nlohmann::json({{"column", "age"},
                                          {"kind", "out_of_range"},
                                          {"detail", "1 value outside [30, 50]: 99 at line 4"}}));
    CHECK(anomalies[1]["kind"] == "missing_rate");
    CHECK_THAT(anomalies[1]["detail"].get<std::string>(), Contains("first at line 5"));
    CHECK(anomalies[2]["kind"] == "unseen_category");
    CHECK_THAT(anomalies[2]["detail"].get<std::string>(),
               Contains("\"Mars\" (1 row, first at line 4)"));
    CHECK(anomalies[3] == nlohmann::json({{"column", "score"},
                                          {"kind", "missing_column"},
                                          {"detail",
                                           "column \"score\" (numeric) is in the schema "
                                           "but not in the data"}}));
    CHECK(anomalies[4]["kind"] == "new_column");
  }
  SECTION("a type change") {
    write_text(folder.file("typed.csv"), "age,city,score\nold,Oslo,2\n");
    const auto result =
        run_loom(folder, {"schema", "validate", "--schema", "schema.json", "--data", "typed.csv"});
    CHECK(result.exit_code == 1);
    const auto anomalies = nlohmann::json::parse(result.out);
    REQUIRE(anomalies.size() == 1);
    CHECK(anomalies[0]["kind"] == "type_change");
    CHECK(anomalies[0]["detail"] == "expected numeric, found categorical (e.g. \"old\" at line 2)");
  }
}

TEST_CASE("loom schema names the culprit of bad input", "[cli][schema][errors]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  const auto no_action = run_loom(folder, {"schema", "--data", "x.csv"});
  CHECK(no_action.exit_code == 2);
  CHECK_THAT(no_action.err, Contains("unknown subcommand \"--data\""));
  const auto missing_flag = run_loom(folder, {"schema", "validate", "--data", "x.csv"});
  CHECK(missing_flag.exit_code == 2);
  CHECK_THAT(missing_flag.err, Contains("--schema"));
  write_text(folder.file("bad.json"), "{\"format\": \"loom-pipeline\"}");
  write_text(folder.file("data.csv"), "a\n1\n");
  const auto bad_schema =
      run_loom(folder, {"schema", "validate", "--schema", "bad.json", "--data", "data.csv"});
  CHECK(bad_schema.exit_code == 1);
  CHECK_THAT(bad_schema.err, Contains("bad.json: not a loom schema"));
  const auto no_folder =
      run_loom(folder, {"schema", "infer", "--data", "data.csv", "--out", "missing/schema.json"});
  CHECK(no_folder.exit_code == 1);
  CHECK_THAT(no_folder.err, Contains("missing"));
  const auto help = run_loom(folder, {"schema", "--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Contains("loom schema validate --schema SCHEMA.json"));
}
