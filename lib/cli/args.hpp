#pragma once
// Command-line parsing shared by every subcommand: declared options only, so a typo is an error
// with a suggestion rather than silently ignored.
#include "hook/io.hpp"
#include "util/result.hpp"

#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace custody::cli {

struct OptionSpec {
  std::string name; // "--repo" or "-n"
  bool takes_value = false;
};

class ParsedArgs {
public:
  bool has(const std::string& name) const { return m_options.count(name) != 0; }
  std::optional<std::string> value(const std::string& name) const;
  std::vector<std::string> values(const std::string& name) const;
  const std::vector<std::string>& positional() const { return m_positional; }

private:
  friend Result<ParsedArgs> parse_args(const std::vector<std::string>&,
                                       const std::vector<OptionSpec>&);
  std::map<std::string, std::vector<std::string>> m_options;
  std::vector<std::string> m_positional;
};

// Accepts `--name value`, `--name=value`, `-n value`; `--` ends options; `--help`/`-h` are always
// accepted as flags.
Result<ParsedArgs> parse_args(const std::vector<std::string>& args,
                              const std::vector<OptionSpec>& specs);

// The prologue every subcommand shares: parses `args`; on a bad command line prints
// "custody <command>: <error>" and `help` to stderr, on --help prints `help` to stdout. Returns
// nullopt in both cases, with `exit_code` set to what the command must return.
std::optional<ParsedArgs> parse_command_line(std::string_view command,
                                             const std::vector<std::string>& args,
                                             const std::vector<OptionSpec>& specs,
                                             std::string_view help, hook::Io& io, int& exit_code);

// "custody <command>: <message>" and, when there is one, "hint: <hint>", on `err`.
void print_command_error(std::ostream& err, std::string_view command, const Error& error);

} // namespace custody::cli
