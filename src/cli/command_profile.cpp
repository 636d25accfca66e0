// loom profile --data FILE.csv [--target COL]: per-column statistics as JSON (CLI.md).
#include "commands.hpp"
#include "common.hpp"
#include "loom/data/profile.hpp"

namespace loom::cli {

int run_profile(const std::vector<std::string>& args) {
  const Arguments arguments(
      "profile", args,
      join(join({{"data", true, false, true}, {"target"}}, csv_flags()), common_flags()));
  if (arguments.help()) return print_usage("profile");
  const Dataset data = read_data(arguments);
  data::ProfileOptions options;
  if (arguments.has("target")) options.target = arguments.value("target");
  print_json(data::profile(data, options));
  return 0;
}

}  // namespace loom::cli
