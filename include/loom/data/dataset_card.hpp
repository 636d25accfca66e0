#pragma once
// A dataset card: how a dataset came to be (description, source, collection method,
// preprocessing applied, splits, rows excluded and why, storage format), saved as JSON beside
// the data (the "datasheets for datasets" idea; Hugging Face dataset cards). Reading a card
// throws ParseError naming the file and the key that is malformed, IoError when it cannot
// be read or written.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace loom::data {

struct DatasetSplit {
  std::string name;         // "train", "test", ...
  std::size_t rows = 0;     // rows in the split
  std::string description;  // how it was drawn ("stratified 80/20, seed 0")
  bool operator==(const DatasetSplit&) const = default;
};

struct ExcludedRows {
  std::size_t rows = 0;  // how many rows were left out
  std::string reason;    // why ("duplicate rows", "target missing")
  bool operator==(const ExcludedRows&) const = default;
};

struct DatasetCard {
  std::string description;
  std::string source;                      // where the data comes from (URL, system, person)
  std::string collection_method;           // how it was collected
  std::vector<std::string> preprocessing;  // steps applied to it, in order
  std::vector<DatasetSplit> splits;
  std::vector<ExcludedRows> excluded;
  std::string storage_format = "csv";
  bool operator==(const DatasetCard&) const = default;
};

nlohmann::ordered_json card_to_json(const DatasetCard& card);
// Missing keys keep their defaults; a key of the wrong JSON type throws ParseError naming
// it, prefixed by source (a file name, say).
DatasetCard card_from_json(const nlohmann::json& json, const std::string& source = "card");

// Writes the card as indented JSON, atomically; the folder must exist.
void save_card(const DatasetCard& card, const std::string& path);
DatasetCard load_card(const std::string& path);

}  // namespace loom::data
