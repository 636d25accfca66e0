#include "file_buffer.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <fstream>
#include <system_error>

#include "loom/core/error.hpp"

#if __has_include(<sys/mman.h>) && __has_include(<unistd.h>)
#define LOOM_IO_HAS_MMAP 1
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace loom::io::detail {

namespace {
[[noreturn]] void throw_cannot_open(const std::string& path, int error_number) {
  throw IoError(
      fmt::format("cannot open \"{}\": {}", path, std::generic_category().message(error_number)));
}
}  // namespace

#ifdef LOOM_IO_HAS_MMAP

FileBuffer::FileBuffer(const std::string& path, [[maybe_unused]] bool whole_file) {
  const int descriptor = ::open(path.c_str(), O_RDONLY);
  if (descriptor < 0) throw_cannot_open(path, errno);
  struct stat status {};
  if (::fstat(descriptor, &status) != 0) {
    const int error_number = errno;
    ::close(descriptor);
    throw_cannot_open(path, error_number);
  }
  if (S_ISDIR(status.st_mode)) {
    ::close(descriptor);
    throw IoError(fmt::format("cannot open \"{}\": it is a folder, not a file", path));
  }
  size_ = static_cast<std::size_t>(status.st_size);
  if (size_ == 0) {
    ::close(descriptor);
    return;
  }
  int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
  // The whole file will be read at once: map all its pages now rather than one fault at a
  // time (measured: reading it into huge pages instead costs more than it saves).
  if (whole_file) flags |= MAP_POPULATE;
#endif
  void* address = ::mmap(nullptr, size_, PROT_READ, flags, descriptor, 0);
  const int error_number = errno;
  ::close(descriptor);
  if (address == MAP_FAILED) throw_cannot_open(path, error_number);
  ::madvise(address, size_, MADV_SEQUENTIAL);
  data_ = static_cast<const char*>(address);
  mapped_ = true;
}

FileBuffer::~FileBuffer() {
  if (mapped_) ::munmap(const_cast<char*>(data_), size_);
}

#else

FileBuffer::FileBuffer(const std::string& path, bool /*whole_file*/) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_cannot_open(path, errno ? errno : ENOENT);
  in.seekg(0, std::ios::end);
  owned_.resize(static_cast<std::size_t>(in.tellg()));
  in.seekg(0, std::ios::beg);
  in.read(owned_.data(), static_cast<std::streamsize>(owned_.size()));
  if (!in) throw IoError(fmt::format("cannot read \"{}\"", path));
  data_ = owned_.data();
  size_ = owned_.size();
}

FileBuffer::~FileBuffer() = default;

#endif

}  // namespace loom::io::detail
