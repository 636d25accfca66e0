#pragma once
// Command-line parsing for the loom executable: flags of the form --name [value], repeatable
// where the contract says so, and the CSV flags every reading command shares (CLI.md).
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "loom/io/csv.hpp"

namespace loom::cli {

// A usage error: unknown command or flag, missing argument. Exit status 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct FlagSpec {
  std::string name;  // without the leading "--"
  bool takes_value = true;
  bool repeatable = false;
  bool required = false;
  bool multiple_values = false;  // takes every following non-flag word (--specs A B C)
};

class Arguments {
 public:
  // Parses args (after the command word) against the flags; throws UsageError.
  Arguments(std::string command, const std::vector<std::string>& args, std::vector<FlagSpec> flags);

  bool has(std::string_view flag) const;
  const std::string& value(std::string_view flag) const;  // the last value given
  std::string value_or(std::string_view flag, std::string fallback) const;
  const std::vector<std::string>& values(std::string_view flag) const;
  bool help() const { return help_; }

 private:
  std::string command_;
  std::map<std::string, std::vector<std::string>, std::less<>> values_;
  bool help_ = false;
};

// The CSV flags (--delimiter, --na, --no-default-na, --no-header, --trim, --type, --no-quote).
std::vector<FlagSpec> csv_flags();
// Flags shared by every command (--quiet).
std::vector<FlagSpec> common_flags();
std::vector<FlagSpec> join(std::vector<FlagSpec> a, const std::vector<FlagSpec>& b);
// Builds reading options from the CSV flags; throws UsageError for a bad --delimiter or --type.
io::CsvOptions csv_options(const Arguments& arguments);

}  // namespace loom::cli
