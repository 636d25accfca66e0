#pragma once
// The whole content of a file in memory: mapped read-only where the platform allows (POSIX),
// read at once otherwise. Readers parse straight from this buffer.
#include <cstddef>
#include <string>
#include <string_view>

namespace loom::io::detail {

class FileBuffer {
 public:
  // Throws IoError naming the path when it cannot be opened or read. whole_file: the whole
  // content will be parsed at once (read_csv), so all pages are mapped up front; a streaming
  // reader leaves it false.
  explicit FileBuffer(const std::string& path, bool whole_file = false);
  ~FileBuffer();
  FileBuffer(const FileBuffer&) = delete;
  FileBuffer& operator=(const FileBuffer&) = delete;

  std::string_view view() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
  bool mapped_ = false;
  std::string owned_;  // the content when it was read rather than mapped
};

}  // namespace loom::io::detail
