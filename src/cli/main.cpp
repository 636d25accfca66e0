// The loom executable: `loom <command> [flags]`. Exit status 0 on success, 2 for usage errors,
// 1 for data, spec or model errors (CLI.md); messages go to stderr.
#include <fmt/format.h>

#include <cstdio>
#include <exception>
#include <iostream>

#include "arguments.hpp"
#include "commands.hpp"
#include "loom/core/error.hpp"

namespace loom::cli {

namespace {
constexpr std::string_view kCsvHelp =
    "CSV flags: --delimiter C (\\t for tab)  --na MARKER (repeatable)  --no-default-na\n"
    "           --no-header  --trim  --type COL=numeric|categorical|text (repeatable)  --no-quote\n"
    "Other:     --quiet (no progress line)  --help\n";

void print_overview(std::FILE* stream) {
  std::fprintf(stream, "usage: loom <command> [flags]\n\ncommands:\n");
  for (const auto& command : commands()) {
    std::fprintf(stream, "  %-10.*s %.*s\n", static_cast<int>(command.name.size()),
                 command.name.data(), static_cast<int>(command.summary.size()),
                 command.summary.data());
  }
  std::fprintf(stream, "\n`loom <command> --help` describes a command's flags.\n");
}
}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> table = [] {
    std::vector<Command> built{
        {"profile", "per-column statistics of a CSV file as JSON",
         "loom profile --data FILE.csv [--target COL]", run_profile},
        {"transform", "fit a transformer spec (or apply a fitted model) and write the features",
         "loom transform --spec SPEC.json --data FILE.csv [--target COL] --out OUT.csv\n"
         "loom transform --model MODEL.json --data NEW.csv --out OUT.csv",
         run_transform},
        {"fit", "fit a pipeline spec and save it to one model file",
         "loom fit --spec SPEC.json --data FILE.csv [--target COL] --model MODEL.json", run_fit},
        {"predict", "predict with a saved model",
         "loom predict --model MODEL.json --data FILE.csv --out OUT.csv [--proba]", run_predict},
        {"evaluate", "score a saved model on labelled data",
         "loom evaluate --model MODEL.json --data FILE.csv --target COL [--scoring NAME ...]",
         run_evaluate},
    };
    add_clean_commands(built);
    add_model_commands(built);
    add_tuning_commands(built);
    return built;
  }();
  return table;
}

const Command& command(std::string_view name) {
  for (const auto& candidate : commands()) {
    if (candidate.name == name) return candidate;
  }
  throw UsageError(fmt::format("loom: unknown command \"{}\"", name));
}

int print_usage(std::string_view name) {
  const Command& found = command(name);
  std::cout << "usage: " << found.usage << "\n\n" << found.summary << "\n\n" << kCsvHelp;
  return 0;
}

}  // namespace loom::cli

int main(int argc, char** argv) {
  using namespace loom::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    print_overview(stderr);
    return 2;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_overview(stdout);
    return 0;
  }
  if (args[0] == "--version") {
    std::cout << "loom " << LOOM_VERSION_STRING << "\n";
    return 0;
  }
  try {
    const Command& chosen = command(args[0]);
    return chosen.run(std::vector<std::string>(args.begin() + 1, args.end()));
  } catch (const UsageError& error) {
    std::fprintf(stderr, "%s\n", error.what());
    if (args[0].rfind("--", 0) != 0) {
      try {
        const Command& chosen = command(args[0]);
        std::fprintf(stderr, "usage: %.*s\n", static_cast<int>(chosen.usage.size()),
                     chosen.usage.data());
      } catch (const UsageError&) {
        print_overview(stderr);
      }
    }
    return 2;
  } catch (const loom::Error& error) {
    std::fprintf(stderr, "loom %s: error: %s\n", args[0].c_str(), error.what());
    return 1;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "loom %s: error: %s\n", args[0].c_str(), error.what());
    return 1;
  }
}
