// The model commands of the CLI (cluster, rules; CLI.md), appended to the command table.
#include "commands.hpp"

namespace loom::cli {

int run_cluster(const std::vector<std::string>& args);
int run_rules(const std::vector<std::string>& args);

void add_model_commands(std::vector<Command>& table) {
  table.push_back(
      {"cluster", "fit a clustering pipeline and write each row's cluster",
       "loom cluster --spec SPEC.json --data FILE.csv --out OUT.csv [--target COL] [CSV flags]",
       run_cluster});
  table.push_back({"rules", "mine frequent itemsets and association rules (Apriori)",
                   "loom rules --data FILE [--format basket|long|onehot] [--transaction COL "
                   "--item COL] --min-support S [--min-confidence C] [--max-len L] --out "
                   "RULES.json [CSV flags]",
                   run_rules});
}

}  // namespace loom::cli
