#include "loom/pipeline/serialization.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "loom/core/sha256.hpp"
#include "loom/features/standard_scaler.hpp"
#include "loom/models/linear/logistic_regression.hpp"
#include "pipeline_test_support.hpp"

using loom::Column;
using loom::Dataset;
using loom::Json;
using loom::pipeline::Pipeline;
using loom::test::read_text;
using loom::test::TemporaryFolder;
using loom::test::write_text;

namespace {

Pipeline fitted_pipeline() {
  Pipeline pipeline = Pipeline::from_spec(loom::test::small_pipeline_spec());
  const Dataset table = loom::test::small_mixed_table();
  const Column y = loom::test::small_mixed_target();
  pipeline.fit(table, &y);
  return pipeline;
}

// A three-class pipeline on the fixture table, so that the multinomial state is saved too.
Pipeline fitted_multiclass_pipeline(Dataset& table) {
  const auto fixture = loom::test::load_fixture("pipeline/column_transformer.json");
  for (const auto& test_case : fixture["cases"]) {
    if (test_case["name"] != "pipeline_multiclass") continue;
    table = loom::test::table_from_json(test_case["table"]);
    const Column y = loom::test::numeric_target(test_case["target"]);
    Pipeline pipeline = Pipeline::from_spec(test_case["spec"]);
    pipeline.fit(table, &y);
    return pipeline;
  }
  FAIL("fixture case pipeline_multiclass not found");
  return {};
}

std::vector<std::string> as_strings(const Column& column) {
  std::vector<std::string> values;
  for (std::size_t row = 0; row < column.size(); ++row)
    values.push_back(column.value_string(row));
  return values;
}

}  // namespace

TEST_CASE("A saved pipeline loads back with bitwise identical predictions",
          "[pipeline][serialization]") {
  TemporaryFolder folder;
  const std::string path = folder.file("model.json");

  SECTION("binary, on the mixed table") {
    const Pipeline pipeline = fitted_pipeline();
    const Dataset table = loom::test::small_mixed_table();
    loom::pipeline::save(pipeline, path, {{"trained_by", "test"}, {"rows", 12}});
    const Pipeline loaded = loom::pipeline::load(path);
    CHECK(loaded.is_fitted());
    CHECK(loaded.spec() == pipeline.spec());
    // Exact equality, not closeness: numbers are written so that they round-trip.
    CHECK(loaded.predict_proba(table) == pipeline.predict_proba(table));
    CHECK(as_strings(loaded.predict(table)) == as_strings(pipeline.predict(table)));
    CHECK(loaded.feature_names_out() == pipeline.feature_names_out());
    CHECK(loom::pipeline::load_metadata(path) == Json{{"trained_by", "test"}, {"rows", 12}});
  }
  SECTION("multiclass, with missing values to impute") {
    Dataset table;
    const Pipeline pipeline = fitted_multiclass_pipeline(table);
    loom::pipeline::save(pipeline, path);
    const Pipeline loaded = loom::pipeline::load(path);
    CHECK(loaded.predict_proba(table) == pipeline.predict_proba(table));
    CHECK(as_strings(loaded.predict(table)) == as_strings(pipeline.predict(table)));
    CHECK(loom::pipeline::load_metadata(path) == Json::object());
  }
}

TEST_CASE("A saved pipeline is one checksummed JSON document", "[pipeline][serialization]") {
  const Pipeline pipeline = fitted_pipeline();
  TemporaryFolder folder;
  const std::string path = folder.file("model.json");
  loom::pipeline::save(pipeline, path);
  const Json document = Json::parse(read_text(path));
  CHECK(document["format"] == "loom-pipeline");
  CHECK(document["format_version"] == loom::pipeline::kFormatVersion);
  CHECK(document["loom_version"] == loom::pipeline::loom_version());
  CHECK(document["steps"] == pipeline.spec()["steps"]);
  Json without_checksum = document;
  without_checksum.erase("checksum");
  CHECK(document["checksum"] == loom::sha256_hex(without_checksum.dump()));
  CHECK(document == loom::pipeline::to_document(pipeline));
  // Saving twice gives the same bytes.
  const std::string again = folder.file("again.json");
  loom::pipeline::save(pipeline, again);
  CHECK(read_text(again) == read_text(path));
  // No temporary file is left beside it.
  std::size_t files = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(path).parent_path())) {
    (void)entry;
    ++files;
  }
  CHECK(files == 2);
}

TEST_CASE("Loading refuses a changed, truncated or foreign model file",
          "[pipeline][serialization][errors]") {
  const Pipeline pipeline = fitted_pipeline();
  TemporaryFolder folder;
  const std::string path = folder.file("model.json");
  loom::pipeline::save(pipeline, path);
  const std::string text = read_text(path);

  SECTION("one byte changed") {
    std::string changed = text;
    const auto position = changed.find("\"C\":0.5");
    REQUIRE(position != std::string::npos);
    changed[position + 6] = '6';  // C = 0.6: still valid JSON, no longer what was saved
    REQUIRE(changed.size() == text.size());
    write_text(path, changed);
    CHECK_LOOM_THROWS(loom::pipeline::load(path), loom::ParseError, "checksum");
    CHECK_LOOM_THROWS(loom::pipeline::load(path), loom::ParseError, path);
    CHECK_LOOM_THROWS(loom::pipeline::load_metadata(path), loom::ParseError, "checksum mismatch");
  }
  SECTION("a changed fitted number") {
    std::string changed = text;
    const auto position = changed.find("\"coef\":[[");
    REQUIRE(position != std::string::npos);
    char& digit = changed[changed.find_first_of("123456789", position + 9)];
    digit = digit == '9' ? '8' : static_cast<char>(digit + 1);
    write_text(path, changed);
    CHECK_LOOM_THROWS(loom::pipeline::load(path), loom::ParseError, "checksum");
  }
  SECTION("truncated") {
    write_text(path, text.substr(0, text.size() / 2));
    CHECK_LOOM_THROWS(loom::pipeline::load(path), loom::ParseError,
                      "model file \"" + path + "\" is not valid JSON (truncated or corrupt?)");
  }
  SECTION("empty") {
    write_text(path, "");
    CHECK_LOOM_THROWS(loom::pipeline::load(path), loom::ParseError,
                      "model file \"" + path + "\" is empty");
  }
  SECTION("no checksum") {
    Json document = Json::parse(text);
    document.erase("checksum");
    write_text(path, document.dump());
    CHECK_LOOM_THROWS(loom::pipeline::load(path), loom::ParseError, "missing \"checksum\"");
  }
  SECTION("a future format version") {
    Json document = Json::parse(text);
    document["format_version"] = loom::pipeline::kFormatVersion + 1;
    document.erase("checksum");
    document["checksum"] = loom::sha256_hex(document.dump());
    write_text(path, document.dump());
    CHECK_LOOM_THROWS(loom::pipeline::load(path), loom::ParseError,
                      "format version 2 is newer than this loom (" +
                          loom::pipeline::loom_version() + ") can read (up to 1); upgrade loom");
  }
  SECTION("another format") {
    Json document = Json::parse(text);
    document["format"] = "onnx";
    document.erase("checksum");
    document["checksum"] = loom::sha256_hex(document.dump());
    write_text(path, document.dump());
    CHECK_LOOM_THROWS(loom::pipeline::load(path), loom::ParseError,
                      "format is \"onnx\", expected \"loom-pipeline\"");
  }
  SECTION("consistent checksum over inconsistent content") {
    Json document = Json::parse(text);
    document["state"]["steps"].erase(1);
    document.erase("checksum");
    document["checksum"] = loom::sha256_hex(document.dump());
    write_text(path, document.dump());
    CHECK_LOOM_THROWS(loom::pipeline::load(path), loom::ParseError,
                      "saved state must hold one entry per step");
  }
  SECTION("a missing file") {
    const std::string missing = folder.file("nothing-here.json");
    CHECK_LOOM_THROWS(loom::pipeline::load(missing), loom::IoError,
                      "cannot open model file \"" + missing + "\"");
  }
}

TEST_CASE("Saving fails cleanly and leaves an existing model untouched",
          "[pipeline][serialization][errors]") {
  TemporaryFolder folder;

  SECTION("a missing folder is named") {
    const std::string path = folder.file("no-such-folder/model.json");
    CHECK_LOOM_THROWS(loom::pipeline::save(fitted_pipeline(), path), loom::IoError,
                      "folder \"" + folder.file("no-such-folder") + "\" does not exist");
    CHECK_FALSE(std::filesystem::exists(folder.file("no-such-folder")));
  }
  SECTION("an unfitted pipeline cannot produce its state") {
    const std::string path = folder.file("model.json");
    loom::pipeline::save(fitted_pipeline(), path);
    const std::string before = read_text(path);
    const Pipeline unfitted = Pipeline::from_spec(loom::test::small_pipeline_spec());
    CHECK_LOOM_THROWS(loom::pipeline::save(unfitted, path), loom::NotFittedError,
                      "called before fit");
    CHECK(read_text(path) == before);
    CHECK_NOTHROW(loom::pipeline::load(path));
  }
  SECTION("a partly fitted pipeline names the unfitted step") {
    const std::string path = folder.file("model.json");
    loom::pipeline::save(fitted_pipeline(), path);
    const std::string before = read_text(path);
    Pipeline partly = fitted_pipeline();
    partly.set_param("prep.remainder", "passthrough");  // unfits the ColumnTransformer
    CHECK_LOOM_THROWS(loom::pipeline::save(partly, path), loom::NotFittedError,
                      "Pipeline: fitted_state called before fit (ColumnTransformer \"prep\" is "
                      "not fitted)");
    CHECK(read_text(path) == before);
  }
  SECTION("the path is a folder") {
    CHECK_LOOM_THROWS(loom::pipeline::save(fitted_pipeline(), folder.file("")), loom::IoError,
                      "cannot write");
  }
}
