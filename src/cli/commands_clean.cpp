// The clean commands of the CLI (resample, schema, outliers; CLI.md), appended to the command
// table.
#include "commands.hpp"

namespace loom::cli {

int run_resample(const std::vector<std::string>& args);  // command_resample.cpp
int run_outliers(const std::vector<std::string>& args);
int run_schema(const std::vector<std::string>& args);

void add_clean_commands(std::vector<Command>& table) {
  table.push_back({"resample", "rebalance the classes of a CSV file with a resampler (SMOTE, ...)",
                   "loom resample --method NAME --data FILE.csv --target COL --out OUT.csv "
                   "[--param K=V ...]",
                   run_resample});
  table.push_back({"schema", "infer a schema from data, or validate data against one",
                   "loom schema infer --data FILE.csv --out SCHEMA.json\n"
                   "loom schema validate --schema SCHEMA.json --data FILE.csv",
                   run_schema});
  table.push_back({"outliers", "label (1 / -1) and score each row with an outlier detector",
                   "loom outliers --method NAME --data FILE.csv [--columns A,B,...] "
                   "[--param K=V ...] --out OUT.csv\n"
                   "methods: IsolationForest, LocalOutlierFactor, PCAReconstruction, zscore, iqr",
                   run_outliers});
}

}  // namespace loom::cli
