// loom outliers --method NAME --data FILE.csv [--columns A,B,...] [--param K=V ...]
// --out OUT.csv: fits an outlier detector on the numeric columns (or those named) and writes
// one row per input row: label (1 inlier, -1 outlier) and score (higher is more normal).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <sstream>

#include "commands.hpp"
#include "common.hpp"
#include "loom/clean/outlier_detector.hpp"
#include "loom/io/csv.hpp"
#include "row_lines.hpp"

namespace loom::cli {

namespace {

// "K=V" pairs: V is read as JSON when it parses (0.5, true, {"a": 1}), else as a string.
Json parse_params(const std::vector<std::string>& pairs, std::string_view command) {
  Json params = Json::object();
  for (const auto& pair : pairs) {
    const auto equals = pair.find('=');
    if (equals == std::string::npos || equals == 0) {
      throw UsageError(
          fmt::format("loom {}: --param expects KEY=VALUE, found \"{}\"", command, pair));
    }
    const std::string value = pair.substr(equals + 1);
    Json parsed = Json::parse(value, nullptr, false);
    params[pair.substr(0, equals)] = parsed.is_discarded() ? Json(value) : std::move(parsed);
  }
  return params;
}

std::vector<std::string> split_names(const std::string& list) {
  std::vector<std::string> names;
  std::stringstream stream(list);
  std::string name;
  while (std::getline(stream, name, ',')) {
    if (!name.empty()) names.push_back(name);
  }
  return names;
}

}  // namespace

int run_outliers(const std::vector<std::string>& args) {
  const Arguments arguments("outliers", args,
                            join(join({{"method", true, false, true},
                                       {"data", true, false, true},
                                       {"columns"},
                                       {"param", true, true},
                                       {"out", true, false, true}},
                                      csv_flags()),
                                 common_flags()));
  if (arguments.help()) return print_usage("outliers");
  const Json params =
      arguments.has("param") ? parse_params(arguments.values("param"), "outliers") : Json::object();
  const std::string& out = arguments.value("out");
  check_output_folder(out);
  // Parameters are checked before the data is read.
  auto detector = clean::make_outlier_detector(arguments.value("method"));
  detector->set_params(params);
  detector->validate_params();

  const std::string& path = arguments.value("data");
  const Dataset data = read_data(arguments);
  std::vector<std::string> names;
  if (arguments.has("columns")) {
    names = split_names(arguments.value("columns"));
    if (names.empty()) throw UsageError("loom outliers: --columns names no column");
    for (const auto& name : names) {
      if (!data.has_column(name)) {
        throw SchemaError(fmt::format("{}: --columns names unknown column \"{}\" (columns: {})",
                                      path, name, fmt::join(data.column_names(), ", ")));
      }
      const Column& column = data.column(name);
      if (column.type() != ColumnType::numeric) {
        throw DataError(
            fmt::format("{}: column \"{}\" is {}; outlier detection needs numeric columns (pass "
                        "--type {}=numeric "
                        "if its values are numbers)",
                        path, name, to_string(column.type()), name));
      }
    }
  } else {
    names = data.names_of_type(ColumnType::numeric);
    if (names.empty()) {
      throw DataError(fmt::format("{}: no numeric column to detect outliers in (columns: {})", path,
                                  fmt::join(data.column_names(), ", ")));
    }
  }
  for (const auto& name : names) {
    const auto values = data.column(name).numeric_values();
    for (std::size_t row = 0; row < values.size(); ++row) {
      if (std::isnan(values[row])) {
        throw DataError(fmt::format(
            "{}: column \"{}\" is missing a value at line {}; outlier detection needs complete "
            "rows (impute first, or leave the column out with --columns)",
            path, name, RowLines(path, csv_options(arguments)).line(row)));
      }
    }
  }
  const Eigen::MatrixXd x = data.to_matrix(names);
  const Eigen::VectorXi labels = detector->fit_predict(x, names);
  const Eigen::VectorXd& scores = detector->training_scores();
  std::vector<double> label_values(labels.begin(), labels.end());
  io::write_csv(
      Dataset({Column::numeric("label", std::move(label_values)),
               Column::numeric("score", std::vector<double>(scores.begin(), scores.end()))}),
      out);
  return 0;
}

}  // namespace loom::cli
