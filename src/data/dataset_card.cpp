#include "loom/data/dataset_card.hpp"

#include <fmt/format.h>

#include <fstream>

#include "loom/core/error.hpp"
#include "loom/io/atomic_file.hpp"

namespace loom::data {

namespace {

template <typename T>
void read_key(const nlohmann::json& json, const char* key, T& target, const std::string& where) {
  if (!json.contains(key)) return;
  try {
    target = json.at(key).get<T>();
  } catch (const nlohmann::json::exception&) {
    throw ParseError(fmt::format("{}: key \"{}\" has the wrong type (found {})", where, key,
                                 json.at(key).dump()));
  }
}

}  // namespace

nlohmann::ordered_json card_to_json(const DatasetCard& card) {
  nlohmann::ordered_json splits = nlohmann::ordered_json::array();
  for (const auto& split : card.splits) {
    splits.push_back(
        {{"name", split.name}, {"rows", split.rows}, {"description", split.description}});
  }
  nlohmann::ordered_json excluded = nlohmann::ordered_json::array();
  for (const auto& item : card.excluded) {
    excluded.push_back({{"rows", item.rows}, {"reason", item.reason}});
  }
  return {{"description", card.description},
          {"source", card.source},
          {"collection_method", card.collection_method},
          {"preprocessing", card.preprocessing},
          {"splits", splits},
          {"excluded", excluded},
          {"storage_format", card.storage_format}};
}

DatasetCard card_from_json(const nlohmann::json& json, const std::string& source) {
  if (!json.is_object()) {
    throw ParseError(fmt::format("{}: a dataset card must be a JSON object", source));
  }
  DatasetCard card;
  read_key(json, "description", card.description, source);
  read_key(json, "source", card.source, source);
  read_key(json, "collection_method", card.collection_method, source);
  read_key(json, "preprocessing", card.preprocessing, source);
  read_key(json, "storage_format", card.storage_format, source);
  nlohmann::json splits = nlohmann::json::array();
  read_key(json, "splits", splits, source);
  for (std::size_t i = 0; i < splits.size(); ++i) {
    const std::string where = fmt::format("{}: splits[{}]", source, i);
    if (!splits.is_array() || !splits[i].is_object()) {
      throw ParseError(fmt::format("{}: expected an object", where));
    }
    DatasetSplit split;
    read_key(splits[i], "name", split.name, where);
    read_key(splits[i], "rows", split.rows, where);
    read_key(splits[i], "description", split.description, where);
    card.splits.push_back(std::move(split));
  }
  nlohmann::json excluded = nlohmann::json::array();
  read_key(json, "excluded", excluded, source);
  for (std::size_t i = 0; i < excluded.size(); ++i) {
    const std::string where = fmt::format("{}: excluded[{}]", source, i);
    if (!excluded.is_array() || !excluded[i].is_object()) {
      throw ParseError(fmt::format("{}: expected an object", where));
    }
    ExcludedRows item;
    read_key(excluded[i], "rows", item.rows, where);
    read_key(excluded[i], "reason", item.reason, where);
    card.excluded.push_back(std::move(item));
  }
  return card;
}

void save_card(const DatasetCard& card, const std::string& path) {
  const auto text = card_to_json(card).dump(2) + "\n";
  io::write_file_atomically(path, [&](std::ostream& out) { out << text; });
}

DatasetCard load_card(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw IoError(fmt::format("cannot open dataset card {}", path));
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& error) {
    throw ParseError(fmt::format("{}: not valid JSON ({})", path, error.what()));
  }
  return card_from_json(json, path);
}

}  // namespace loom::data
