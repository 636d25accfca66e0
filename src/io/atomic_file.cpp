#include "loom/io/atomic_file.hpp"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <system_error>
#include <thread>

#include "loom/core/error.hpp"

namespace loom::io {

namespace {

// A name unlikely to clash with another writer of the same path, in this or another process.
std::string temporary_name(const std::string& path) {
  static std::atomic<std::uint64_t> counter{0};
  const auto now = static_cast<std::uint64_t>(
      std::chrono::high_resolution_clock::now().time_since_epoch().count());
  const auto thread =
      static_cast<std::uint64_t>(std::hash<std::thread::id>{}(std::this_thread::get_id()));
  std::uint64_t mixed = now ^ (thread * 0x9E3779B97F4A7C15ull) ^ (++counter << 40);
  mixed ^= mixed >> 29;
  mixed *= 0xBF58476D1CE4E5B9ull;
  mixed ^= mixed >> 32;
  return fmt::format("{}.tmp-{:06x}", path, mixed & 0xFFFFFF);
}

void remove_quietly(const std::string& path) {
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
}

}  // namespace

void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& write) {
  namespace fs = std::filesystem;
  const fs::path parent = fs::path(path).parent_path();
  std::error_code error;
  if (!parent.empty() && !fs::is_directory(parent, error)) {
    throw IoError(
        fmt::format("cannot write \"{}\": folder \"{}\" does not exist", path, parent.string()));
  }
  if (fs::is_directory(path, error)) {
    throw IoError(fmt::format("cannot write \"{}\": it is a folder", path));
  }
  const std::string temporary = temporary_name(path);
  try {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      throw IoError(fmt::format("cannot write \"{}\": cannot create \"{}\"", path, temporary));
    }
    write(out);
    out.flush();
    if (!out) throw IoError(fmt::format("cannot write \"{}\": writing failed (disk full?)", path));
    out.close();
    if (out.fail()) throw IoError(fmt::format("cannot write \"{}\": closing failed", path));
    fs::rename(temporary, path, error);
    if (error) {
      throw IoError(fmt::format("cannot write \"{}\": renaming \"{}\" failed: {}", path, temporary,
                                error.message()));
    }
  } catch (...) {
    remove_quietly(temporary);
    throw;
  }
}

}  // namespace loom::io
