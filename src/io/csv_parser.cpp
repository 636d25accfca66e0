#include "csv_parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <limits>
#include <thread>
#include <unordered_map>

#include "loom/core/error.hpp"
#include "string_column_builder.hpp"
#include "string_column_join.hpp"

namespace loom::io::detail {

namespace {

// pandas' mangle_dupe_cols: the second "a" becomes "a.1", the third "a.2", skipping names
// already taken.
void rename_duplicates(std::vector<std::string>& names) {
  std::unordered_map<std::string, std::size_t> counts;
  for (auto& name : names) {
    std::size_t count = counts[name];
    while (count > 0) {
      counts[name] = count + 1;
      name = fmt::format("{}.{}", name, count);
      count = counts[name];
    }
    counts[name] = count + 1;
  }
}

std::string shorten(std::string_view value) {
  constexpr std::size_t kLongest = 60;
  if (value.size() <= kLongest) return std::string(value);
  return std::string(value.substr(0, kLongest)) + "...";
}

}  // namespace

std::vector<std::string> read_column_names(CsvTokenizer& tokenizer, const CsvOptions& options) {
  const CsvPosition start = tokenizer.position();
  if (!tokenizer.next_row()) {
    throw ParseError(
        fmt::format("{}: no columns to parse: the input is empty", tokenizer.source_name()));
  }
  const auto& fields = tokenizer.fields();
  std::vector<std::string> names;
  names.reserve(fields.size());
  if (!options.header) {
    for (std::size_t index = 0; index < fields.size(); ++index) {
      names.push_back(fmt::format("x{}", index));
    }
    tokenizer.seek(start);
    return names;
  }
  for (std::size_t index = 0; index < fields.size(); ++index) {
    names.emplace_back(fields[index].view());
    if (names.back().empty()) names.back() = fmt::format("Unnamed: {}", index);
  }
  rename_duplicates(names);
  return names;
}

std::vector<ColumnPlan> plan_columns(const std::vector<std::string>& names,
                                     const CsvOptions& options, std::string_view source_name) {
  std::vector<ColumnPlan> plans(names.size(), ColumnPlan::infer);
  for (const auto& [name, type] : options.types) {
    const auto found = std::find(names.begin(), names.end(), name);
    if (found == names.end()) {
      if (options.ignore_unknown_type_overrides) continue;
      throw SchemaError(fmt::format("{}: type override for unknown column \"{}\" (columns: {})",
                                    source_name, name, fmt::join(names, ", ")));
    }
    const auto index = static_cast<std::size_t>(found - names.begin());
    plans[index] = type == ColumnType::numeric       ? ColumnPlan::numeric
                   : type == ColumnType::categorical ? ColumnPlan::categorical
                                                     : ColumnPlan::text;
  }
  return plans;
}

std::vector<ColumnPlan> plan_from_schema(const std::vector<ColumnSchema>& schema) {
  std::vector<ColumnPlan> plans;
  for (const auto& column : schema) {
    plans.push_back(column.type == ColumnType::numeric       ? ColumnPlan::numeric
                    : column.type == ColumnType::categorical ? ColumnPlan::categorical
                                                             : ColumnPlan::text);
  }
  return plans;
}

CsvRowParser::CsvRowParser(CsvTokenizer& tokenizer, const CsvOptions& options,
                           std::vector<std::string> names, std::vector<ColumnPlan> plans)
    : tokenizer_(tokenizer),
      options_(options),
      markers_(options),
      names_(std::move(names)),
      plans_(std::move(plans)) {
  tokenizer_.set_column_names(&names_);
}

void CsvRowParser::throw_not_a_number(std::size_t line, std::size_t column,
                                      std::string_view value) const {
  throw ParseError(
      fmt::format("{}:{}: column \"{}\": expected a number (the column is numeric), "
                  "found \"{}\"",
                  tokenizer_.source_name(), line, names_[column], shorten(value)));
}

void CsvRowParser::throw_field_count(std::size_t line, std::size_t found) const {
  throw ParseError(fmt::format("{}:{}: expected {} fields, found {}", tokenizer_.source_name(),
                               line, names_.size(), found));
}

void CsvRowParser::report_progress(const CsvTokenizer& tokenizer, const ParsedPart& part,
                                   ProgressShare progress) const {
  if (progress.counters == nullptr) {
    if (options_.progress) {
      options_.progress({"read_csv", tokenizer.bytes_done(), tokenizer.bytes_total()});
    }
    return;
  }
  auto& counters = *progress.counters;
  counters[progress.index].store(
      static_cast<std::size_t>(tokenizer.position().cursor - part.begin.cursor),
      std::memory_order_relaxed);
  if (!progress.reports || !options_.progress) return;
  std::size_t done = progress.base;
  for (const auto& counter : counters)
    done += counter.load(std::memory_order_relaxed);
  options_.progress({"read_csv", done, tokenizer.bytes_total()});
}

void CsvRowParser::rescan_as_strings(const CsvTokenizer& prototype, CsvPosition begin,
                                     std::size_t rows, std::size_t column,
                                     StringColumnBuilder& dictionary) const {
  CsvTokenizer again = prototype;
  again.seek(begin);
  for (std::size_t row = 0; row < rows;) {
    again.next_row();
    const auto& fields = again.fields();
    if (fields.size() != names_.size()) continue;  // a skipped bad line
    const std::string_view value = fields[column].view();
    if (markers_.matches(value)) {
      dictionary.add_missing();
    } else {
      dictionary.add(value, fields[column].stable);
    }
    ++row;
  }
}

// A column that looked numeric meets its first non-number: the rows read so far are read
// again, for this column only, as strings. This happens once per column, almost always on
// the first row, so it costs far less than keeping every field's text just in case.
void CsvRowParser::switch_to_strings(const CsvTokenizer& prototype, CsvPosition begin,
                                     std::size_t rows, std::size_t column,
                                     ColumnBuilder& builder) const {
  builder.strings = true;
  builder.dictionary.reserve(std::max(builder.numbers.capacity(), rows + 1));
  builder.numbers = {};
  rescan_as_strings(prototype, begin, rows, column, builder.dictionary);
}

Column CsvRowParser::finish_column(std::vector<ParsedPart>& parts, std::size_t column) const {
  std::string name = names_[column];
  bool any_strings = false;
  for (const auto& part : parts)
    any_strings = any_strings || part.builders[column].strings;
  if (!any_strings) {
    ColumnBuilder& into = parts.front().builders[column];
    for (std::size_t index = 1; index < parts.size(); ++index) {
      auto& numbers = parts[index].builders[column].numbers;
      into.numbers.insert(into.numbers.end(), numbers.begin(), numbers.end());
      numbers = {};
    }
    return Column::numeric(std::move(name), std::move(into.numbers));
  }
  // One part saw a non-number: the others' numbers are read again as strings.
  std::vector<StringColumnBuilder*> dictionaries;
  for (auto& part : parts) {
    ColumnBuilder& builder = part.builders[column];
    if (!builder.strings) switch_to_strings(tokenizer_, part.begin, part.rows, column, builder);
    dictionaries.push_back(&builder.dictionary);
  }
  const ColumnPlan plan = plans_[column];
  std::optional<ColumnType> type;
  if (plan == ColumnPlan::categorical) type = ColumnType::categorical;
  if (plan == ColumnPlan::text) type = ColumnType::text;
  return join_string_columns(dictionaries, std::move(name), type);
}

Dataset CsvRowParser::finish(std::vector<ParsedPart>& parts, std::size_t n_threads) const {
  const std::size_t n_columns = names_.size();
  std::vector<Column> columns(n_columns);
  if (n_threads <= 1 || n_columns == 1) {
    for (std::size_t column = 0; column < n_columns; ++column)
      columns[column] = finish_column(parts, column);
    return Dataset(std::move(columns));
  }
  // Columns are independent: the threads take them one at a time, the ones with the most
  // distinct strings (slowest to join, sort and copy) first.
  std::vector<std::size_t> order(n_columns);
  std::vector<std::size_t> cost(n_columns, 0);
  for (std::size_t column = 0; column < n_columns; ++column) {
    order[column] = column;
    for (const auto& part : parts) {
      const auto& builder = part.builders[column];
      cost[column] += builder.strings ? 4 * builder.dictionary.n_distinct() + 1 : 0;
    }
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return cost[a] > cost[b]; });
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> errors(n_threads);
  const auto work = [&](std::size_t worker) {
    try {
      for (std::size_t index = next++; index < n_columns; index = next++) {
        columns[order[index]] = finish_column(parts, order[index]);
      }
    } catch (...) {
      errors[worker] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t worker = 1; worker < n_threads; ++worker)
    threads.emplace_back(work, worker);
  work(0);
  for (auto& thread : threads)
    thread.join();
  for (const auto& error : errors) {
    if (error) std::rethrow_exception(error);
  }
  return Dataset(std::move(columns));
}

Dataset CsvRowParser::parse(std::size_t max_rows) {
  std::vector<ParsedPart> parts;
  parts.push_back(parse_part(tokenizer_, max_rows, nullptr, {}));
  return finish(parts, 1);
}

}  // namespace loom::io::detail
