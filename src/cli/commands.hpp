#pragma once
// The loom subcommands (CLI.md). Each takes the words after the command name and returns the
// exit status; loom::Error escapes to main (exit 1), UsageError too (exit 2).
#include <string>
#include <string_view>
#include <vector>

namespace loom::cli {

struct Command {
  std::string_view name;
  std::string_view summary;
  std::string_view usage;
  int (*run)(const std::vector<std::string>& args);
};

int run_profile(const std::vector<std::string>& args);
int run_transform(const std::vector<std::string>& args);
int run_fit(const std::vector<std::string>& args);
int run_predict(const std::vector<std::string>& args);
int run_evaluate(const std::vector<std::string>& args);

// Commands of the later areas, each listed in its own file (commands_<area>.cpp) and appended
// to the table in that order.
void add_clean_commands(std::vector<Command>& table);   // resample, schema, outliers
void add_model_commands(std::vector<Command>& table);   // cluster, rules
void add_tuning_commands(std::vector<Command>& table);  // cv, search, compare

// Every command, in the order `loom --help` lists them.
const std::vector<Command>& commands();
const Command& command(std::string_view name);  // UsageError for an unknown name
// Prints the command's usage (for --help) to stdout.
int print_usage(std::string_view name);

}  // namespace loom::cli
