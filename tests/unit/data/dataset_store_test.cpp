#include "loom/data/dataset_store.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <tuple>

#include "check_throws.hpp"
#include "loom/core/error.hpp"
#include "loom/core/sha256.hpp"
#include "loom/data/dataset_card.hpp"
#include "loom/data/fingerprint.hpp"
#include "loom/io/csv.hpp"

namespace fs = std::filesystem;
using loom::Column;
using loom::Dataset;
using loom::data::DatasetCard;
using loom::data::DatasetStore;
using loom::data::fingerprint;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Dataset sample() {
  return Dataset(
      {Column::numeric("age", {31.0, kNaN, 0.1, 1e300}),
       Column::categorical_from_values("city", {"Oslo", std::nullopt, "1", "Oslo"}),
       Column::text("note", {"a, \"quoted\" note", "line\nbreak", "", "NA"}, {0, 0, 1, 0})});
}

// A fresh empty folder under the temporary directory, removed at scope exit.
struct TempFolder {
  fs::path path;
  TempFolder() {
    std::random_device device;
    path = fs::temp_directory_path() / ("loom_store_test_" + std::to_string(device()));
    fs::create_directories(path);
  }
  ~TempFolder() {
    std::error_code error;
    fs::remove_all(path, error);
  }
};

DatasetCard sample_card() {
  DatasetCard card;
  card.description = "patients, first batch";
  card.source = "clinic export 2026-11";
  card.collection_method = "form entry";
  card.preprocessing = {"dropped duplicate rows", "ages clipped to [0, 120]"};
  card.splits = {{"train", 3, "first three rows"}, {"test", 1, "last row"}};
  card.excluded = {{2, "duplicate rows"}};
  card.storage_format = "parquet";  // save() sets it to csv
  return card;
}

}  // namespace

TEST_CASE("fingerprint is the sha256 of a canonical form and follows the content",
          "[fingerprint]") {
  const Dataset data({Column::numeric("x", {1.0, -0.0, kNaN}),
                      Column::categorical_from_values("c", {"b", std::nullopt, "a"})});
  CHECK(loom::data::canonical_serialisation(data) ==
        "loom-dataset-v1\n3 2\n1:x7:numeric\nV1:1V1:0M\n1:c11:categorical\nV1:bMV1:a\n");
  CHECK(fingerprint(data) == loom::sha256_hex(loom::data::canonical_serialisation(data)));
  CHECK(fingerprint(data).size() == 64);

  // Same content built another way (categories in another order, codes differ): same print.
  const Dataset rebuilt(
      {Column::numeric("x", {1.0, 0.0, kNaN}), Column::categorical("c", {0, -1, 1}, {"b", "a"})});
  CHECK(fingerprint(rebuilt) == fingerprint(data));
  // Read from CSV text: same print.
  const Dataset read = loom::io::read_csv_string("x,c\n1.0,b\n0,\n,a\n");
  CHECK(fingerprint(read) == fingerprint(data));

  // One cell, a name, a type or a missing flag changed: another print.
  CHECK(fingerprint(Dataset({Column::numeric("x", {1.0, 0.0, 2.0}),
                             Column::categorical("c", {0, -1, 1}, {"b", "a"})})) !=
        fingerprint(data));
  CHECK(fingerprint(data.rename("x", "y")) != fingerprint(data));
  CHECK(fingerprint(Dataset({Column::numeric("x", {1.0, -0.0, kNaN}),
                             Column::text("c", {"b", "", "a"}, {0, 1, 0})})) != fingerprint(data));
  CHECK(fingerprint(Dataset({Column::numeric("x", {1.0, 1e-300, kNaN}),
                             Column::categorical("c", {0, -1, 1}, {"b", "a"})})) !=
        fingerprint(data));
}

TEST_CASE("dataset card round-trips through JSON and reports bad keys", "[dataset_card]") {
  TempFolder folder;
  const std::string path = (folder.path / "card.json").string();
  const DatasetCard card = sample_card();
  loom::data::save_card(card, path);
  CHECK(loom::data::load_card(path) == card);
  const auto json = loom::data::card_to_json(card);
  CHECK(json["splits"][0]["rows"] == 3);
  CHECK(json["excluded"][0]["reason"] == "duplicate rows");

  CHECK_LOOM_THROWS(loom::data::card_from_json(nlohmann::json{{"splits", {{{"rows", "x"}}}}}),
                    loom::ParseError, "card: splits[0]: key \"rows\" has the wrong type");
  CHECK_LOOM_THROWS(loom::data::card_from_json(nlohmann::json{{"description", 3}}, "f.json"),
                    loom::ParseError, "f.json: key \"description\" has the wrong type");
  CHECK_LOOM_THROWS(loom::data::card_from_json(nlohmann::json::array()), loom::ParseError,
                    "must be a JSON object");
  std::ofstream(folder.path / "bad.json") << "{ not json";
  CHECK_LOOM_THROWS(loom::data::load_card((folder.path / "bad.json").string()), loom::ParseError,
                    "bad.json: not valid JSON");
  CHECK_LOOM_THROWS(loom::data::load_card((folder.path / "none.json").string()), loom::IoError,
                    "cannot open dataset card");
}

TEST_CASE("dataset store saves, lists and loads versions by fingerprint", "[dataset_store]") {
  TempFolder folder;
  const DatasetStore store(folder.path.string());
  const Dataset data = sample();
  const std::string id = store.save(data, sample_card());
  CHECK(id == fingerprint(data));
  CHECK(fs::exists(fs::path(store.version_path(id)) / "data.csv"));
  CHECK(fs::exists(fs::path(store.version_path(id)) / "card.json"));

  const Dataset loaded = store.load(id);
  CHECK(fingerprint(loaded) == id);
  CHECK(loaded.column("city").type() == loom::ColumnType::categorical);
  CHECK(loaded.column("city").value_string(2) == "1");
  CHECK(loaded.column("note").type() == loom::ColumnType::text);
  CHECK(loaded.column("note").value_string(3) == "NA");
  CHECK(loaded.column("note").is_missing(2));
  DatasetCard expected_card = sample_card();
  expected_card.storage_format = "csv";
  CHECK(store.card(id) == expected_card);

  // Saving the same data again keeps one version; other data adds one.
  CHECK(store.save(loaded, DatasetCard{}) == id);
  const Dataset second = data.head(2);
  DatasetCard second_card;
  second_card.description = "first two rows";
  const std::string id2 = store.save(second, second_card);
  CHECK(id2 != id);
  auto versions = store.versions();
  REQUIRE(versions.size() == 2);
  CHECK(std::tie(versions[0].saved_at, versions[0].fingerprint) <
        std::tie(versions[1].saved_at, versions[1].fingerprint));
  // Saved within the same millisecond, the order falls back to the fingerprint.
  if (versions[0].fingerprint != id) std::swap(versions[0], versions[1]);
  CHECK(versions[0].fingerprint == id);
  CHECK(versions[0].rows == 4);
  CHECK(versions[0].columns == 3);
  CHECK(versions[0].description == "patients, first batch");
  CHECK(versions[1].fingerprint == id2);
  CHECK(versions[1].rows == 2);
  CHECK(versions[1].description == "first two rows");
  CHECK(versions[0].saved_at.size() == 24);  // 2026-11-25T18:42:35.123Z
  CHECK(versions[0].saved_at.back() == 'Z');
  // Nothing is left over from the staging folders.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder.path))
    ++entries;
  CHECK(entries == 2);
}

TEST_CASE("dataset store refuses changed files, unknown versions and bad input",
          "[dataset_store]") {
  TempFolder folder;
  const DatasetStore store(folder.path.string());
  const std::string id = store.save(sample(), sample_card());
  const std::string data_path = (fs::path(store.version_path(id)) / "data.csv").string();
  std::stringstream text;
  text << std::ifstream(data_path).rdbuf();
  std::string changed = text.str();
  changed.replace(changed.find("31"), 2, "32");
  std::ofstream(data_path, std::ios::trunc) << changed;
  CHECK_LOOM_THROWS(store.load(id), loom::DataError, "dataset file " + data_path + " was changed");

  const std::string unknown(64, 'a');
  CHECK_LOOM_THROWS(store.load(unknown), loom::DataError, "has no version " + unknown);
  CHECK_LOOM_THROWS(store.card(unknown), loom::DataError, "has no version " + unknown);
  CHECK_LOOM_THROWS(store.load("../etc"), loom::ParameterError,
                    "fingerprint \"../etc\" is not a dataset fingerprint");
  CHECK_LOOM_THROWS(
      DatasetStore((folder.path / "missing").string()), loom::IoError,
      "dataset store folder " + (folder.path / "missing").string() + " does not exist");
  const Dataset empty_text({Column::text("t", {"x", ""}, {0, 0})});
  CHECK_LOOM_THROWS(store.save(empty_text, {}), loom::DataError,
                    "column \"t\", row 1: an empty (non-missing) value cannot be stored");
  std::ofstream(fs::path(store.version_path(id)) / "card.json", std::ios::trunc) << "{}";
  CHECK_LOOM_THROWS(store.versions(), loom::ParseError, "not a dataset store card");
}
