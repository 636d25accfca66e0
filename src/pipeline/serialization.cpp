#include "loom/pipeline/serialization.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

#include "loom/core/sha256.hpp"
#include "loom/io/atomic_file.hpp"

namespace loom::pipeline {

std::string loom_version() {
#ifdef LOOM_VERSION_STRING
  return LOOM_VERSION_STRING;
#else
  return "unknown";
#endif
}

namespace {

std::string checksum_of(Json document) {
  document.erase("checksum");
  return sha256_hex(document.dump());
}

// The file's text with the parsed document. The checksum covers the document, so a change
// that parses to the same document (a number's spelling, spacing, an escape) is caught by
// requiring the bytes to be exactly what save wrote (verify_bytes).
struct ModelFile {
  std::string text;
  Json document;
};

ModelFile read_document(const std::string& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    throw IoError(fmt::format("cannot open model file \"{}\": it is a folder", path));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(fmt::format("cannot open model file \"{}\"", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  if (text.empty()) throw ParseError(fmt::format("model file \"{}\" is empty", path));
  try {
    return {text, Json::parse(text)};
  } catch (const Json::parse_error& error) {
    throw ParseError(fmt::format(
        "model file \"{}\" is not valid JSON (truncated or corrupt?) at byte {}: expected a "
        "complete loom-pipeline document; its checksum cannot be verified",
        path, error.byte));
  }
}

void verify(const Json& document, const std::string& source) {
  if (!document.is_object()) {
    throw ParseError(fmt::format("model file \"{}\": expected a JSON object", source));
  }
  if (!document.contains("checksum") || !document["checksum"].is_string()) {
    throw ParseError(
        fmt::format("model file \"{}\": missing \"checksum\"; not a loom model?", source));
  }
  if (document["checksum"].get<std::string>() != checksum_of(document)) {
    throw ParseError(fmt::format(
        "model file \"{}\": checksum mismatch; the file was changed or damaged after it was saved",
        source));
  }
  if (document.value("format", "") != kFormatName) {
    throw ParseError(fmt::format("model file \"{}\": format is \"{}\", expected \"{}\"", source,
                                 document.value("format", ""), kFormatName));
  }
  const Json& version = document.contains("format_version") ? document["format_version"] : Json();
  if (!version.is_number_integer()) {
    throw ParseError(fmt::format("model file \"{}\": missing integer \"format_version\"", source));
  }
  if (version.get<int>() > kFormatVersion) {
    throw ParseError(fmt::format(
        "model file \"{}\": format version {} is newer than this loom ({}) can read (up to {}); "
        "upgrade loom",
        source, version.get<int>(), loom_version(), kFormatVersion));
  }
}

// After verify: the file must be the document's own text (save adds one newline).
void verify_bytes(const ModelFile& file, const std::string& source) {
  std::string_view body = file.text;
  if (body.ends_with('\n')) body.remove_suffix(1);
  if (body != file.document.dump()) {
    throw ParseError(fmt::format(
        "model file \"{}\": checksum mismatch: the file is not byte for byte the document its "
        "checksum was computed on (changed or reformatted after it was saved)",
        source));
  }
}

ModelFile read_verified(const std::string& path) {
  ModelFile file = read_document(path);
  verify(file.document, path);
  verify_bytes(file, path);
  return file;
}

}  // namespace

Json to_document(const Pipeline& pipeline, const Json& metadata) {
  Json document = {{"format", kFormatName},
                   {"format_version", kFormatVersion},
                   {"loom_version", loom_version()},
                   {"metadata", metadata},
                   {"steps", pipeline.get_params()["steps"]},
                   {"state", pipeline.fitted_state()}};
  document["checksum"] = checksum_of(document);
  return document;
}

Pipeline from_document(const Json& document, const std::string& source) {
  verify(document, source);
  try {
    Pipeline pipeline = Pipeline::from_spec({{"steps", document.at("steps")}});
    pipeline.load_fitted_state(document.at("state"));
    return pipeline;
  } catch (const Json::exception& error) {
    throw ParseError(fmt::format("model file \"{}\": malformed content: {}", source, error.what()));
  } catch (const Error& error) {
    throw ParseError(fmt::format("model file \"{}\": {}", source, error.what()));
  }
}

void save(const Pipeline& pipeline, const std::string& path, const Json& metadata) {
  const std::string text = to_document(pipeline, metadata).dump();
  io::write_file_atomically(path, [&](std::ostream& out) { out << text << '\n'; });
}

Pipeline load(const std::string& path) {
  return from_document(read_verified(path).document, path);
}

Json load_metadata(const std::string& path) {
  return read_verified(path).document.value("metadata", Json::object());
}

}  // namespace loom::pipeline
