// The `loom` executable's contract (CLI.md): exit statuses, messages that name the culprit,
// --help, outputs that appear whole or not at all, and predict's handling of labels.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

using Catch::Contains;
using loom::test::parse_csv;
using loom::test::read_text;
using loom::test::run_loom;
using loom::test::ScratchFolder;
using loom::test::write_text;

namespace {

const std::vector<std::string> kCommands = {"profile", "transform", "fit", "predict", "evaluate"};

// Fits the fixtures' multiclass model into the scratch folder as model.json.
void fit_multiclass(const ScratchFolder& folder) {
  const auto result =
      run_loom(folder, {"fit", "--spec", "{dir}/spec_multi.json", "--data", "{dir}/multi_train.csv",
                        "--target", "label", "--model", "model.json"});
  REQUIRE(result.exit_code == 0);
  REQUIRE(result.err.empty());
}

std::vector<std::string> predict_args(const std::string& data) {
  return {"predict", "--model", "model.json", "--data", data, "--out", "out.csv", "--proba"};
}

}  // namespace

TEST_CASE("loom reports usage errors with exit status 2 and the usage on stderr",
          "[cli][usage][errors]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;

  SECTION("no arguments at all") {
    const auto result = run_loom(folder, {});
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK_THAT(result.err, Contains("usage: loom <command>"));
  }
  SECTION("an unknown command") {
    const auto result = run_loom(folder, {"frobnicate", "--data", "x.csv"});
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Contains("unknown command \"frobnicate\""));
    CHECK_THAT(result.err, Contains("usage:"));
  }
  SECTION("an unknown flag") {
    const auto result =
        run_loom(folder, {"profile", "--data", "{dir}/multi_train.csv", "--colour"});
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Contains("unknown flag --colour"));
    CHECK_THAT(result.err, Contains("usage: loom profile"));
  }
  SECTION("a missing required flag") {
    const auto result = run_loom(folder, {"profile", "--target", "label"});
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Contains("missing required flag --data"));
    const auto fit = run_loom(folder, {"fit", "--spec", "{dir}/spec_multi.json", "--data",
                                       "{dir}/multi_train.csv", "--target", "label"});
    CHECK(fit.exit_code == 2);
    CHECK_THAT(fit.err, Contains("--model"));
    const auto evaluate = run_loom(folder, {"evaluate", "--model", "m.json", "--target", "y"});
    CHECK(evaluate.exit_code == 2);
    CHECK_THAT(evaluate.err, Contains("--data"));
  }
  SECTION("a flag without its value") {
    const auto at_end = run_loom(folder, {"profile", "--data"});
    CHECK(at_end.exit_code == 2);
    CHECK_THAT(at_end.err, Contains("--data needs a value"));
    const auto before_flag = run_loom(folder, {"profile", "--data", "--target", "label"});
    CHECK(before_flag.exit_code == 2);
    CHECK_THAT(before_flag.err, Contains("--data needs a value"));
  }
  SECTION("a stray word") {
    const auto result = run_loom(folder, {"profile", "--data", "{dir}/multi_train.csv", "extra"});
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Contains("\"extra\""));
  }
  SECTION("transform needs exactly one of --spec and --model") {
    const auto result = run_loom(folder, {"transform", "--data", "d.csv", "--out", "o.csv"});
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Contains("--spec or --model"));
  }
  SECTION("a bad --delimiter or --type value") {
    const auto delimiter =
        run_loom(folder, {"profile", "--data", "{dir}/multi_train.csv", "--delimiter", ";;"});
    CHECK(delimiter.exit_code == 2);
    CHECK_THAT(delimiter.err, Contains("--delimiter"));
    const auto type =
        run_loom(folder, {"profile", "--data", "{dir}/multi_train.csv", "--type", "x1=float"});
    CHECK(type.exit_code == 2);
    CHECK_THAT(type.err, Contains("x1=float"));
  }
  // Nothing was written by any of these.
  CHECK(folder.listing().empty());
}

TEST_CASE("loom --help and loom <command> --help exit 0 with the usage on stdout", "[cli][usage]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  const auto overview = run_loom(folder, {"--help"});
  CHECK(overview.exit_code == 0);
  for (const auto& command : kCommands) {
    INFO(command);
    CHECK_THAT(overview.out, Contains(command));
    const auto result = run_loom(folder, {command, "--help"});
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.out, Contains("usage: loom " + command));
    CHECK_THAT(result.out, Contains("--delimiter"));
    CHECK(result.err.empty());
  }
}

TEST_CASE("loom exits 1 for data and spec errors and names the culprit", "[cli][errors]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  const std::string data = "{dir}/multi_train.csv";

  SECTION("a missing data file") {
    const auto result = run_loom(folder, {"profile", "--data", "no-such-file.csv"});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Contains("no-such-file.csv"));
  }
  SECTION("a missing spec file") {
    const auto result = run_loom(folder, {"fit", "--spec", "no-spec.json", "--data", data,
                                          "--target", "label", "--model", "m.json"});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Contains("no-spec.json"));
  }
  SECTION("a spec that is not JSON") {
    write_text(folder.file("spec.json"), "{\"steps\": [");
    const auto result =
        run_loom(folder, {"transform", "--spec", "spec.json", "--data", data, "--out", "out.csv"});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Contains("spec.json"));
    CHECK_THAT(result.err, Contains("not valid JSON"));
  }
  SECTION("an unknown column in a spec") {
    write_text(folder.file("spec.json"),
               R"({"steps": [{"name": "prep", "type": "ColumnTransformer", "params": {
                   "transformers": [{"name": "num", "type": "StandardScaler", "params": {},
                                     "columns": ["x1", "x9"]}]}}]})");
    const auto result =
        run_loom(folder, {"transform", "--spec", "spec.json", "--data", data, "--out", "out.csv"});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Contains("\"x9\""));
  }
  SECTION("an unknown step type") {
    write_text(folder.file("spec.json"),
               R"({"steps": [{"name": "scale", "type": "StandardScalar", "params": {}}]})");
    const auto result =
        run_loom(folder, {"transform", "--spec", "spec.json", "--data", data, "--out", "out.csv"});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Contains("spec.json"));
    CHECK_THAT(result.err, Contains("\"StandardScalar\""));
  }
  SECTION("an unknown parameter") {
    write_text(folder.file("spec.json"),
               R"({"steps": [{"name": "scale", "type": "StandardScaler",
                              "params": {"with_means": false}}]})");
    const auto result =
        run_loom(folder, {"transform", "--spec", "spec.json", "--data", data, "--out", "out.csv"});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Contains("\"with_means\""));
  }
  SECTION("an out-of-range parameter") {
    write_text(folder.file("spec.json"),
               R"({"steps": [{"name": "imputer", "type": "SimpleImputer", "params": {}},
                             {"name": "model", "type": "LogisticRegression",
                              "params": {"C": -1}}]})");
    const auto result = run_loom(folder, {"fit", "--spec", "spec.json", "--data", data, "--target",
                                          "label", "--model", "m.json"});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Contains("spec.json"));
    CHECK_THAT(result.err, Contains("LogisticRegression \"model\": parameter C"));
    CHECK_THAT(result.err, Contains("must be > 0"));
  }
  SECTION("a supervised spec without --target") {
    for (const std::string command : {"fit", "transform"}) {
      INFO(command);
      std::vector<std::string> args = {command, "--spec", "{dir}/spec_multi.json", "--data", data};
      if (command == "fit") {
        args.insert(args.end(), {"--model", "m.json"});
      } else {
        args.insert(args.end(), {"--out", "out.csv"});
      }
      const auto result = run_loom(folder, args);
      CHECK(result.exit_code == 1);
      CHECK_THAT(result.err, Contains("LogisticRegression \"model\""));
      CHECK_THAT(result.err, Contains("--target"));
    }
  }
  SECTION("evaluate without --target on a supervised model") {
    fit_multiclass(folder);
    const auto result =
        run_loom(folder, {"evaluate", "--model", "model.json", "--data", "{dir}/multi_test.csv"});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Contains("LogisticRegression \"model\""));
    CHECK_THAT(result.err, Contains("--target"));
    std::filesystem::remove(folder.file("model.json"));
  }
  SECTION("a target that is not a column") {
    const auto result = run_loom(folder, {"fit", "--spec", "{dir}/spec_multi.json", "--data", data,
                                          "--target", "labels", "--model", "m.json"});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Contains("\"labels\""));
    const auto profile = run_loom(folder, {"profile", "--data", data, "--target", "labels"});
    CHECK(profile.exit_code == 1);
    CHECK_THAT(profile.err, Contains("target column \"labels\""));
  }
  SECTION("a CSV row with a wrong field count names the file and physical line") {
    write_text(folder.file("bad.csv"), "a,b\n1,2\n\"x\ny\",3\n4,5,6\n");
    const auto result = run_loom(folder, {"profile", "--data", "bad.csv"});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Contains("bad.csv:5"));
    CHECK_THAT(result.err, Contains("expected 2 fields, found 3"));
  }
  SECTION("a non-number in a column typed numeric names line and column") {
    write_text(folder.file("bad.csv"), "a,b\n1,2\n3,x\n");
    const auto result = run_loom(folder, {"profile", "--data", "bad.csv", "--type", "b=numeric"});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Contains("bad.csv:3"));
    CHECK_THAT(result.err, Contains("column \"b\""));
  }
  SECTION("--type naming an unknown column") {
    const auto result = run_loom(folder, {"profile", "--data", data, "--type", "x9=numeric"});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Contains("\"x9\""));
  }
  SECTION("NaN reaching a model that does not accept it names the column") {
    write_text(folder.file("spec.json"),
               R"({"steps": [{"name": "model", "type": "LogisticRegression", "params": {}}]})");
    const auto result = run_loom(folder, {"fit", "--spec", "spec.json", "--data", data, "--target",
                                          "label", "--model", "m.json"});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Contains("column \"x3\""));
  }
  // No command above left an output behind.
  for (const auto& name : folder.listing()) {
    CHECK((name == "spec.json" || name == "bad.csv"));
  }
}

TEST_CASE("loom refuses a changed or truncated model file before using it",
          "[cli][model][errors]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  fit_multiclass(folder);
  const std::string saved = read_text(folder.file("model.json"));
  REQUIRE(saved.size() > 100);
  REQUIRE(run_loom(folder, predict_args("{dir}/multi_test.csv")).exit_code == 0);
  const std::string good_output = read_text(folder.file("out.csv"));

  auto expect_refused = [&](const std::string& changed, const std::string& message) {
    write_text(folder.file("model.json"), changed);
    write_text(folder.file("out.csv"), "previous output\n");
    for (const auto& args :
         {predict_args("{dir}/multi_test.csv"),
          std::vector<std::string>{"evaluate", "--model", "model.json", "--data",
                                   "{dir}/multi_test.csv", "--target", "label"},
          std::vector<std::string>{"transform", "--model", "model.json", "--data",
                                   "{dir}/multi_test.csv", "--out", "out.csv"}}) {
      INFO("loom " << args[0]);
      const auto result = run_loom(folder, args);
      CHECK(result.exit_code == 1);
      CHECK_THAT(result.err, Contains("model.json"));
      CHECK_THAT(result.err, Contains(message));
      CHECK(result.out.empty());
      // The earlier output is left as it was.
      CHECK(read_text(folder.file("out.csv")) == "previous output\n");
    }
  };

  SECTION("one digit of a fitted number changed") {
    std::string changed = saved;
    const auto position = changed.find("\"coef\"");
    REQUIRE(position != std::string::npos);
    char& digit = changed[changed.find_first_of("123456789", position)];
    digit = digit == '9' ? '8' : static_cast<char>(digit + 1);
    expect_refused(changed, "checksum");
  }
  SECTION("one byte changed without changing the parsed document") {
    std::string changed = saved;
    REQUIRE(changed.back() == '\n');
    changed.back() = ' ';
    expect_refused(changed, "checksum");
  }
  SECTION("one byte that breaks the JSON") {
    std::string changed = saved;
    changed[0] = '[';
    expect_refused(changed, "checksum");
  }
  SECTION("truncated") {
    expect_refused(saved.substr(0, saved.size() / 2), "truncated");
  }
  SECTION("empty") {
    expect_refused("", "empty");
  }
  SECTION("the untouched file still works") {
    write_text(folder.file("model.json"), saved);
    REQUIRE(run_loom(folder, predict_args("{dir}/multi_test.csv")).exit_code == 0);
    CHECK(read_text(folder.file("out.csv")) == good_output);
  }
}

TEST_CASE("An --out or --model in a missing folder fails early, names it, and leaves nothing",
          "[cli][output][errors]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  fit_multiclass(folder);
  const std::vector<std::vector<std::string>> commands = {
      {"fit", "--spec", "{dir}/spec_multi.json", "--data", "{dir}/multi_train.csv", "--target",
       "label", "--model", "no-such-folder/model.json"},
      {"transform", "--spec", "{dir}/spec_transform.json", "--data", "{dir}/mixed_train.csv",
       "--target", "label", "--out", "no-such-folder/out.csv"},
      {"transform", "--model", "model.json", "--data", "{dir}/multi_test.csv", "--out",
       "no-such-folder/out.csv"},
      {"predict", "--model", "model.json", "--data", "{dir}/multi_test.csv", "--out",
       "no-such-folder/out.csv"},
  };
  for (const auto& args : commands) {
    INFO("loom " << args[0] << " ... " << args.back());
    const auto result = run_loom(folder, args);
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Contains("folder \"no-such-folder\" does not exist"));
    CHECK(folder.listing() == std::vector<std::string>{"model.json"});
  }
}

TEST_CASE("loom writes outputs whole: no temporary file is left beside them", "[cli][output]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  fit_multiclass(folder);
  REQUIRE(run_loom(folder, predict_args("{dir}/multi_test.csv")).exit_code == 0);
  CHECK(folder.listing() == std::vector<std::string>{"model.json", "out.csv"});
}

TEST_CASE("loom predict ignores the target column, whatever it holds", "[cli][predict]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  fit_multiclass(folder);
  REQUIRE(run_loom(folder, predict_args("{dir}/multi_test.csv")).exit_code == 0);
  const std::string expected = read_text(folder.file("out.csv"));

  // multi_test.csv has no quoted fields: its label is the text after the last comma.
  const std::string original = read_text(loom::test::kCliFixtures + "/multi_test.csv");
  std::string without_label;
  std::string junk_label;
  std::istringstream lines(original);
  bool header = true;
  for (std::string line; std::getline(lines, line); header = false) {
    const std::string features = line.substr(0, line.rfind(','));
    without_label += features + "\n";
    junk_label += features + (header ? ",label\n" : ",not a number\n");
  }
  write_text(folder.file("without_label.csv"), without_label);
  write_text(folder.file("junk_label.csv"), junk_label);

  for (const std::string data : {"without_label.csv", "junk_label.csv"}) {
    INFO(data);
    const auto result = run_loom(folder, predict_args(data));
    REQUIRE(result.exit_code == 0);
    CHECK(read_text(folder.file("out.csv")) == expected);
  }
}

TEST_CASE("loom predict writes class labels as they appear in the data", "[cli][predict]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  write_text(folder.file("spec.json"),
             R"({"steps": [{"name": "model", "type": "LogisticRegression", "params": {}}]})");

  SECTION("numbers written 0.0 / 1.0 come out as 0 / 1") {
    write_text(folder.file("train.csv"), "x,y\n-2,0.0\n-1,0.0\n-0.5,1.0\n0.5,0.0\n1,1.0\n2,1.0\n");
    REQUIRE(run_loom(folder, {"fit", "--spec", "spec.json", "--data", "train.csv", "--target", "y",
                              "--model", "model.json"})
                .exit_code == 0);
    REQUIRE(run_loom(folder, {"predict", "--model", "model.json", "--data", "train.csv", "--out",
                              "out.csv", "--proba"})
                .exit_code == 0);
    const auto table = parse_csv(read_text(folder.file("out.csv")));
    CHECK(table[0] == std::vector<std::string>{"prediction", "proba_0", "proba_1"});
    CHECK(table[1][0] == "0");
    CHECK(table[6][0] == "1");
    const auto evaluate = run_loom(folder, {"evaluate", "--model", "model.json", "--data",
                                            "train.csv", "--target", "y", "--scoring", "accuracy"});
    REQUIRE(evaluate.exit_code == 0);
    CHECK(nlohmann::json::parse(evaluate.out) ==
          nlohmann::json::parse(R"({"accuracy": 0.6666666666666666})"));
  }
  SECTION("strings and numbers typed categorical keep their spelling") {
    write_text(folder.file("train.csv"),
               "x,y\n-2,\"<=50K\"\n-1,<=50K\n-0.5,>50K\n0.5,<=50K\n1,>50K\n2,>50K\n");
    REQUIRE(run_loom(folder, {"fit", "--spec", "spec.json", "--data", "train.csv", "--target", "y",
                              "--model", "model.json"})
                .exit_code == 0);
    REQUIRE(run_loom(folder, {"predict", "--model", "model.json", "--data", "train.csv", "--out",
                              "out.csv", "--proba"})
                .exit_code == 0);
    const auto table = parse_csv(read_text(folder.file("out.csv")));
    CHECK(table[0] == std::vector<std::string>{"prediction", "proba_<=50K", "proba_>50K"});
    CHECK(table[1][0] == "<=50K");
    CHECK(table[6][0] == ">50K");

    write_text(folder.file("coded.csv"), "x,y\n-2,01\n-1,01\n1,2\n2,2\n");
    REQUIRE(run_loom(folder, {"fit", "--spec", "spec.json", "--data", "coded.csv", "--target", "y",
                              "--type", "y=categorical", "--model", "model.json"})
                .exit_code == 0);
    REQUIRE(run_loom(folder, {"predict", "--model", "model.json", "--data", "coded.csv", "--out",
                              "out.csv", "--proba"})
                .exit_code == 0);
    const auto coded = parse_csv(read_text(folder.file("out.csv")));
    CHECK(coded[0] == std::vector<std::string>{"prediction", "proba_01", "proba_2"});
    CHECK(coded[1][0] == "01");
    CHECK(coded[4][0] == "2");
  }
}

TEST_CASE("loom evaluate refuses rows without a label and names the column",
          "[cli][evaluate][errors]") {
  LOOM_REQUIRE_CLI();
  ScratchFolder folder;
  fit_multiclass(folder);
  write_text(folder.file("test.csv"), "x1,x2,x3,label\n0.1,0.2,0.3,3\n0.5,0.4,1.2,NA\n");
  const auto result = run_loom(
      folder, {"evaluate", "--model", "model.json", "--data", "test.csv", "--target", "label"});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Contains("target column \"label\""));
  CHECK_THAT(result.err, Contains("missing"));
  CHECK(result.out.empty());
}
