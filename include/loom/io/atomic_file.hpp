#pragma once
// Writing a file so that it appears whole or not at all, as the CLI contract requires of
// every output (never a partial file after an error or a crash).
#include <functional>
#include <ostream>
#include <string>

namespace loom::io {

// Calls write with a binary stream on a temporary file beside path ("path.tmp-XXXXXX"), then
// renames it onto path. The parent folder must exist (folders are never created). If write
// throws or the stream fails, the temporary file is removed and nothing is left at path.
// Throws IoError naming the missing folder or the file that cannot be written or renamed;
// exceptions from write propagate unchanged.
void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& write);

}  // namespace loom::io
