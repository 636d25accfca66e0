#pragma once
// Saving a fitted pipeline to one JSON document and loading it back:
// {"format": "loom-pipeline", "format_version": 1, "loom_version", "metadata", "steps": [...],
//  "checksum": sha256 of the document without that field}. Loading verifies the checksum,
// then format and version, then that the file is byte for byte what save wrote (so that no
// change, even one that parses to the same document, goes unnoticed), before any of it is
// used. Throws IoError (cannot read or write), ParseError (truncated, not JSON, changed,
// unknown format, newer format version).
#include <string>

#include "loom/pipeline/pipeline.hpp"

namespace loom::pipeline {

inline constexpr int kFormatVersion = 1;
inline constexpr const char* kFormatName = "loom-pipeline";

// The loom version compiled in ("0.1.0").
std::string loom_version();

// The document for a fitted pipeline; metadata (any JSON object) is stored as given.
Json to_document(const Pipeline& pipeline, const Json& metadata = Json::object());
// Checks and rebuilds; `source` names the file in messages.
Pipeline from_document(const Json& document, const std::string& source);

// Writes to a temporary file then renames, so an existing file is never left half-written.
void save(const Pipeline& pipeline, const std::string& path, const Json& metadata = Json::object());
Pipeline load(const std::string& path);
// The metadata stored with a saved pipeline.
Json load_metadata(const std::string& path);

}  // namespace loom::pipeline
