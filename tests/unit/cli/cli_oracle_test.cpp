// `loom profile / transform / fit / predict / evaluate` against pandas and scikit-learn 1.2
// (fixtures written by tests/reference/make_cli.py).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

using loom::test::args_of;
using loom::test::near;
using loom::test::parse_csv;
using loom::test::parse_double;
using loom::test::read_text;
using loom::test::run_loom;
using loom::test::ScratchFolder;
using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

namespace {

// Compares a JSON number to the oracle's; integers and labels must match exactly.
void check_number(const Json& actual, const Json& expected, double tolerance,
                  const std::string& where) {
  INFO(where << ": loom " << actual.dump() << ", expected " << expected.dump());
  if (expected.is_null()) {
    CHECK(actual.is_null());
    return;
  }
  REQUIRE(actual.is_number());
  if (expected.is_number_integer() || expected.is_number_unsigned()) {
    CHECK(actual.get<double>() == expected.get<double>());
  } else {
    CHECK(near(actual.get<double>(), expected.get<double>(), tolerance));
  }
}

void check_profile_column(const Json& actual, const Json& expected) {
  const std::string name = expected["name"].get<std::string>();
  INFO("column " << name);
  CHECK(actual["name"] == expected["name"]);
  CHECK(actual["type"] == expected["type"]);
  CHECK(actual["missing"] == expected["missing"]);
  CHECK(actual["distinct"] == expected["distinct"]);
  if (expected["type"] == "numeric") {
    for (const char* key : {"min", "max", "mean", "std"})
      check_number(actual[key], expected[key], 1e-12, name + "." + key);
    CHECK(actual["zeros"] == expected["zeros"]);
    for (const char* key : {"25%", "50%", "75%"})
      check_number(actual["quantiles"][key], expected["quantiles"][key], 1e-12,
                   name + ".quantiles." + key);
  } else {
    CHECK(actual["top"] == expected["top"]);
  }
}

}  // namespace

TEST_CASE("loom profile matches pandas column by column, in file order", "[cli][profile][oracle]") {
  LOOM_REQUIRE_CLI();
  const Json fixture = loom::test::load_cli_expected();
  ScratchFolder folder;
  for (const auto& item : fixture["profile"]) {
    const auto args = args_of(item["args"]);
    INFO("loom " << item["args"].dump());
    const auto result = run_loom(folder, args);
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    const OrderedJson ordered = OrderedJson::parse(result.out);
    const Json profile = Json::parse(result.out);
    const Json& expected = item["expected"];

    // Reading order: rows, columns, then the table-level keys; name and type first.
    auto key = ordered.begin();
    CHECK(key.key() == "rows");
    CHECK((++key).key() == "columns");
    for (const auto& column : ordered["columns"]) {
      CHECK(column.begin().key() == "name");
      CHECK(std::next(column.begin()).key() == "type");
    }

    CHECK(profile["rows"] == expected["rows"]);
    REQUIRE(profile["columns"].size() == expected["columns"].size());
    for (std::size_t i = 0; i < expected["columns"].size(); ++i)
      check_profile_column(profile["columns"][i], expected["columns"][i]);
    CHECK(profile["duplicate_rows"] == expected["duplicate_rows"]);
    CHECK(profile["constant_columns"] == expected["constant_columns"]);
    REQUIRE(profile["correlated_pairs"].size() == expected["correlated_pairs"].size());
    for (std::size_t i = 0; i < expected["correlated_pairs"].size(); ++i) {
      CHECK(profile["correlated_pairs"][i]["columns"] ==
            expected["correlated_pairs"][i]["columns"]);
      check_number(profile["correlated_pairs"][i]["correlation"],
                   expected["correlated_pairs"][i]["correlation"], 1e-12, "correlation");
    }
    if (expected.contains("class_balance")) {
      CHECK(profile["class_balance"] == expected["class_balance"]);
    } else {
      CHECK_FALSE(profile.contains("class_balance"));
    }
  }
}

namespace {

// The output CSV against the oracle's table: header, one row per input row, strings exactly,
// numbers to `tolerance`, missing cells as empty fields.
void check_table(const std::string& text, const Json& header, const Json& rows, double tolerance) {
  const auto table = parse_csv(text);
  REQUIRE(!table.empty());
  CHECK(table[0] == header.get<std::vector<std::string>>());
  REQUIRE(table.size() == rows.size() + 1);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    REQUIRE(table[i + 1].size() == rows[i].size());
    for (std::size_t j = 0; j < rows[i].size(); ++j) {
      const std::string& cell = table[i + 1][j];
      const Json& expected = rows[i][j];
      INFO("row " << i << ", column " << header[j] << ": loom \"" << cell << "\", expected "
                  << expected.dump());
      if (expected.is_null()) {
        CHECK(cell.empty());
      } else if (expected.is_string()) {
        CHECK(cell == expected.get<std::string>());
      } else {
        CHECK(near(parse_double(cell), expected.get<double>(), tolerance));
      }
    }
  }
}

}  // namespace

TEST_CASE("loom transform writes scikit-learn's feature names and values",
          "[cli][transform][oracle]") {
  LOOM_REQUIRE_CLI();
  const Json fixture = loom::test::load_cli_expected();
  ScratchFolder folder;
  SECTION("fitted on the data it transforms") {
    for (const auto& item : fixture["transform"]) {
      INFO("loom " << item["args"].dump());
      const auto result = run_loom(folder, args_of(item["args"]));
      REQUIRE(result.exit_code == 0);
      CHECK(result.out.empty());
      check_table(read_text(folder.file("out.csv")), item["header"], item["rows"], 1e-9);
    }
  }
  SECTION("a fitted model applied to new data keeps the training statistics") {
    for (const auto& item : fixture["transform_model"]) {
      INFO("loom " << item["fit_args"].dump() << " then loom " << item["args"].dump());
      REQUIRE(run_loom(folder, args_of(item["fit_args"])).exit_code == 0);
      const auto result = run_loom(folder, args_of(item["args"]));
      REQUIRE(result.exit_code == 0);
      check_table(read_text(folder.file("out.csv")), item["header"], item["rows"], 1e-9);
    }
  }
}

TEST_CASE("loom predict matches LogisticRegression's predict and predict_proba",
          "[cli][predict][oracle]") {
  LOOM_REQUIRE_CLI();
  const Json fixture = loom::test::load_cli_expected();
  ScratchFolder folder;
  for (const auto& item : fixture["predict"]) {
    INFO("loom " << item["fit_args"].dump() << " then loom " << item["args"].dump());
    REQUIRE(run_loom(folder, args_of(item["fit_args"])).exit_code == 0);
    const auto result = run_loom(folder, args_of(item["args"]));
    REQUIRE(result.exit_code == 0);
    const auto table = parse_csv(read_text(folder.file("out.csv")));
    REQUIRE(!table.empty());
    // proba_<class> in classes_ order: proba_3, proba_10, proba_20 (numbers sort as numbers).
    CHECK(table[0] == item["header"].get<std::vector<std::string>>());
    const Json& predictions = item["predictions"];
    const Json& probabilities = item["probabilities"];
    REQUIRE(table.size() == predictions.size() + 1);
    for (std::size_t i = 0; i < predictions.size(); ++i) {
      INFO("row " << i);
      const auto& row = table[i + 1];
      REQUIRE(row.size() == probabilities[i].size() + 1);
      // Labels as written in the data: "yes", "10" (never "10.0").
      CHECK(row[0] == predictions[i].get<std::string>());
      double sum = 0.0;
      for (std::size_t k = 0; k < probabilities[i].size(); ++k) {
        const double p = parse_double(row[k + 1]);
        // scikit-learn's lbfgs stops early; the fixture's model is fitted with tol=1e-10.
        CHECK(std::abs(p - probabilities[i][k].get<double>()) < 1e-4);
        sum += p;
      }
      // Written with all their digits, the probabilities still sum to one.
      CHECK(std::abs(sum - 1.0) < 1e-12);
    }
  }
}

TEST_CASE("loom evaluate prints scikit-learn's metrics under scorer names",
          "[cli][evaluate][oracle]") {
  LOOM_REQUIRE_CLI();
  const Json fixture = loom::test::load_cli_expected();
  ScratchFolder folder;
  for (const auto& item : fixture["evaluate"]) {
    INFO("loom " << item["fit_args"].dump() << " then loom " << item["args"].dump());
    REQUIRE(run_loom(folder, args_of(item["fit_args"])).exit_code == 0);
    const auto result = run_loom(folder, args_of(item["args"]));
    REQUIRE(result.exit_code == 0);
    const Json report = Json::parse(result.out);
    const Json& expected = item["expected"];
    for (const auto& [key, value] : expected.items()) {
      INFO("metric " << key);
      REQUIRE(report.contains(key));
      if (key == "confusion_matrix") {
        // Labels as JSON numbers when numeric (3, 10, 20), sorted as classes_; rows = truth.
        CHECK(report[key] == value);
      } else {
        // Probability-based metrics depend on the fitted coefficients; the rest only on the
        // predicted labels, which must match exactly.
        const bool from_probabilities =
            key == "roc_auc" || key == "average_precision" || key == "log_loss";
        check_number(report[key], value, from_probabilities ? 1e-4 : 1e-12, key);
      }
    }
    const bool binary = expected["confusion_matrix"]["labels"].size() == 2;
    for (const char* key :
         {"roc_auc", "average_precision", "log_loss", "precision", "recall", "f1"})
      CHECK(report.contains(key) == binary);
  }
}

TEST_CASE("loom evaluate --scoring prints the chosen scorers, positive and without neg_",
          "[cli][evaluate]") {
  LOOM_REQUIRE_CLI();
  const Json fixture = loom::test::load_cli_expected();
  ScratchFolder folder;
  const Json& multi = fixture["evaluate"][1];
  REQUIRE(run_loom(folder, args_of(multi["fit_args"])).exit_code == 0);
  auto args = args_of(multi["args"]);
  for (const char* word : {"--scoring", "accuracy", "neg_log_loss", "f1_micro"})
    args.emplace_back(word);
  const auto result = run_loom(folder, args);
  REQUIRE(result.exit_code == 0);
  const Json report = Json::parse(result.out);
  CHECK(report.size() == 3);
  check_number(report["accuracy"], multi["expected"]["accuracy"], 1e-12, "accuracy");
  // Micro-averaged F1 equals accuracy for single-label multiclass predictions.
  check_number(report["f1_micro"], multi["expected"]["accuracy"], 1e-12, "f1_micro");
  REQUIRE(report["log_loss"].is_number());
  CHECK(report["log_loss"].get<double>() > 0.0);

  SECTION("a binary-only scorer on three classes is refused") {
    auto roc = args_of(multi["args"]);
    roc.emplace_back("--scoring");
    roc.emplace_back("roc_auc");
    const auto refused = run_loom(folder, roc);
    CHECK(refused.exit_code == 1);
    CHECK_THAT(refused.err, Catch::Contains("roc_auc"));
  }
  SECTION("an unknown scorer is a usage error") {
    auto unknown = args_of(multi["args"]);
    unknown.emplace_back("--scoring");
    unknown.emplace_back("accuracyy");
    const auto refused = run_loom(folder, unknown);
    CHECK(refused.exit_code == 2);
    CHECK_THAT(refused.err, Catch::Contains("accuracyy"));
  }
}
