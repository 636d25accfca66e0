#include "loom/data/dataset_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <tuple>

#include "loom/core/error.hpp"
#include "loom/data/fingerprint.hpp"
#include "loom/io/atomic_file.hpp"
#include "loom/io/csv.hpp"

namespace loom::data {

namespace fs = std::filesystem;

namespace {

constexpr const char* kDataFile = "data.csv";
constexpr const char* kCardFile = "card.json";

std::string utc_now() {
  const auto now = std::chrono::system_clock::now();
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &utc);
  return fmt::format("{}.{:03d}Z", buffer, static_cast<int>(millis));
}

void check_fingerprint(const std::string& fingerprint) {
  const bool hex =
      fingerprint.size() == 64 && std::all_of(fingerprint.begin(), fingerprint.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      });
  if (!hex) {
    throw ParameterError(fmt::format(
        "fingerprint \"{}\" is not a dataset fingerprint (64 lowercase hex digits)", fingerprint));
  }
}

void check_storable(const Dataset& data) {
  for (const auto& column : data.columns()) {
    if (column.type() == ColumnType::numeric) continue;
    for (std::size_t row = 0; row < column.size(); ++row) {
      if (!column.is_missing(row) && column.value_string(row).empty()) {
        throw DataError(fmt::format(
            "column \"{}\", row {}: an empty (non-missing) value cannot be stored as CSV, "
            "where it would read back as missing",
            column.name(), row));
      }
    }
  }
}

nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw IoError(fmt::format("cannot open {}", path));
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& error) {
    throw ParseError(fmt::format("{}: not valid JSON ({})", path, error.what()));
  }
}

std::string temporary_name(const std::string& fingerprint) {
  std::random_device device;
  return fmt::format(".tmp-{}-{:08x}", fingerprint.substr(0, 16), device());
}

}  // namespace

DatasetStore::DatasetStore(std::string root) : root_(std::move(root)) {
  if (!fs::is_directory(root_)) {
    throw IoError(fmt::format("dataset store folder {} does not exist", root_));
  }
}

std::string DatasetStore::version_path(const std::string& fingerprint) const {
  return (fs::path(root_) / fingerprint).string();
}

std::string DatasetStore::save(const Dataset& data, DatasetCard card) const {
  check_storable(data);
  const std::string id = fingerprint(data);
  const fs::path target = version_path(id);
  if (fs::exists(target / kCardFile) && fs::exists(target / kDataFile)) return id;

  card.storage_format = "csv";
  nlohmann::ordered_json schema = nlohmann::ordered_json::array();
  for (const auto& column : data.columns()) {
    schema.push_back({{"name", column.name()}, {"type", to_string(column.type())}});
  }
  const nlohmann::ordered_json meta = {{"fingerprint", id},     {"saved_at", utc_now()},
                                       {"rows", data.n_rows()}, {"columns", data.n_columns()},
                                       {"schema", schema},      {"card", card_to_json(card)}};
  const fs::path staging = fs::path(root_) / temporary_name(id);
  std::error_code error;
  if (!fs::create_directory(staging, error)) {
    throw IoError(fmt::format("cannot create folder {} in dataset store {}: {}",
                              staging.filename().string(), root_, error.message()));
  }
  try {
    io::write_csv(data, (staging / kDataFile).string());
    const std::string text = meta.dump(2) + "\n";
    io::write_file_atomically((staging / kCardFile).string(),
                              [&](std::ostream& out) { out << text; });
    if (fs::exists(target)) fs::remove_all(target);  // an incomplete earlier version
    fs::rename(staging, target);
  } catch (...) {
    fs::remove_all(staging, error);
    if (fs::exists(target / kCardFile) && fs::exists(target / kDataFile)) return id;  // a race
    throw;
  }
  return id;
}

std::vector<DatasetVersion> DatasetStore::versions() const {
  std::vector<DatasetVersion> result;
  for (const auto& entry : fs::directory_iterator(root_)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_directory() || name.starts_with(".")) continue;
    const std::string card_path = (entry.path() / kCardFile).string();
    if (!fs::exists(card_path)) continue;
    const auto meta = read_json(card_path);
    DatasetVersion version;
    try {
      version.fingerprint = meta.at("fingerprint").get<std::string>();
      version.saved_at = meta.at("saved_at").get<std::string>();
      version.rows = meta.at("rows").get<std::size_t>();
      version.columns = meta.at("columns").get<std::size_t>();
      version.description = meta.at("card").value("description", std::string());
    } catch (const nlohmann::json::exception& error) {
      throw ParseError(fmt::format("{}: not a dataset store card ({})", card_path, error.what()));
    }
    result.push_back(std::move(version));
  }
  std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) {
    return std::tie(a.saved_at, a.fingerprint) < std::tie(b.saved_at, b.fingerprint);
  });
  return result;
}

Dataset DatasetStore::load(const std::string& id) const {
  check_fingerprint(id);
  const fs::path folder = version_path(id);
  const std::string card_path = (folder / kCardFile).string();
  const std::string data_path = (folder / kDataFile).string();
  if (!fs::exists(card_path) || !fs::exists(data_path)) {
    throw DataError(fmt::format("dataset store {} has no version {}", root_, id));
  }
  const auto meta = read_json(card_path);
  io::CsvOptions options;
  options.keep_default_na = false;  // only an empty field is missing, as write_csv writes it
  options.na_values = {""};
  try {
    for (const auto& column : meta.at("schema")) {
      options.types[column.at("name").get<std::string>()] =
          column_type_from_string(column.at("type").get<std::string>());
    }
  } catch (const nlohmann::json::exception& error) {
    throw ParseError(fmt::format("{}: not a dataset store card ({})", card_path, error.what()));
  }
  Dataset data = io::read_csv(data_path, options);
  const std::string found = fingerprint(data);
  if (found != id) {
    throw DataError(fmt::format(
        "dataset file {} was changed: its content has fingerprint {}, the version saved has {}",
        data_path, found, id));
  }
  return data;
}

DatasetCard DatasetStore::card(const std::string& id) const {
  check_fingerprint(id);
  const std::string card_path = (fs::path(version_path(id)) / kCardFile).string();
  if (!fs::exists(card_path)) {
    throw DataError(fmt::format("dataset store {} has no version {}", root_, id));
  }
  const auto meta = read_json(card_path);
  if (!meta.contains("card")) {
    throw ParseError(fmt::format("{}: not a dataset store card (no \"card\" key)", card_path));
  }
  return card_from_json(meta.at("card"), card_path);
}

}  // namespace loom::data
