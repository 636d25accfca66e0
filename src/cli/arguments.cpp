#include "arguments.hpp"

#include <fmt/format.h>

namespace loom::cli {

Arguments::Arguments(std::string command, const std::vector<std::string>& args,
                     std::vector<FlagSpec> flags)
    : command_(std::move(command)) {
  auto find = [&](std::string_view name) -> const FlagSpec* {
    for (const auto& flag : flags) {
      if (flag.name == name) return &flag;
    }
    return nullptr;
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& word = args[i];
    if (word == "--help" || word == "-h") {
      help_ = true;
      continue;
    }
    if (word.rfind("--", 0) != 0) {
      throw UsageError(fmt::format("loom {}: unexpected argument \"{}\"", command_, word));
    }
    std::string name = word.substr(2);
    std::string inline_value;
    bool has_inline = false;
    if (auto equals = name.find('='); equals != std::string::npos) {
      inline_value = name.substr(equals + 1);
      name = name.substr(0, equals);
      has_inline = true;
    }
    const FlagSpec* flag = find(name);
    if (!flag) throw UsageError(fmt::format("loom {}: unknown flag --{}", command_, name));
    auto& slot = values_[name];
    if (!flag->repeatable && !flag->multiple_values && !slot.empty()) {
      throw UsageError(fmt::format("loom {}: --{} given more than once", command_, name));
    }
    if (!flag->takes_value) {
      if (has_inline) throw UsageError(fmt::format("loom {}: --{} takes no value", command_, name));
      slot.push_back("true");
      continue;
    }
    if (has_inline) {
      slot.push_back(inline_value);
      continue;
    }
    if (i + 1 >= args.size() || (args[i + 1].rfind("--", 0) == 0 && args[i + 1].size() > 2)) {
      throw UsageError(fmt::format("loom {}: --{} needs a value", command_, name));
    }
    slot.push_back(args[++i]);
    while (flag->multiple_values && i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) {
      slot.push_back(args[++i]);
    }
  }
  if (help_) return;
  for (const auto& flag : flags) {
    if (flag.required && !has(flag.name)) {
      throw UsageError(fmt::format("loom {}: missing required flag --{}", command_, flag.name));
    }
  }
}

bool Arguments::has(std::string_view flag) const {
  auto found = values_.find(flag);
  return found != values_.end() && !found->second.empty();
}

const std::string& Arguments::value(std::string_view flag) const {
  auto found = values_.find(flag);
  if (found == values_.end() || found->second.empty()) {
    throw UsageError(fmt::format("loom {}: missing required flag --{}", command_, flag));
  }
  return found->second.back();
}

std::string Arguments::value_or(std::string_view flag, std::string fallback) const {
  return has(flag) ? value(flag) : fallback;
}

const std::vector<std::string>& Arguments::values(std::string_view flag) const {
  static const std::vector<std::string> kNone;
  auto found = values_.find(flag);
  return found == values_.end() ? kNone : found->second;
}

std::vector<FlagSpec> csv_flags() {
  return {{"delimiter"},   {"na", true, true},   {"no-default-na", false}, {"no-header", false},
          {"trim", false}, {"type", true, true}, {"no-quote", false}};
}

std::vector<FlagSpec> common_flags() {
  return {{"quiet", false}};
}

std::vector<FlagSpec> join(std::vector<FlagSpec> a, const std::vector<FlagSpec>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

io::CsvOptions csv_options(const Arguments& arguments) {
  io::CsvOptions options;
  if (arguments.has("delimiter")) {
    const std::string& text = arguments.value("delimiter");
    if (text == "\\t" || text == "\t") {
      options.delimiter = '\t';
    } else if (text.size() == 1) {
      options.delimiter = text[0];
    } else {
      throw UsageError(fmt::format("--delimiter takes one character (or \\t), got \"{}\"", text));
    }
  }
  options.na_values = arguments.values("na");
  options.keep_default_na = !arguments.has("no-default-na");
  options.header = !arguments.has("no-header");
  options.trim = arguments.has("trim");
  options.quoting = !arguments.has("no-quote");
  for (const auto& item : arguments.values("type")) {
    const auto equals = item.rfind('=');
    if (equals == std::string::npos || equals == 0) {
      throw UsageError(
          fmt::format("--type takes COLUMN=numeric|categorical|text, got \"{}\"", item));
    }
    const std::string type = item.substr(equals + 1);
    if (type != "numeric" && type != "categorical" && type != "text") {
      throw UsageError(
          fmt::format("--type {}: the type must be numeric, categorical or text", item));
    }
    options.types[item.substr(0, equals)] = column_type_from_string(type);
  }
  return options;
}

}  // namespace loom::cli
