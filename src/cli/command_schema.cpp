// loom schema infer --data FILE.csv --out SCHEMA.json
// loom schema validate --schema SCHEMA.json --data FILE.csv
// infer saves the training data's schema; validate prints the JSON list of anomalies and
// exits 0 when it is empty, 1 otherwise (CLI.md).
#include <fmt/format.h>

#include <iostream>

#include "commands.hpp"
#include "common.hpp"
#include "loom/data/schema.hpp"
#include "loom/io/atomic_file.hpp"
#include "row_lines.hpp"

namespace loom::cli {

namespace {

int run_infer(const std::vector<std::string>& args) {
  const Arguments arguments(
      "schema infer", args,
      join(join({{"data", true, false, true}, {"out", true, false, true}}, csv_flags()),
           common_flags()));
  if (arguments.help()) return print_usage("schema");
  const std::string& out = arguments.value("out");
  check_output_folder(out);
  const data::Schema schema = data::infer_schema(read_data(arguments));
  const std::string text = data::to_json(schema).dump(2) + "\n";
  io::write_file_atomically(out, [&](std::ostream& stream) { stream << text; });
  return 0;
}

int run_validate(const std::vector<std::string>& args) {
  const Arguments arguments(
      "schema validate", args,
      join(join({{"schema", true, false, true}, {"data", true, false, true}}, csv_flags()),
           common_flags()));
  if (arguments.help()) return print_usage("schema");
  const std::string& schema_path = arguments.value("schema");
  const data::Schema schema =
      data::schema_from_json(read_json_file(schema_path, "schema"), schema_path);
  const Dataset data = read_data(arguments);
  const RowLines lines(arguments.value("data"), csv_options(arguments));
  data::ValidateOptions options;
  options.line_of_row = [&lines](std::size_t row) { return lines.line(row); };
  const auto anomalies = data::validate(schema, data, options);
  print_json(data::to_json(anomalies));
  return anomalies.empty() ? 0 : 1;
}

}  // namespace

int run_schema(const std::vector<std::string>& args) {
  if (args.empty()) throw UsageError("loom schema: expected a subcommand, infer or validate");
  const std::string& action = args.front();
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (action == "infer") return run_infer(rest);
  if (action == "validate") return run_validate(rest);
  if (action == "--help" || action == "-h") return print_usage("schema");
  throw UsageError(
      fmt::format("loom schema: unknown subcommand \"{}\"; expected infer or validate", action));
}

}  // namespace loom::cli
