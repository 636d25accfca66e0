// loom resample --method NAME --data FILE.csv --target COL --out OUT.csv [--param K=V ...]:
// applies an imbalanced-learn resampler and writes every column, the kept input rows first
// in input order, then the new rows (CLI.md).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "commands.hpp"
#include "common.hpp"
#include "loom/core/registry.hpp"
#include "loom/io/csv.hpp"

namespace loom::cli {

namespace {

// The step types that are resamplers, for the message naming an unknown method.
std::vector<std::string> resampler_names() {
  std::vector<std::string> names;
  const Registry& registry = Registry::global();
  for (const auto& name : registry.type_names()) {
    if (registry.create(name, Json::object(), name)->kind() == StepKind::resampler)
      names.push_back(name);
  }
  return names;
}

std::unique_ptr<Resampler> make_resampler(const std::string& method) {
  const Registry& registry = Registry::global();
  if (registry.contains(method)) {
    std::unique_ptr<Step> step = registry.create(method, Json::object(), "resample");
    if (step->kind() == StepKind::resampler)
      return std::unique_ptr<Resampler>(static_cast<Resampler*>(step.release()));
  }
  throw ParameterError(fmt::format("--method: \"{}\" is not a resampler (resamplers: {})", method,
                                   fmt::join(resampler_names(), ", ")));
}

// --param K=V: V as JSON when it parses (0.5, true, {"0": 100}), else as a string (auto).
void set_param(Step& step, const std::string& assignment) {
  const auto equals = assignment.find('=');
  if (equals == std::string::npos || equals == 0) {
    throw ParameterError(fmt::format("--param expects NAME=VALUE, found \"{}\"", assignment));
  }
  const std::string name = assignment.substr(0, equals);
  const std::string text = assignment.substr(equals + 1);
  Json value = Json::parse(text, nullptr, false);
  if (value.is_discarded()) value = text;
  step.set_param(name, value);
}

}  // namespace

int run_resample(const std::vector<std::string>& args) {
  const Arguments arguments("resample", args,
                            join(join({{"method", true, false, true},
                                       {"data", true, false, true},
                                       {"target", true, false, true},
                                       {"out", true, false, true},
                                       {"param", true, true, false}},
                                      csv_flags()),
                                 common_flags()));
  if (arguments.help()) return print_usage("resample");
  const std::string& out = arguments.value("out");
  check_output_folder(out);
  std::unique_ptr<Resampler> resampler = make_resampler(arguments.value("method"));
  if (arguments.has("param")) {
    for (const auto& assignment : arguments.values("param"))
      set_param(*resampler, assignment);
  }
  resampler->validate_params();
  const Dataset data = read_data(arguments);
  const std::string& target = arguments.value("target");
  auto [features, labels] = split_target(data, target);
  auto [resampled, resampled_labels] = resampler->fit_resample(features, labels);
  // Every column in the file's order, the target back in its place.
  const Dataset rows = resampled.to_dataset();
  std::vector<Column> columns;
  columns.reserve(data.n_columns());
  for (const auto& name : data.column_names()) {
    columns.push_back(name == target ? resampled_labels.renamed(name) : rows.column(name));
  }
  io::write_csv(Dataset(std::move(columns)), out);
  return 0;
}

}  // namespace loom::cli
