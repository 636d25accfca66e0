// The model commands of the CLI (cluster, rules; CLI.md), appended to the command table.
#include "commands.hpp"

namespace loom::cli {

void add_model_commands(std::vector<Command>& table) {
  static_cast<void>(table);
}

}  // namespace loom::cli
