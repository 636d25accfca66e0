// The clean commands of the CLI (resample, schema, outliers; CLI.md), appended to the command
// table.
#include "commands.hpp"

namespace loom::cli {

int run_resample(const std::vector<std::string>& args);  // command_resample.cpp

void add_clean_commands(std::vector<Command>& table) {
  table.push_back({"resample", "rebalance the classes of a CSV file with a resampler (SMOTE, ...)",
                   "loom resample --method NAME --data FILE.csv --target COL --out OUT.csv "
                   "[--param K=V ...]",
                   run_resample});
}

}  // namespace loom::cli
