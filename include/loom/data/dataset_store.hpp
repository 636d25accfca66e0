#pragma once
// A local versioned store of datasets: a folder holding one sub-folder per version, named by
// the dataset's fingerprint (fingerprint.hpp), with the data as CSV (data.csv) and its card
// plus metadata (card.json: fingerprint, saved time, rows, columns, schema, card). Loading
// verifies the fingerprint. (DVC / lakeFS in miniature.) Throws IoError for a store folder
// that does not exist, DataError for an unknown version or a data file that was changed,
// ParameterError for a malformed fingerprint, ParseError for a damaged card.json.
#include <string>
#include <vector>

#include "loom/core/dataset.hpp"
#include "loom/data/dataset_card.hpp"

namespace loom::data {

struct DatasetVersion {
  std::string fingerprint;
  std::string saved_at;  // UTC, ISO 8601 with milliseconds: 2026-11-25T18:42:35.123Z
  std::size_t rows = 0;
  std::size_t columns = 0;
  std::string description;  // the card's
};

class DatasetStore {
 public:
  // root must be an existing folder (it is never created).
  explicit DatasetStore(std::string root);

  // Saves the dataset under its fingerprint, with the card (its storage_format set to "csv"),
  // and returns the fingerprint. The version folder appears whole or not at all (written
  // beside it, then renamed). Saving a dataset the store already holds keeps the existing
  // version and its card. Throws DataError for a non-missing empty text or categorical cell
  // (CSV cannot tell it from a missing one).
  std::string save(const Dataset& data, DatasetCard card) const;

  // Every version, oldest first (by saved time, then fingerprint).
  std::vector<DatasetVersion> versions() const;

  // Reads a version back, with the column types it was saved with, and checks its
  // fingerprint: a changed data file is a DataError naming the file.
  Dataset load(const std::string& fingerprint) const;
  DatasetCard card(const std::string& fingerprint) const;

  // The folder of a version (whether or not it exists).
  std::string version_path(const std::string& fingerprint) const;
  const std::string& root() const { return root_; }

 private:
  std::string root_;
};

}  // namespace loom::data
