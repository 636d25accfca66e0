#pragma once
// Helpers for the end-to-end tests of the `loom` executable: running it in a scratch folder
// with its exit status, stdout and stderr; reading and writing small files; and a plain
// RFC 4180 reader for its output CSVs, independent of loom's own reader.
#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace loom::test {

inline const std::string kCliPath = LOOM_CLI_PATH;
inline const std::string kCliFixtures = std::string(LOOM_FIXTURES_DIR) + "/cli";

// Skips the test (with a warning) when the build has no loom_cli target.
#define LOOM_REQUIRE_CLI()                                                         \
  do {                                                                             \
    if (loom::test::kCliPath.empty()) {                                            \
      WARN("the loom executable is not built (LOOM_BUILD_CLI=OFF): test skipped"); \
      return;                                                                      \
    }                                                                              \
  } while (false)

class ScratchFolder {
 public:
  ScratchFolder() {
    std::random_device device;
    path_ = std::filesystem::temp_directory_path() /
            ("loom-cli-test-" + std::to_string(device()) + std::to_string(device()));
    std::filesystem::create_directories(path_);
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }
  // The names of the files in the folder, sorted.
  std::vector<std::string> listing() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(path_))
      names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  std::filesystem::path path_;
};

inline void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

inline std::string shell_quote(const std::string& word) {
  std::string quoted = "'";
  for (const char c : word) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

struct RunResult {
  int exit_code = -1;  // 128 + signal when the process was killed
  std::string out;
  std::string err;
};

// Runs `loom args...` with the scratch folder as working directory; {dir} in an argument
// stands for the fixture folder, {tmp} for the scratch folder.
inline RunResult run_loom(const ScratchFolder& folder, std::vector<std::string> args) {
  std::string command =
      "cd " + shell_quote(folder.path().string()) + " && " + shell_quote(kCliPath);
  for (auto& arg : args) {
    for (const auto& [placeholder, value] :
         {std::pair<std::string, std::string>{"{dir}", kCliFixtures},
          std::pair<std::string, std::string>{"{tmp}", folder.path().string()}}) {
      for (auto at = arg.find(placeholder); at != std::string::npos; at = arg.find(placeholder))
        arg.replace(at, placeholder.size(), value);
    }
    command += " " + shell_quote(arg);
  }
  const std::string out_path = folder.file(".stdout");
  const std::string err_path = folder.file(".stderr");
  command += " </dev/null >" + shell_quote(out_path) + " 2>" + shell_quote(err_path);
  const int status = std::system(command.c_str());
  RunResult result;
  if (status != -1 && WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (status != -1 && WIFSIGNALED(status)) {
    result.exit_code = 128 + WTERMSIG(status);
  }
  result.out = read_text(out_path);
  result.err = read_text(err_path);
  std::filesystem::remove(out_path);
  std::filesystem::remove(err_path);
  return result;
}

// Output CSV as rows of fields (RFC 4180 quoting; LF or CRLF line ends).
inline std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  bool row_open = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    row_open = true;
    if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      row_open = false;
    } else {
      field += c;
    }
  }
  if (row_open) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

inline nlohmann::json load_cli_expected() {
  std::ifstream in(kCliFixtures + "/expected.json");
  if (!in) throw std::runtime_error("cannot open " + kCliFixtures + "/expected.json");
  return nlohmann::json::parse(in);
}

inline std::vector<std::string> args_of(const nlohmann::json& list) {
  return list.get<std::vector<std::string>>();
}

// A number as the output wrote it; fails the test (not a crash) for a non-number.
inline double parse_double(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size()) FAIL("not a number: \"" << text << "\"");
  return value;
}

inline bool near(double actual, double expected, double relative) {
  return std::abs(actual - expected) <= relative * (1.0 + std::abs(expected));
}

}  // namespace loom::test
