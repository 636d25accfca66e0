// loom rules --data FILE [--format basket|long|onehot] [--transaction COL --item COL]
// --min-support S [--min-confidence C] [--max-len L] --out RULES.json: Apriori frequent
// itemsets and association rules (CLI.md).
#include <fmt/format.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "commands.hpp"
#include "common.hpp"
#include "loom/io/atomic_file.hpp"
#include "loom/models/rules/apriori.hpp"

namespace loom::cli {

namespace {

double number_flag(const Arguments& arguments, std::string_view flag, double fallback) {
  if (!arguments.has(flag)) return fallback;
  const std::string& text = arguments.value(flag);
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    throw ParameterError(
        fmt::format("loom rules: --{} must be a number, found \"{}\"", flag, text));
  }
  return value;
}

std::string read_text(const std::string& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    throw IoError(fmt::format("cannot open data file \"{}\": it is a folder", path));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(fmt::format("cannot open data file \"{}\"", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

nlohmann::ordered_json names(const models::Transactions& data, const std::vector<int>& items) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (int item : items)
    list.push_back(data.items[static_cast<std::size_t>(item)]);
  return list;
}

}  // namespace

int run_rules(const std::vector<std::string>& args) {
  const Arguments arguments("rules", args,
                            join(join({{"data", true, false, true},
                                       {"format"},
                                       {"transaction"},
                                       {"item"},
                                       {"min-support", true, false, true},
                                       {"min-confidence"},
                                       {"max-len"},
                                       {"out", true, false, true}},
                                      csv_flags()),
                                 common_flags()));
  if (arguments.help()) return print_usage("rules");
  const std::string& out = arguments.value("out");
  check_output_folder(out);
  if (arguments.has("transaction") != arguments.has("item")) {
    throw UsageError("loom rules: --transaction and --item go together");
  }
  const bool long_flags = arguments.has("transaction");
  const std::string format = arguments.value_or("format", long_flags ? "long" : "onehot");
  if (format != "basket" && format != "long" && format != "onehot") {
    throw UsageError(
        fmt::format("loom rules: --format must be basket, long or onehot, found \"{}\"", format));
  }
  if (format == "long" && !long_flags) {
    throw UsageError("loom rules: --format long needs --transaction COL and --item COL");
  }
  models::AprioriParams apriori_params;
  apriori_params.min_support = number_flag(arguments, "min-support", 0.0);
  if (arguments.has("max-len")) {
    const double max_len = number_flag(arguments, "max-len", 0.0);
    if (max_len != static_cast<double>(static_cast<int>(max_len))) {
      throw ParameterError(fmt::format("loom rules: --max-len must be an integer, found {}",
                                       arguments.value("max-len")));
    }
    apriori_params.max_len = static_cast<int>(max_len);
  }
  models::AssociationRulesParams rule_params;
  rule_params.min_confidence = number_flag(arguments, "min-confidence", 0.8);

  // The thresholds are checked before the data are read: empty inputs run only the checks.
  static_cast<void>(models::apriori(models::Transactions{}, apriori_params));
  static_cast<void>(models::association_rules({}, rule_params));

  models::Transactions data;
  if (format == "basket") {
    data = models::transactions_from_baskets(read_text(arguments.value("data")),
                                             csv_options(arguments).delimiter);
  } else if (format == "long") {
    data = models::transactions_from_long(read_data(arguments), arguments.value("transaction"),
                                          arguments.value("item"));
  } else {
    data = models::transactions_from_onehot(read_data(arguments));
  }
  const auto itemsets = models::apriori(data, apriori_params);
  const auto rules = models::association_rules(itemsets, rule_params);

  nlohmann::ordered_json result;
  result["transactions"] = data.transactions.size();
  result["itemsets"] = nlohmann::ordered_json::array();
  for (const auto& itemset : itemsets) {
    nlohmann::ordered_json entry;
    entry["items"] = names(data, itemset.items);
    entry["count"] = itemset.count;
    entry["support"] = itemset.support;
    result["itemsets"].push_back(std::move(entry));
  }
  result["rules"] = nlohmann::ordered_json::array();
  for (const auto& rule : rules) {
    nlohmann::ordered_json entry;
    entry["antecedent"] = names(data, rule.antecedent);
    entry["consequent"] = names(data, rule.consequent);
    entry["support"] = rule.support;
    entry["confidence"] = rule.confidence;
    entry["lift"] = rule.lift;
    result["rules"].push_back(std::move(entry));
  }
  io::write_file_atomically(out, [&](std::ostream& stream) { stream << result.dump(2) << '\n'; });
  return 0;
}

}  // namespace loom::cli
